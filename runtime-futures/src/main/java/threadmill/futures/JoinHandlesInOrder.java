package threadmill.futures;

import java.util.List;
import threadmill.futures.task.JoinHandle;

/**
 * {@link Futures#joinAll} of spawned tasks. Each task runs on its own, so awaiting the handles
 * one after another finishes exactly when the last task does, and only the handle being awaited
 * holds the caller's waker: joining a million tasks stores one waker reference at a time,
 * allocates no per-child waker, and costs O(n) polls in total (polling every handle on every
 * wake would cost O(n) per wake). Handles are released as soon as they are read.
 */
final class JoinHandlesInOrder<T> implements Future<List<T>> {

    private JoinHandle<? extends T>[] handles;
    private final Object[] outputs;
    private int next;

    @SuppressWarnings({"unchecked", "rawtypes"})
    JoinHandlesInOrder(List<? extends Future<? extends T>> handles) {
        this.handles = handles.toArray(new JoinHandle[0]);
        this.outputs = new Object[this.handles.length];
    }

    @Override
    public Poll<List<T>> poll(Context cx) {
        JoinHandle<? extends T>[] all = Completion.check(handles);
        while (next < all.length) {
            Poll<? extends T> p = all[next].poll(cx);
            if (p.isPending()) {
                return Poll.pending();
            }
            outputs[next] = p.value();
            all[next++] = null;
        }
        handles = null;
        return Poll.ready(Futures.listOf(outputs));
    }
}
