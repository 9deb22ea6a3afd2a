package threadmill.futures;

/**
 * {@link Futures#select}: the first of two futures to finish wins and the other is cancelled
 * (tokio's {@code select!} in {@code biased;} mode: {@code a} is polled first on every wake).
 */
final class Select<T> implements Future<T> {

    private Future<? extends T> a;
    private Future<? extends T> b;

    Select(Future<? extends T> a, Future<? extends T> b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public Poll<T> poll(Context cx) {
        Completion.check(a);
        try {
            Poll<? extends T> p = a.poll(cx);
            if (p.isPending()) {
                p = b.poll(cx);
            }
            if (p.isPending()) {
                return Poll.pending();
            }
            cancel();
            return Poll.ready(p.value());
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
    }

    @Override
    public void cancel() {
        Future<? extends T> x = a;
        Future<? extends T> y = b;
        a = null;
        b = null;
        Completion.cancel(x);
        Completion.cancel(y);
    }
}
