package threadmill.futures.task;

import threadmill.futures.Future;

/**
 * The handle of a spawned task (tokio's {@code JoinHandle}). Awaiting it yields the task's
 * output, or throws {@link JoinError} whose cause is the exception the task threw, or which
 * {@link JoinError#isCancelled() is cancelled} when the task was aborted. Dropping the handle (or
 * cancelling a combinator that holds it) detaches the task: it keeps running.
 *
 * <p>Await it from outside a runtime with {@code blockOn}, inside one by composing it with other
 * futures ({@code map}, {@code then}, {@code Futures.joinAll}). A task that threw:
 * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=join-handle}
 */
public interface JoinHandle<T> extends Future<T> {

    /**
     * Cancels the task: it is not polled again, and its future is cancelled on the executor,
     * which releases what it holds (timer entry, socket registration). No effect on a task that
     * has finished.
     * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=abort}
     */
    void abort();

    /** True once the task has finished: output stored, failed, or aborted. */
    boolean isFinished();
}
