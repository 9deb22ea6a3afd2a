package threadmill.futures;

/**
 * {@link Futures#join}: polls both futures on every wake until both are ready (Rust's
 * {@code join!}); when one throws, the other is cancelled and the exception propagates.
 */
final class Join<A, B> implements Future<Pair<A, B>> {

    private Future<A> a;
    private Future<B> b;
    private A first;
    private B second;

    Join(Future<A> a, Future<B> b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public Poll<Pair<A, B>> poll(Context cx) {
        if (a == null && b == null) {
            Completion.check(null);
        }
        try {
            if (a != null) {
                Poll<A> p = a.poll(cx);
                if (p.isReady()) {
                    first = p.value();
                    a = null;
                }
            }
            if (b != null) {
                Poll<B> p = b.poll(cx);
                if (p.isReady()) {
                    second = p.value();
                    b = null;
                }
            }
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
        if (a != null || b != null) {
            return Poll.pending();
        }
        Pair<A, B> both = new Pair<>(first, second);
        first = null;
        second = null;
        return Poll.ready(both);
    }

    @Override
    public void cancel() {
        Future<A> x = a;
        Future<B> y = b;
        a = null;
        b = null;
        Completion.cancel(x);
        Completion.cancel(y);
    }
}
