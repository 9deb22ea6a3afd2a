package threadmill.futures.taskruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinHandle;

class SpawnedSleepersTest {

    private static final int TASKS = 10_000;
    private static final int WORKERS = 2;
    /** The injection queue keeps the last task it took as its tail until the next push. */
    private static final int KEPT_BY_THE_RUNTIME = 1;

    /**
     * A joined fan-out holds none of its finished tasks: kept in the handle list, a large
     * fan-out's tasks would stay live for G1 until a concurrent cycle (see SpawnedSleepers#join).
     * Nor does the runtime: the workers' rings clear the slots of the tasks they hand out (they
     * used to keep up to 1024 finished tasks each).
     */
    @Test
    void joiningLetsGoOfTheFinishedTasks() {
        try (WorkerPool pool = new WorkerPool(WORKERS)) {
            LongAdder sum = new LongAdder();
            List<JoinHandle<Void>> handles = new ArrayList<>();
            List<WeakReference<JoinHandle<Void>>> spawned = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                int index = i;
                JoinHandle<Void> handle = pool.spawn(Futures.pollFn(cx -> {
                    sum.add(index);
                    return Poll.ready(null);
                }));
                handles.add(handle);
                spawned.add(new WeakReference<>(handle));
            }
            SpawnedSleepers sleepers = new SpawnedSleepers(pool, handles, sum);
            assertEquals((long) (TASKS - 1) * TASKS / 2, sleepers.join());
            // The workers may still be finishing the turn that ran the last tasks (a popped task
            // is on a worker's stack until its next one): give them a moment between collections.
            for (int attempt = 0; attempt < 100 && reachable(spawned) > KEPT_BY_THE_RUNTIME; attempt++) {
                System.gc();
                LockSupport.parkNanos(10_000_000);
            }
            long reachable = reachable(spawned);
            assertTrue(reachable <= KEPT_BY_THE_RUNTIME, reachable + " of " + TASKS
                    + " finished tasks still reachable after the join");
            Reference.reachabilityFence(sleepers);
        }
    }

    private static long reachable(List<WeakReference<JoinHandle<Void>>> tasks) {
        return tasks.stream().filter(task -> task.get() != null).count();
    }
}
