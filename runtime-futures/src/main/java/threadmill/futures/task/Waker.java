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

    /** A waker that does nothing, for polling a future by hand. */
    static Waker noop() {
        return () -> { };
    }
}
