package threadmill.futures.task;

/**
 * How a task gets back onto a run queue when woken: implemented by each executor. Called at most
 * once per wake-up (the task's NOTIFIED bit guarantees it), from any thread.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * Queues the task to be {@link Task#run() run}. An executor that has shut down calls
     * {@link Task#shutdown()} instead (or {@link Task#shutdown(Throwable)} with what made it
     * fail), so that the task's joiner learns it was cancelled.
     */
    void schedule(Task<?> task);
}
