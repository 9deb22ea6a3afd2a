package threadmill.futures;

import java.util.function.Function;

/** {@link Future#then}: await one future, then await the future built from its output. */
final class Then<T, U> implements Future<U> {

    private Future<T> first;
    private Function<? super T, ? extends Future<U>> next;
    private Future<U> second;

    Then(Future<T> first, Function<? super T, ? extends Future<U>> next) {
        this.first = first;
        this.next = next;
    }

    @Override
    public Poll<U> poll(Context cx) {
        if (second == null) {
            Poll<T> p = Completion.check(first).poll(cx);
            if (p.isPending()) {
                return Poll.pending();
            }
            first = null;
            second = next.apply(p.value());
            next = null;
        }
        Poll<U> p = second.poll(cx);
        if (p.isReady()) {
            second = null;
        }
        return p;
    }

    @Override
    public void cancel() {
        Completion.cancel(first);
        Completion.cancel(second);
        first = null;
        second = null;
    }
}
