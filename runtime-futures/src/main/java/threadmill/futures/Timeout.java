package threadmill.futures;

import java.time.Duration;
import threadmill.futures.time.Elapsed;
import threadmill.futures.time.Sleep;

/**
 * {@link Futures#timeout}: the inner future, unless its deadline passes first; then the inner
 * future is cancelled and {@link Elapsed} is thrown (tokio's {@code time::timeout}). The
 * deadline is fixed when the timeout is created.
 */
final class Timeout<T> implements Future<T> {

    private Future<T> inner;
    private final Sleep deadline;
    private final Duration limit;

    Timeout(Future<T> inner, Duration limit) {
        this.inner = inner;
        this.deadline = new Sleep(limit);
        this.limit = limit;
    }

    @Override
    public Poll<T> poll(Context cx) {
        Poll<T> p;
        try {
            p = Completion.check(inner).poll(cx);
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
        if (p.isReady()) {
            inner = null;
            deadline.cancel();
            return p;
        }
        if (deadline.poll(cx).isReady()) {
            cancel();
            throw new Elapsed(limit);
        }
        return Poll.pending();
    }

    @Override
    public void cancel() {
        Future<T> x = inner;
        inner = null;
        deadline.cancel();
        Completion.cancel(x);
    }
}
