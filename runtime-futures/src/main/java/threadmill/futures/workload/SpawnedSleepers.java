package threadmill.futures.workload;

import java.util.List;
import threadmill.futures.Futures;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinHandle;
import threadmill.workload.RunningTasks;

/** The spawned tasks of a sleep fan-out: joined in order with one waker, or aborted. */
final class SpawnedSleepers implements RunningTasks {

    private final WorkerPool pool;
    private final List<JoinHandle<Integer>> handles;

    SpawnedSleepers(WorkerPool pool, List<JoinHandle<Integer>> handles) {
        this.pool = pool;
        this.handles = handles;
    }

    /**
     * Joins every task, then lets go of the handles: the list's array of a large fan-out is a
     * humongous object under G1, and while it is not yet found dead every young collection would
     * copy the finished tasks it references (see ThreadLauncher's threads).
     */
    @Override
    public long join() {
        long sum = 0;
        for (int i : pool.blockOn(Futures.joinAll(handles))) {
            sum += i;
        }
        handles.clear();
        return sum;
    }

    @Override
    public void cancel() {
        handles.forEach(JoinHandle::abort);
    }
}
