package threadmill.futures.taskruntime;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import threadmill.futures.Futures;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinHandle;
import threadmill.workload.RunningTasks;

/**
 * The spawned tasks of a sleep fan-out: joined in order with one waker, or aborted. The tasks
 * add their indexes to {@code sum} as they finish (see {@link Sleepers}).
 */
final class SpawnedSleepers implements RunningTasks {

    private final WorkerPool pool;
    private final List<JoinHandle<Void>> handles;
    private final LongAdder sum;

    SpawnedSleepers(WorkerPool pool, List<JoinHandle<Void>> handles, LongAdder sum) {
        this.pool = pool;
        this.handles = handles;
        this.sum = sum;
    }

    /**
     * Joins every task, then lets go of the handles: the list's array of a large fan-out is a
     * humongous object under G1, and while it is not yet found dead every young collection would
     * copy the finished tasks it references (see ThreadLauncher's threads).
     */
    @Override
    public long join() {
        pool.blockOn(Futures.joinAll(handles));
        handles.clear();
        return sum.sum();
    }

    @Override
    public void cancel() {
        handles.forEach(JoinHandle::abort);
    }
}
