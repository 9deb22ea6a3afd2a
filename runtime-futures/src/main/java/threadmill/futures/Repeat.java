package threadmill.futures;

import java.util.function.IntFunction;

/**
 * {@link Futures#repeat}: awaits {@code body(0)}, then {@code body(1)}, ... {@code body(n-1)}
 * one after another; the iteration is a counter, not a chain of nested futures.
 */
final class Repeat implements Future<Void> {

    private final int times;
    private IntFunction<? extends Future<?>> body;
    private Future<?> current;
    private int done;

    Repeat(int times, IntFunction<? extends Future<?>> body) {
        this.times = times;
        this.body = body;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        Completion.check(body);
        for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
            if (done == times) {
                body = null;
                return Poll.ready(null);
            }
            if (current == null) {
                current = body.apply(done);
            }
            if (current.poll(cx).isPending()) {
                return Poll.pending();
            }
            current = null;
            done++;
        }
        return CoopBudget.yieldTo(cx);
    }

    @Override
    public void cancel() {
        Completion.cancel(current);
        current = null;
        body = null;
    }
}
