package threadmill.futures.executor;

import java.util.ArrayList;
import java.util.List;
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

    /** The driver of the runtime the calling thread belongs to; futures arm timers and sockets there. */
    public static Driver current() {
        Driver driver = CURRENT.get();
        if (driver == null) {
            throw new IllegalStateException("no threadmill runtime on thread " + Thread.currentThread().getName()
                    + ": timers and sockets must be polled inside LocalExecutor.blockOn, WorkerPool.blockOn or a spawned task");
        }
        return driver;
    }

    static boolean insideRuntime() {
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
     * I/O, a wakeup, or the next timer deadline when {@code block} is true.
     */
    void turn(boolean block) {
        long timeout = 0;
        if (block) {
            long next = timer.nextDeadline();
            long now = Clock.nowMillis();
            timeout = next == TimerWheel.NONE ? -1 : Math.max(0, next - now);
            if (timeout == 0) {
                reactor.cancelPark();
            }
        }
        reactor.poll(timeout);
        fireDueTimers();
    }

    private void fireDueTimers() {
        boolean more;
        do {
            more = timer.expire(Clock.nowMillis(), due, WAKE_BATCH);
            for (int i = 0; i < due.size(); i++) {
                Waker.wakeGuarded(due.get(i));
            }
            due.clear();
        } while (more);
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
