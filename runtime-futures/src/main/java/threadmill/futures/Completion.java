package threadmill.futures;

/**
 * The bookkeeping every combinator shares: a child that finished or was cancelled is dropped
 * (set to null), and polling a combinator whose children are all gone is a bug in the caller.
 */
final class Completion {

    private Completion() {
    }

    /** The child to poll, or the error for a future polled after it returned Ready. */
    static <F> F check(F child) {
        if (child == null) {
            throw new IllegalStateException("future polled after it returned Ready or was cancelled");
        }
        return child;
    }

    static void cancel(Future<?> child) {
        if (child != null) {
            child.cancel();
        }
    }
}
