package threadmill.futures;

import java.util.List;

/**
 * {@link Futures#joinAll} of plain futures: they only progress while polled, so every wake
 * polls each one still pending (futures-rs {@code join_all} for small lists). The outputs keep
 * the order of the input.
 */
final class JoinAll<T> implements Future<List<T>> {

    private Future<? extends T>[] pending;
    private final Object[] outputs;
    private int remaining;

    @SuppressWarnings({"unchecked", "rawtypes"})
    JoinAll(List<? extends Future<? extends T>> futures) {
        this.pending = futures.toArray(new Future[0]);
        this.outputs = new Object[pending.length];
        this.remaining = pending.length;
    }

    @Override
    public Poll<List<T>> poll(Context cx) {
        Future<? extends T>[] children = Completion.check(pending);
        try {
            for (int i = 0; i < children.length && remaining > 0; i++) {
                if (children[i] != null) {
                    Poll<? extends T> p = children[i].poll(cx);
                    if (p.isReady()) {
                        outputs[i] = p.value();
                        children[i] = null;
                        remaining--;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
        if (remaining > 0) {
            return Poll.pending();
        }
        pending = null;
        return Poll.ready(Futures.listOf(outputs));
    }

    @Override
    public void cancel() {
        Future<? extends T>[] children = pending;
        pending = null;
        if (children != null) {
            for (Future<? extends T> child : children) {
                Completion.cancel(child);
            }
        }
    }
}
