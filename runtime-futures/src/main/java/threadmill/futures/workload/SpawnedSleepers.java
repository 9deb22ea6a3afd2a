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

    @Override
    public long join() {
        long sum = 0;
        for (int i : pool.blockOn(Futures.joinAll(handles))) {
            sum += i;
        }
        return sum;
    }

    @Override
    public void cancel() {
        handles.forEach(JoinHandle::abort);
    }
}
