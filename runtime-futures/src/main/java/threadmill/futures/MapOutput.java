package threadmill.futures;

import java.util.function.Function;

/** {@link Future#map}: one future, its output passed through a function. */
final class MapOutput<T, U> implements Future<U> {

    private Future<T> inner;
    private final Function<? super T, ? extends U> f;

    MapOutput(Future<T> inner, Function<? super T, ? extends U> f) {
        this.inner = inner;
        this.f = f;
    }

    @Override
    public Poll<U> poll(Context cx) {
        Poll<T> p = Completion.check(inner).poll(cx);
        if (p.isPending()) {
            return Poll.pending();
        }
        inner = null;
        return Poll.ready(f.apply(p.value()));
    }

    @Override
    public void cancel() {
        Completion.cancel(inner);
        inner = null;
    }
}
