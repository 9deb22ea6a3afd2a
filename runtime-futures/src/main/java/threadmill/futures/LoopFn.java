package threadmill.futures;

import java.util.function.Function;

/**
 * {@link Futures#loopFn}: a state machine that runs the body's future, then the next one built
 * from its state, without recursion on the stack: one object per loop, iterations in a
 * {@code for} inside {@link #poll}.
 */
final class LoopFn<S, R> implements Future<R> {

    private S state;
    private Function<? super S, ? extends Future<Loop<S, R>>> body;
    private Future<Loop<S, R>> step;

    LoopFn(S initial, Function<? super S, ? extends Future<Loop<S, R>>> body) {
        this.state = initial;
        this.body = body;
    }

    @Override
    public Poll<R> poll(Context cx) {
        Completion.check(body);
        for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
            if (step == null) {
                step = body.apply(state);
            }
            Poll<Loop<S, R>> p = step.poll(cx);
            if (p.isPending()) {
                return Poll.pending();
            }
            step = null;
            Loop<S, R> next = p.value();
            if (next.isBreak()) {
                body = null;
                state = null;
                return Poll.ready(next.result());
            }
            state = next.state();
        }
        return CoopBudget.yieldTo(cx);
    }

    @Override
    public void cancel() {
        Completion.cancel(step);
        step = null;
        body = null;
    }
}
