package threadmill.futures.task;

/**
 * A task did not produce its output: it threw (the exception is the cause) or it was aborted.
 * Thrown by awaiting its {@link JoinHandle} (tokio's {@code JoinError}).
 */
public final class JoinError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean cancelled;

    private JoinError(String message, Throwable cause, boolean cancelled) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    static JoinError failed(Throwable cause) {
        return new JoinError("task failed: " + cause, cause, false);
    }

    static JoinError cancelled() {
        return new JoinError("task was cancelled", null, true);
    }

    /** Cancelled because its runtime failed: {@code cause} is what ended the runtime. */
    static JoinError cancelled(Throwable cause) {
        return new JoinError("task was cancelled: its runtime failed: " + cause, cause, true);
    }

    /**
     * True when the task was aborted or its runtime shut down before it finished. A runtime that
     * stopped because it failed (a worker thread died) gives the error that ended it as the cause.
     */
    public boolean isCancelled() {
        return cancelled;
    }
}
