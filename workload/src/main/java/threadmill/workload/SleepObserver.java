package threadmill.workload;

/**
 * Watches the tasks of a sleep fan-out from inside: the memory probe uses it to know when
 * every task is alive and about to park, the latency benchmark to measure timer lateness.
 * Both methods are called on the task itself, so they must be cheap and thread-safe.
 */
public interface SleepObserver {

    /** Observes nothing; what a plain run uses. */
    SleepObserver NONE = new SleepObserver() { };

    /** Task {@code task} is about to sleep (for a zero sleep: about to return). */
    default void parking(int task) {
    }

    /** Task {@code task} has woken from its sleep (not called for a zero sleep). */
    default void woke(int task) {
    }
}
