package threadmill.futures.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.testing.AsyncTest;

class JoinHandleTest {

    @Test
    void awaitingYieldsTheValue() {
        assertEquals("v", AsyncTest.runOnPool(2, pool -> pool.spawn(Futures.sleep(Duration.ofMillis(5)).map(x -> "v"))));
    }

    @Test
    void aTaskThatThrowsSurfacesAtItsHandleAndTheWorkerKeepsServing() {
        try (WorkerPool pool = new WorkerPool(1)) {
            IllegalStateException boom = new IllegalStateException("boom");
            JoinHandle<Integer> failing = pool.spawn(Futures.pollFn(cx -> {
                throw boom;
            }));
            JoinError e = assertThrows(JoinError.class, () -> pool.blockOn(failing));
            assertSame(boom, e.getCause());
            assertTrue(!e.isCancelled());
            assertEquals(5, pool.blockOn(pool.spawn(Futures.ready(5))));
        }
    }

    @Test
    void abortCancelsTheTaskAndReleasesItsTimer() {
        try (WorkerPool pool = new WorkerPool(2)) {
            JoinHandle<Void> sleeper = pool.spawn(Futures.sleep(Duration.ofSeconds(60)));
            pool.blockOn(Futures.sleep(Duration.ofMillis(20)));
            assertEquals(1, pool.armedTimers());
            sleeper.abort();
            JoinError e = assertThrows(JoinError.class, () -> pool.blockOn(sleeper));
            assertTrue(e.isCancelled());
            assertEquals(0, pool.armedTimers());
            assertTrue(sleeper.isFinished());
        }
    }

    @Test
    void droppingTheHandleDetachesTheTask() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        try (WorkerPool pool = new WorkerPool(2)) {
            pool.spawn(Futures.sleep(Duration.ofMillis(20)).map(v -> {
                ran.countDown();
                return v;
            }));
            assertTrue(ran.await(10, TimeUnit.SECONDS), "a detached task still runs to completion");
        }
    }

    @Test
    void aHandleIsNotPolledAgainAfterReady() {
        try (WorkerPool pool = new WorkerPool(1)) {
            JoinHandle<Integer> h = pool.spawn(Futures.ready(1));
            assertEquals(1, pool.blockOn(h));
            assertThrows(IllegalStateException.class, () -> pool.blockOn(h));
        }
    }

    @Test
    void wakingAfterCompletionIsHarmless() {
        try (WorkerPool pool = new WorkerPool(1)) {
            Task<Integer> task = (Task<Integer>) pool.spawn(Futures.ready(3));
            assertEquals(3, pool.blockOn(task));
            task.wake();
            task.abort();
            assertTrue(task.isFinished());
        }
    }

    @Test
    void closingTheRuntimeCancelsUnfinishedTasks() {
        JoinHandle<Void> h;
        try (WorkerPool pool = new WorkerPool(1)) {
            h = pool.spawn(Futures.sleep(Duration.ofSeconds(60)));
            pool.blockOn(Futures.sleep(Duration.ofMillis(10)));
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<Void> check = h;
        try {
            AsyncTest.run(check);
        } catch (JoinError e) {
            cancelled.set(e.isCancelled());
        }
        assertTrue(cancelled.get());
    }

    @Test
    void spawnBlockingRunsOffTheWorkersAndReportsFailures() {
        try (WorkerPool pool = new WorkerPool(1)) {
            String thread = pool.blockOn(pool.spawnBlocking(() -> Thread.currentThread().getName()));
            assertTrue(thread.contains("blocking"), thread);
            JoinError e = assertThrows(JoinError.class,
                    () -> pool.blockOn(pool.spawnBlocking(() -> {
                        throw new java.io.IOException("disk gone");
                    })));
            assertInstanceOf(java.io.IOException.class, e.getCause().getCause());
            int fromTask = pool.blockOn(pool.spawn(Futures.ready(2).then(x -> pool.spawnBlocking(() -> x * 21))));
            assertEquals(42, fromTask);
        }
    }

    /** Refused by name at spawn, not a NullPointerException from a worker later; the pool carries on. */
    @Test
    void aNullFutureIsRejected() {
        try (WorkerPool pool = new WorkerPool(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.spawn((Future<Object>) null));
            assertTrue(e.getMessage().contains("null future"), e.getMessage());
            assertEquals(7, pool.blockOn(pool.spawn(Futures.ready(7))));
        }
    }
}
