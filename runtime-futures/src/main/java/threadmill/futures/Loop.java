package threadmill.futures;

/**
 * One step of {@link Futures#loopFn}: go round again with a new state, or stop with a result
 * (futures 0.1's {@code Loop::Continue} / {@code Loop::Break}).
 */
public final class Loop<S, R> {

    private final S state;
    private final R result;
    private final boolean done;

    private Loop(S state, R result, boolean done) {
        this.state = state;
        this.result = result;
        this.done = done;
    }

    public static <S, R> Loop<S, R> continueWith(S state) {
        return new Loop<>(state, null, false);
    }

    public static <S, R> Loop<S, R> breakWith(R result) {
        return new Loop<>(null, result, true);
    }

    public boolean isBreak() {
        return done;
    }

    public S state() {
        return state;
    }

    public R result() {
        return result;
    }
}
