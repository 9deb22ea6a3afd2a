/**
 * Tasks: the {@link threadmill.futures.task.Task} cell (future or output, state bits, join
 * waker), which is also the task's {@link threadmill.futures.task.Waker} and
 * {@link threadmill.futures.task.JoinHandle}; {@link threadmill.futures.task.TaskLocal}.
 *
 * <p>Invariants: the state int changes only by CAS. Only the thread that set RUNNING touches
 * the stage (the future) until it clears RUNNING; the joiner reads the output only after it saw
 * COMPLETE. Wakers and {@code abort()} may be called from any thread at any time; whoever
 * moves a task from idle to NOTIFIED schedules it, exactly once. Nothing a task's own code
 * throws (its poll, its cancel, its joiner's waker) escapes {@code Task.run} into the executor.
 */
package threadmill.futures.task;
