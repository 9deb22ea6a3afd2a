package threadmill.futures;

/**
 * {@link Futures#yieldNow}: Pending once, after waking itself, so the executor puts the task at
 * the back of its run queue and polls the others first (tokio's {@code task::yield_now}).
 */
final class YieldNow implements Future<Void> {

    private boolean yielded;

    @Override
    public Poll<Void> poll(Context cx) {
        if (yielded) {
            return Poll.ready(null);
        }
        yielded = true;
        cx.waker().wake();
        return Poll.pending();
    }
}
