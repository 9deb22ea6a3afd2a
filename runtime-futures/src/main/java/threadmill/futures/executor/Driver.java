package threadmill.futures.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import threadmill.futures.net.Reactor;
import threadmill.futures.task.Waker;
import threadmill.futures.time.Clock;
import threadmill.futures.time.TimerWheel;

/**
 * What an executor thread parks on: its timer wheel and its reactor, driven together. The
 * thread blocks in the selector for at most the time until the wheel's next deadline, then
 * fires the timers that are due (tokio's driver stack: time driver over IO driver).
 *
 * <p>Each driver is owned by one thread (a pool worker, or the thread inside
 * {@link LocalExecutor#blockOn}), which alone calls {@link #turn}; other threads only arm
 * timers and register sockets in it, and then wake it through {@link #timerArmed()} or the
 * reactor, so that it recomputes how long to block.
 */
public final class Driver implements AutoCloseable {

    private static final ThreadLocal<Driver> CURRENT = new ThreadLocal<>();
    private static final int WAKE_BATCH = 1024;

    private final TimerWheel timer = new TimerWheel();
    private final Reactor reactor = new Reactor();
    private final List<Waker> due = new ArrayList<>();
    /** The time timers are fired against: the {@link Clock}'s ticks, or a test's. */
    private final LongSupplier nowTicks;
    private Driver[] siblings = {this};
    private int index;

    public Driver() {
        this(Clock::nowTicks);
    }

    /** A driver that fires timers against {@code nowTicks} instead of the clock: for tests. */
    Driver(LongSupplier nowTicks) {
        this.nowTicks = nowTicks;
    }

    /** The driver of the runtime the calling thread belongs to; futures arm timers and sockets there. */
    public static Driver current() {
        Driver driver = CURRENT.get();
        if (driver == null) {
            throw new IllegalStateException("no threadmill runtime on thread " + Thread.currentThread().getName()
                    + ": timers and sockets must be polled inside LocalExecutor.blockOn, WorkerPool.blockOn or a spawned task");
        }
        return driver;
    }

    /**
     * True on a thread that runs tasks of a runtime (a worker, or a thread inside a
     * {@code blockOn}): it must not block waiting for another runtime thread.
     */
    public static boolean insideRuntime() {
        return CURRENT.get() != null;
    }

    /** Makes {@code driver} the calling thread's current driver; returns the previous one. */
    static Driver enter(Driver driver) {
        Driver previous = CURRENT.get();
        CURRENT.set(driver);
        return previous;
    }

    static void exit(Driver previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    public TimerWheel timer() {
        return timer;
    }

    public Reactor reactor() {
        return reactor;
    }

    /**
     * The drivers of the same pool, this one at {@code index}: a new channel may register in any
     * of them. Set before the owning threads start.
     */
    void shareChannelsWith(Driver[] pool, int index) {
        this.siblings = pool;
        this.index = index;
    }

    /**
     * The reactor a channel registers in when a poll first has to wait for it: this driver's,
     * unless another driver of the pool, chosen at random, has fewer channels (the power of two
     * choices: the most loaded stays within a small margin of the mean). Readiness wakes a task on
     * its channel's driver, so the task then runs there. Registering only in the polling
     * thread's own reactor put two thirds of an echo server's 10,000 connections on the worker
     * that ran the accept loop, and their round trips took twice as long as the others'
     * (DESIGN.md); Netty assigns each channel to an event loop for the same reason.
     */
    public Reactor reactorForNewChannel() {
        Driver[] pool = siblings;
        if (pool.length == 1) {
            return reactor;
        }
        int otherIndex = (index + 1 + ThreadLocalRandom.current().nextInt(pool.length - 1)) % pool.length;
        Reactor other = pool[otherIndex].reactor;
        return other.channels() < reactor.channels() ? other : reactor;
    }

    /** A timer was armed, maybe by another thread: a parked owner must recompute its timeout. */
    public void timerArmed() {
        reactor.wakeup();
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
     * timers left in the wheel fire at the next turn, in deadline order. For 10,000 sleepers of
     * 10 ms on two workers (a throwaway harness, DESIGN.md): lateness p90 0.37 ms against
     * 0.49-0.53 ms, p99 0.69-1.35 ms against 1.45-1.86 ms.
     *
     * <p>Every turn selects and fires timers, and may wake at least one socket's tasks and one
     * timer's even when the queue is full: a worker whose queue stays full of tasks that wake
     * each other must still serve I/O and timers at every turn, so readiness waits at most a
     * turn's worth of tasks, never for the queue to drain. (Selecting only with room for half a
     * select's batch saved selects that report many more sockets than the room lets them wake;
     * it also let more than 512 runnable tasks postpone every socket for as long as they ran.)
     */
    void turn(boolean block, int wakeLimit) {
        long timeoutNanos = 0;
        if (block) {
            long next = timer.nextDeadline();
            timeoutNanos = next == TimerWheel.NONE ? -1 : Math.max(0, Clock.nanosUntil(next));
            if (timeoutNanos == 0) {
                reactor.cancelPark();
            }
        }
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

    /** Wakes every task still waiting on this driver's timers or sockets, then closes the selector. */
    @Override
    public void close() {
        timer.drainTo(due);
        due.forEach(Waker::wakeGuarded);
        due.clear();
        reactor.close();
    }
}
