package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;

class WorkerPoolTest {

    @Test
    void thousandsOfSleepingTasksRunConcurrently() {
        try (WorkerPool pool = new WorkerPool(2)) {
            long start = System.nanoTime();
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int v = i;
                handles.add(pool.spawn(Futures.sleep(Duration.ofMillis(200)).map(x -> v)));
            }
            long sum = 0;
            for (int v : pool.blockOn(Futures.joinAll(handles))) {
                sum += v;
            }
            assertEquals(10_000L * 9_999 / 2, sum);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 10_000, "10,000 tasks x 200 ms took " + millis + " ms");
        }
    }

    @Test
    void tasksSpawnTasksAndWorkIsSharedAcrossWorkers() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = new WorkerPool(2)) {
            Future<List<Integer>> parent = Futures.pollFn(cx -> Poll.ready(0)).then(x -> {
                List<JoinHandle<Integer>> children = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    int v = i;
                    children.add(pool.spawn(Futures.pollFn(c -> {
                        threads.add(Thread.currentThread().getName());
                        busy(100_000);
                        return Poll.ready(v);
                    })));
                }
                return Futures.joinAll(children);
            });
            assertEquals(2_000, pool.blockOn(pool.spawn(parent)).size());
        }
        assertEquals(2, threads.size(), "spawned from one worker, stolen by the other: " + threads);
    }

    private static long busy(int iterations) {
        long x = 0;
        for (int i = 0; i < iterations; i++) {
            x += i * 31L ^ x;
        }
        return x;
    }

    @Test
    void closeStopsEveryThreadItStarted() throws InterruptedException {
        String prefix;
        try (WorkerPool pool = new WorkerPool(3)) {
            pool.blockOn(pool.spawnBlocking(() -> 1));
            prefix = pool.blockOn(pool.spawn(Futures.pollFn(cx -> Poll.ready(Thread.currentThread().getName()))));
            prefix = prefix.substring(0, prefix.indexOf("-worker-"));
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith(prefix + "-") && t.isAlive(), "still running: " + t.getName());
        }
    }

    @Test
    void blockOnParksInsteadOfSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (WorkerPool pool = new WorkerPool(2)) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            pool.blockOn(pool.spawn(Futures.sleep(Duration.ofSeconds(1))));
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            assertTrue(cpuMillis < 100, "waiting 1 s used " + cpuMillis + " ms of CPU");
        }
    }

    @Test
    void badSizesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
        assertTrue(e.getMessage().contains("between 1 and 1024, was 0"), e.getMessage());
    }

    @Test
    void aPoolCannotBeClosedFromItsOwnWorker() {
        try (WorkerPool pool = new WorkerPool(1)) {
            JoinError e = assertThrows(JoinError.class,
                    () -> pool.blockOn(pool.spawn(Futures.pollFn(cx -> {
                        pool.close();
                        return Poll.ready(null);
                    }))));
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
    }

    @Test
    void aSpawnAfterCloseIsCancelledNotLost() {
        WorkerPool pool = new WorkerPool(1);
        pool.close();
        JoinHandle<Integer> late = pool.spawn(Futures.ready(1));
        assertTrue(late.isFinished());
    }
}
