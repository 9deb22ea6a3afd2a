package threadmill.futures.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import threadmill.futures.net.Reactor;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.Waker;
import threadmill.futures.time.TickClock;
import threadmill.futures.time.TimerWheel;

/**
 * What an executor thread parks on: its timer wheel and its reactor, driven together. The
 * thread blocks in the selector for at most the time until the wheel's next deadline, then
 * fires the timers that are due (tokio's driver stack: time driver over IO driver).
 *
 * <p>Each driver is owned by one thread (a pool worker, or the thread inside
 * {@link LocalExecutor#blockOn}), which alone calls {@link #turn}, and which {@link #enter}s
 * the driver's wheel and reactor as its runtime context: timers polled on that thread arm in
 * this wheel, sockets register in this reactor or another of the pool's. Other threads only
 * arm timers and register sockets in it, and then wake it through the reactor, so that it
 * recomputes how long to block.
 */
final class Driver implements AutoCloseable {

    private static final int WAKE_BATCH = Tunables.WAKE_BATCH;

    private final Reactor reactor = new Reactor();
    private final TimerWheel timer;
    private final List<Waker> due = new ArrayList<>();
    /** The time timers are fired against: the {@link TickClock}'s ticks, or a test's. */
    private final LongSupplier nowTicks;
    /** Turns taken, for tests: written by the owner alone, read by anyone. */
    private volatile int turns;

    Driver() {
        this(TickClock::nowTicks);
    }

    /** A driver that fires timers against {@code nowTicks} instead of the clock: for tests. */
    Driver(LongSupplier nowTicks) {
        this.nowTicks = nowTicks;
        this.timer = new TimerWheel(reactor::wakeup);
    }

    /**
     * True on a thread that runs tasks of a runtime (a worker, or a thread inside a
     * {@code blockOn}): it must not block waiting for another runtime thread.
     */
    static boolean insideRuntime() {
        return Reactor.CONTEXT.isEntered();
    }

    /**
     * Makes this driver's wheel and reactor the calling thread's runtime context
     * ({@link TimerWheel#CONTEXT}, {@link Reactor#CONTEXT}); returns what to restore when the
     * thread leaves the runtime.
     */
    Previous enter() {
        return new Previous(TimerWheel.CONTEXT.enter(timer), Reactor.CONTEXT.enter(reactor));
    }

    /** The context a thread had before {@link #enter}; {@link #restore()} puts it back. */
    record Previous(TimerWheel timer, Reactor reactor) {

        void restore() {
            TimerWheel.CONTEXT.exit(timer);
            Reactor.CONTEXT.exit(reactor);
        }
    }

    TimerWheel timer() {
        return timer;
    }

    Reactor reactor() {
        return reactor;
    }

    /**
     * Makes the drivers one pool: a new channel polled on any of their threads may register in
     * any of their reactors (see {@link Reactor#forNewChannel()}). Call before the owning
     * threads start.
     */
    static void shareChannels(Driver[] pool) {
        Reactor[] reactors = new Reactor[pool.length];
        for (int i = 0; i < pool.length; i++) {
            reactors[i] = pool[i].reactor;
        }
        for (int i = 0; i < pool.length; i++) {
            reactors[i].shareChannelsWith(reactors, i);
        }
    }

    void prepareToPark() {
        reactor.prepareToPark();
    }

    void cancelPark() {
        reactor.cancelPark();
    }

    /**
     * Processes ready I/O and due timers, blocking first (after {@link #prepareToPark()}) until
     * I/O, a wakeup, or the start of the next timer tick when {@code block} is true.
     */
    void turn(boolean block) {
        turn(block, WAKE_BATCH);
    }

    /**
     * As {@link #turn(boolean)}, waking at most {@code wakeLimit} tasks, sockets first, then
     * timers: for an executor that queues the tasks it wakes in a bounded queue, and passes the
     * room left in it. Tasks woken beyond that would overflow a worker's queue, which moves its
     * oldest half (the tasks woken first) to the injection queue, to run after newer ones;
     * sockets left unreported are reported again by a later select (see {@link Reactor#poll}),
     * timers left in the wheel fire at the next turn, in deadline order.
     *
     * <p>Every turn selects and fires timers, and may wake at least one socket's tasks and one
     * timer's even when the queue is full: a worker whose queue stays full of tasks that wake
     * each other must still serve I/O and timers at every turn, so readiness waits at most a
     * turn's worth of tasks, never for the queue to drain. (A turn that skipped the select while
     * little room was left would save selects that report more sockets than it may wake, but
     * would let a queue that stays full postpone every socket for as long as its tasks run.)
     */
    void turn(boolean block, int wakeLimit) {
        long timeoutNanos = 0;
        if (block) {
            long next = timer.nextDeadline();
            timeoutNanos = next == TimerWheel.NONE ? -1 : Math.max(0, TickClock.nanosUntil(next));
            if (timeoutNanos == 0) {
                reactor.cancelPark();
            }
        }
        turns++;
        int limit = Math.max(1, Math.min(wakeLimit, WAKE_BATCH));
        int woken = reactor.poll(timeoutNanos, limit);
        fireDueTimers(Math.max(1, limit - woken));
    }

    /**
     * Fires due timers a batch at a time until one batch woke some task, or nothing is left due.
     * What is left is fired at the executor's next turn, after it ran the tasks just woken: a
     * backlog of a million expirations (or a large cascade) is interleaved with running tasks
     * instead of being woken all before any of them runs.
     */
    private void fireDueTimers(int batch) {
        long now = nowTicks.getAsLong();
        boolean more;
        boolean woke;
        do {
            more = timer.expire(now, due, batch);
            woke = !due.isEmpty();
            for (int i = 0; i < due.size(); i++) {
                Waker.wakeGuarded(due.get(i));
            }
            due.clear();
        } while (more && !woke);
    }

    /** Turns taken so far. */
    int turns() {
        return turns;
    }

    /** Wakes every task still waiting on this driver's timers or sockets, then closes the selector. */
    @Override
    public void close() {
        timer.drainTo(due);
        due.forEach(Waker::wakeGuarded);
        due.clear();
        reactor.close();
    }
}
