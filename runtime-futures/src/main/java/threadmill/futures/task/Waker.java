package threadmill.futures.task;

/**
 * Rust's {@code std::task::Waker}: makes its task be polled again. {@link #wake()} may be called
 * from any thread, any number of times, before, during or after the poll that stored it; a wake
 * that races with a running poll is never lost (the task is polled once more), and wakes that
 * arrive while the task is already scheduled collapse into one poll.
 */
@FunctionalInterface
public interface Waker {

    void wake();

    /**
     * Wakes {@code waker} on behalf of a driver (timers, I/O): an exception from a faulty waker
     * goes to the thread's uncaught-exception handler instead of ending the thread that drives
     * every other task's timers and sockets.
     */
    static void wakeGuarded(Waker waker) {
        try {
            waker.wake();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /** A waker that does nothing, for polling a future by hand. */
    static Waker noop() {
        return () -> { };
    }
}
