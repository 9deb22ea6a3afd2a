package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Waker;
import threadmill.futures.testing.Await;
import threadmill.futures.testing.Heap;

/**
 * Stress, not timing: races between wakes and polls, and mass aborts. 10 million wakes take
 * about a second on a loaded 2-core machine; {@code -Dthreadmill.stress.wakes=100000000} runs a
 * hundred million (about 10 s).
 */
class StressTest {

    private static final int WAKES = Integer.getInteger("threadmill.stress.wakes", 10_000_000);

    /**
     * Every wake is preceded by an event the task must see: if any wake were lost, some task
     * would wait forever for its last events and join would hit the deadline.
     */
    @Test
    void noWakeUpIsLostWhenOtherThreadsRaceWithPolls() throws InterruptedException {
        int tasks = 1_000;
        int wakers = 3;
        int rounds = WAKES / tasks / wakers;
        int target = rounds * wakers;
        AtomicIntegerArray events = new AtomicIntegerArray(tasks);
        AtomicReferenceArray<Waker> stored = new AtomicReferenceArray<>(tasks);
        try (WorkerPool pool = new WorkerPool(2)) {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int task = i;
                handles.add(pool.spawn(Futures.pollFn(cx -> {
                    stored.set(task, cx.waker());
                    int seen = events.get(task);
                    return seen == target ? Poll.ready(seen) : Poll.pending();
                })));
            }
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < wakers; w++) {
                Thread t = new Thread(() -> raiseEvents(rounds, events, stored));
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            List<Integer> seen = pool.blockOn(Futures.timeout(Futures.joinAll(handles), Duration.ofSeconds(60)));
            assertEquals(tasks, seen.size());
            seen.forEach(n -> assertEquals(target, n));
        }
    }

    /** The same race into a LocalExecutor, whose foreign wakes go through its remote queue. */
    @Test
    void noWakeUpIsLostOnTheLocalExecutor() throws InterruptedException {
        int tasks = 100;
        int rounds = WAKES / 10 / tasks;
        AtomicIntegerArray events = new AtomicIntegerArray(tasks);
        AtomicReferenceArray<Waker> stored = new AtomicReferenceArray<>(tasks);
        Thread waker = new Thread(() -> raiseEvents(rounds, events, stored));
        try (LocalExecutor executor = new LocalExecutor()) {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int task = i;
                handles.add(executor.spawnLocal(Futures.pollFn(cx -> {
                    stored.set(task, cx.waker());
                    return events.get(task) == rounds ? Poll.ready(rounds) : Poll.pending();
                })));
            }
            waker.start();
            List<Integer> seen = executor.blockOn(Futures.timeout(Futures.joinAll(handles), Duration.ofSeconds(60)));
            seen.forEach(n -> assertEquals(rounds, n));
        }
        waker.join();
    }

    /** {@code rounds} times for every task: publish one more event, then wake the task. */
    private static void raiseEvents(int rounds, AtomicIntegerArray events, AtomicReferenceArray<Waker> stored) {
        for (int r = 0; r < rounds; r++) {
            for (int task = 0; task < events.length(); task++) {
                events.incrementAndGet(task);
                Waker waker = stored.get(task);
                if (waker != null) {
                    waker.wake();
                }
            }
        }
    }

    @Test
    void abortingAMillionSleepersEmptiesTheWheelAndFreesTheirMemory() throws InterruptedException {
        int tasks = 1_000_000;
        try (WorkerPool pool = new WorkerPool(2)) {
            pool.blockOn(Futures.sleep(Duration.ofMillis(10)));
            long baseline = Heap.usedAfterGc();
            List<JoinHandle<Void>> handles = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                handles.add(pool.spawn(Futures.sleep(Duration.ofSeconds(120))));
            }
            Await.until(() -> pool.armedTimers() == tasks, "all sleepers armed");
            long parked = Heap.usedAfterGc();
            long perTask = (parked - baseline) / tasks;
            assertTrue(perTask > 40 && perTask < 90,
                    "a parked Futures.sleep task (cell 32 B + Sleep 32 B + handle slot 4 B) took " + perTask + " B");
            handles.forEach(JoinHandle::abort);
            Await.until(() -> pool.armedTimers() == 0, "wheel empty after abort");
            Await.until(() -> handles.stream().allMatch(JoinHandle::isFinished), "every aborted task finished");
            handles.clear();
            long after = Heap.usedAfterGc();
            assertTrue(after - baseline < 16L * 1024 * 1024,
                    "heap after abort " + (after - baseline) / 1024 + " KiB above baseline");
        }
    }

    @Test
    void aThrowingTaskAmongManyDoesNotStopTheOthers() {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int v = i;
                Future<Integer> f = Futures.yieldNow().map(x -> {
                    if (v % 100 == 0) {
                        throw new IllegalStateException("task " + v);
                    }
                    return v;
                });
                handles.add(pool.spawn(f));
            }
            int failed = 0;
            for (JoinHandle<Integer> h : handles) {
                try {
                    pool.blockOn(h);
                } catch (RuntimeException e) {
                    failed++;
                }
            }
            assertEquals(100, failed);
            assertEquals(1, pool.blockOn(pool.spawn(Futures.ready(1))));
        }
    }

}
