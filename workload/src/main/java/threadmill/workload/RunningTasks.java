package threadmill.workload;

/** The tasks of a sleep fan-out that {@link TaskRuntime#startSleepers} started. */
public interface RunningTasks {

    /** Waits until every task has completed and returns the sum of their results. */
    long join() throws InterruptedException;

    /** Stops tasks that have not completed yet; {@link #join()} must not be called after it. */
    void cancel();
}
