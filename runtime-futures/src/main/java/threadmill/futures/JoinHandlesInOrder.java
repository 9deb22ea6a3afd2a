package threadmill.futures;

import java.util.List;
import threadmill.futures.task.JoinHandle;

/**
 * {@link Futures#joinAll} of spawned tasks. Each task runs on its own, so awaiting the handles
 * one after another finishes exactly when the last task does, and only the handle being awaited
 * holds the caller's waker: joining a million tasks stores one waker reference at a time,
 * allocates no per-child waker, and costs O(n) polls in total (polling every handle on every
 * wake would cost O(n) per wake). Handles are released as soon as they are read.
 *
 * <p>While the next handle in order is unfinished, the caller waits on the one halfway from it
 * to the end instead, if that one is unfinished too. The tasks of a fan-out finish in about the
 * order they were spawned, so awaiting each next handle would wake the caller every time it
 * caught up with them, each a thread wake-up paid by a worker when the caller is in
 * {@code blockOn} and each a run of the caller on a core the tasks need. Halving wakes it about
 * log2(n) times and still collects the outputs while the tasks run, where awaiting the last
 * handle first would wake it once but leave the whole sweep until after the last task.
 *
 * <p>The blocking runtimes join their threads in the same order with their own
 * {@code FanOutJoin}. The two stay separate: this library depends on the JDK alone, and the
 * blocking one waits on threads, not on handles polled with a waker.
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
            if (all[next] == null) {
                next++;
            } else if (all[next].isFinished()) {
                collect(all, next++, cx);
            } else if (!collect(all, waitIndex(all), cx)) {
                return Poll.pending();
            }
        }
        handles = null;
        return Poll.ready(Futures.listOf(outputs));
    }

    /** While the handle at {@code next} is unfinished: the one halfway to the end, if unfinished too. */
    private int waitIndex(JoinHandle<? extends T>[] all) {
        int half = next + (all.length - next) / 2;
        JoinHandle<? extends T> ahead = all[half];
        return ahead != null && !ahead.isFinished() ? half : next;
    }

    /** Polls handle {@code i}; once it is ready, keeps its output and lets go of it. */
    private boolean collect(JoinHandle<? extends T>[] all, int i, Context cx) {
        Poll<? extends T> p = all[i].poll(cx);
        if (p.isPending()) {
            return false;
        }
        outputs[i] = p.value();
        all[i] = null;
        return true;
    }
}
