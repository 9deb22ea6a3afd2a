package threadmill.workload;

/**
 * Watches the round trips of a request fan-out from inside, so the latency benchmark can
 * record each one. Called on the task doing the round trip; must be cheap and thread-safe.
 */
public interface RequestObserver {

    /** Observes nothing; what a plain run uses. */
    RequestObserver NONE = new RequestObserver() { };

    /** Request {@code request} of connection {@code connection} is about to be written. */
    default void sending(int connection, int request) {
    }

    /** Its echo has been read back in full and checked. */
    default void echoed(int connection, int request) {
    }
}
