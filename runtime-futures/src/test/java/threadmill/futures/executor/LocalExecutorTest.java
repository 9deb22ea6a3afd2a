package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Waker;
import threadmill.futures.testing.WaitLog;

class LocalExecutorTest {

    @Test
    void blockOnRunsSpawnedLocalTasksOnTheCallingThread() {
        Thread me = Thread.currentThread();
        try (LocalExecutor executor = new LocalExecutor()) {
            JoinHandle<Thread> a = executor.spawnLocal(Futures.pollFn(cx -> Poll.ready(Thread.currentThread())));
            JoinHandle<Thread> b = executor.spawnLocal(
                    Futures.sleep(Duration.ofMillis(10)).map(v -> Thread.currentThread()));
            assertEquals(List.of(me, me), executor.blockOn(Futures.joinAll(List.of(a, b))));
        }
    }

    /**
     * The seeds' demonstration, scaled down: a blocking sleep inside a future holds the only
     * thread, so two such futures run one after the other (together at least twice one); async
     * sleeps overlap (each is waiting before either is done). Only lower bounds on time, which
     * a loaded machine cannot break.
     */
    @Test
    void aBlockingSleepStallsTheSingleThreadWhileAnAsyncSleepDoesNot() {
        try (LocalExecutor executor = new LocalExecutor()) {
            long start = System.nanoTime();
            executor.blockOn(Futures.join(blockingSleep(300), blockingSleep(300)));
            long blockingMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(blockingMillis >= 600, "blocking sleeps must serialise, took " + blockingMillis + " ms");

            WaitLog log = new WaitLog();
            start = System.nanoTime();
            executor.blockOn(Futures.join(log.trace("a", Futures.sleep(Duration.ofMillis(300))),
                    log.trace("b", Futures.sleep(Duration.ofMillis(300)))));
            long asyncMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(List.of("a waits", "b waits"), log.events().subList(0, 2), "async sleeps must overlap: " + log.events());
            assertTrue(asyncMillis >= 300, "a sleep is never short, took " + asyncMillis + " ms");
        }
    }

    private static Future<Void> blockingSleep(long millis) {
        return Futures.pollFn(cx -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Poll.ready(null);
        });
    }

    @Test
    void blockOnParksInsteadOfSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LocalExecutor executor = new LocalExecutor()) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            executor.blockOn(Futures.sleep(Duration.ofSeconds(1)));
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            assertTrue(cpuMillis < 100, "waiting 1 s used " + cpuMillis + " ms of CPU");
        }
    }

    @Test
    void anInterruptedCallerStillParksAndKeepsItsInterrupt() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LocalExecutor executor = new LocalExecutor(); WorkerPool pool = new WorkerPool(1)) {
            Thread.currentThread().interrupt();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            executor.blockOn(Futures.sleep(Duration.ofMillis(300)));
            pool.blockOn(Futures.sleep(Duration.ofMillis(300)));
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertTrue(cpuMillis < 100, "waiting 600 ms while interrupted used " + cpuMillis + " ms of CPU");
        }
    }

    @Test
    void aWakeFromAnotherThreadReachesTheParkedExecutor() {
        List<Waker> stored = new ArrayList<>();
        try (LocalExecutor executor = new LocalExecutor()) {
            Thread waker = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (stored) {
                    stored.forEach(Waker::wake);
                }
            });
            boolean[] woken = {false};
            waker.start();
            String out = executor.blockOn(Futures.pollFn(cx -> {
                if (woken[0]) {
                    return Poll.ready("woken");
                }
                woken[0] = true;
                synchronized (stored) {
                    stored.add(cx.waker());
                }
                return Poll.pending();
            }));
            assertEquals("woken", out);
        }
    }

    @Test
    void onlyTheOwningThreadMayUseIt() throws InterruptedException {
        try (LocalExecutor executor = new LocalExecutor()) {
            Throwable[] seen = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    executor.spawnLocal(Futures.ready(1));
                } catch (Throwable t) {
                    seen[0] = t;
                }
            });
            other.start();
            other.join();
            assertTrue(seen[0] instanceof IllegalStateException);
            assertTrue(seen[0].getMessage().contains("belongs to"));
        }
    }

    @Test
    void blockOnInsideARuntimeIsRefused() {
        try (LocalExecutor executor = new LocalExecutor(); WorkerPool pool = new WorkerPool(1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> executor.blockOn(Futures.pollFn(cx -> Poll.ready(pool.blockOn(Futures.ready(1))))));
            assertTrue(e.getMessage().contains("inside a runtime"));
        }
    }
}
