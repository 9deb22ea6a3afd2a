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
     * Wakes {@code waker} on behalf of a runtime thread (a driver firing timers or dispatching
     * I/O, a task waking its joiner): whatever a faulty waker throws, an Error included, goes to
     * the thread's uncaught-exception handler instead of ending the thread that runs every other
     * task, timer and socket.
     */
    static void wakeGuarded(Waker waker) {
        try {
            waker.wake();
        } catch (Throwable e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /** A waker that does nothing, for polling a future by hand. */
    static Waker noop() {
        return () -> { };
    }
}
