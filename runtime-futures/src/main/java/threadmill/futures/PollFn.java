package threadmill.futures;

import java.util.function.Function;

/** {@link Futures#pollFn}: a future whose poll is a function (Rust's {@code std::future::poll_fn}). */
final class PollFn<T> implements Future<T> {

    private Function<? super Context, Poll<T>> f;

    PollFn(Function<? super Context, Poll<T>> f) {
        this.f = f;
    }

    @Override
    public Poll<T> poll(Context cx) {
        Poll<T> p = Completion.check(f).apply(cx);
        if (p.isReady()) {
            f = null;
        }
        return p;
    }
}
