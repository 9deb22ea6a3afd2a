package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Waker;
import threadmill.futures.testing.AsyncTest;
import threadmill.futures.testing.Await;

/**
 * A worker runs other people's code: futures, their cancels, and wakers. None of it may end the
 * worker's thread, whatever it throws (an Error included); what it throws is reported to the
 * thread's uncaught-exception handler, not swallowed. And if a worker does die, of a bug or of
 * its selector failing, the pool fails as a whole and says so to everyone waiting on it, rather
 * than carry on with tasks, timers and sockets that nobody will ever serve.
 *
 * <p>Checks wait from the test's own thread, never through the pool's timers: a dead worker
 * would never fire them.
 */
class WorkerFailureTest {

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void captureReports() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> reported.add(error));
    }

    @AfterEach
    void restoreHandler() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    @Test
    void aJoinWakerThatThrowsAnErrorIsReportedAndTheWorkerCarriesOn() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(1)) {
            AtomicReference<Waker> taskWaker = new AtomicReference<>();
            AtomicBoolean release = new AtomicBoolean();
            JoinHandle<String> gated = pool.spawn(Futures.pollFn(cx -> {
                if (release.get()) {
                    return Poll.ready("done");
                }
                taskWaker.set(cx.waker());
                return Poll.pending();
            }));
            Await.until(() -> taskWaker.get() != null, "the task waits");
            AssertionError faulty = new AssertionError("a faulty join waker");
            assertTrue(gated.poll(Context.of(() -> {
                throw faulty;
            })).isPending());
            release.set(true);
            taskWaker.get().wake();

            assertWorkerServes(pool);
            assertTrue(gated.isFinished());
            assertTrue(reported.contains(faulty), "reported: " + reported);
        }
    }

    @Test
    void aCancelThatThrowsAnErrorIsReportedAndTheTaskEndsCancelled() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(1)) {
            AssertionError faulty = new AssertionError("a faulty cancel");
            AtomicBoolean polled = new AtomicBoolean();
            JoinHandle<Void> task = pool.spawn(new Future<Void>() {
                @Override
                public Poll<Void> poll(Context cx) {
                    polled.set(true);
                    return Poll.pending();
                }

                @Override
                public void cancel() {
                    throw faulty;
                }
            });
            Await.until(polled::get, "the task was polled");
            task.abort();

            assertWorkerServes(pool);
            Await.until(task::isFinished, "the aborted task finished");
            assertTrue(assertThrows(JoinError.class, () -> AsyncTest.run(task)).isCancelled());
            assertTrue(reported.contains(faulty), "reported: " + reported);
        }
    }

    @Test
    void aTimerWakerThatThrowsAnErrorIsReportedAndTheWorkerCarriesOn() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(1)) {
            AssertionError faulty = new AssertionError("a faulty timer waker");
            Context throwing = Context.of(() -> {
                throw faulty;
            });
            pool.spawn(Futures.pollFn(cx -> {
                // A sleep already due when first polled (a stalled thread) stores no waker: again.
                while (Futures.sleep(Duration.ofMillis(20)).poll(throwing).isReady()) {
                    Thread.onSpinWait();
                }
                return Poll.pending();
            }));
            Await.until(() -> reported.contains(faulty), "the timer fired");

            assertWorkerServes(pool);
        }
    }

    @Test
    void aFutureWhosePollReturnsNullFailsItsTaskNotTheWorker() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(1)) {
            JoinHandle<Integer> broken = pool.spawn((Future<Integer>) cx -> null);

            assertWorkerServes(pool);
            JoinError e = assertThrows(JoinError.class, () -> AsyncTest.run(broken));
            assertInstanceOf(NullPointerException.class, e.getCause());
        }
    }

    /**
     * A worker whose selector is closed under it dies of the next select. Every task must then
     * end with that error, those whose timers sat in the dead worker's wheel included, and the
     * pool must refuse new work with it instead of limping on with one worker.
     */
    @Test
    void aWorkerThatDiesFailsThePoolForEveryoneWaitingOnIt() throws InterruptedException {
        WorkerPool pool = new WorkerPool(2);
        try {
            List<JoinHandle<Void>> sleepers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sleepers.add(pool.spawn(Futures.sleep(Duration.ofSeconds(60))));
            }
            Await.until(() -> pool.armedTimers() == 200, "every sleeper armed");
            // The worker that holds timers dies: they are in its wheel, which nobody would advance.
            int victim = pool.workers[0].driver.timer().size() > 0 ? 0 : 1;

            pool.workers[victim].driver.reactor().close();

            Await.until(() -> sleepers.stream().allMatch(JoinHandle::isFinished), "every sleeper finished");
            for (JoinHandle<Void> h : sleepers) {
                JoinError e = assertThrows(JoinError.class, () -> AsyncTest.run(h));
                assertTrue(e.isCancelled(), e.toString());
                assertInstanceOf(ClosedSelectorException.class, e.getCause(), e.toString());
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pool.spawn(Futures.ready(1)));
            assertInstanceOf(ClosedSelectorException.class, refused.getCause());
            assertTrue(refused.getMessage().contains("worker-" + victim), refused.getMessage());
            assertSame(refused.getCause(), assertThrows(IllegalStateException.class,
                    () -> pool.blockOn(Futures.ready(1))).getCause());
            assertThrows(IllegalStateException.class, () -> pool.spawnBlocking(() -> 1));
            Await.until(() -> reported.stream().anyMatch(ClosedSelectorException.class::isInstance),
                    "the worker's death reported");
        } finally {
            pool.close();
        }
    }

    /** A task spawned from outside runs to completion: the worker is still alive. */
    private static void assertWorkerServes(WorkerPool pool) throws InterruptedException {
        JoinHandle<Integer> probe = pool.spawn(Futures.ready(5));
        Await.until(probe::isFinished, "a task spawned afterwards ran: the worker is alive");
        assertEquals(5, AsyncTest.run(probe));
    }
}
