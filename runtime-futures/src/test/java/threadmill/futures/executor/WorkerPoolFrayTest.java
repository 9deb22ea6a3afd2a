package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Waker;
import threadmill.futures.testing.ModelSelectorProvider;

/**
 * Fray-checked worker pool: real workers, real park and wake, under Fray's control of every
 * thread switch at a synchronization point (atomics, volatiles, monitors, park/unpark), with
 * {@link ModelSelectorProvider}'s selectors so that a worker blocked in its reactor is a thread
 * Fray can see blocked. A lost wakeup leaves every thread blocked, which Fray reports as a
 * deadlock with the schedule that led to it. Runs only in the {@code fray} surefire execution
 * (an instrumented JDK; see DESIGN.md, "Model-checked concurrency").
 */
@ExtendWith(FrayTestExtension.class)
class WorkerPoolFrayTest {

    @BeforeAll
    static void requireModelSelectors() {
        if (!ModelSelectorProvider.installed()) {
            throw new IllegalStateException("run in the fray surefire execution: it installs "
                    + ModelSelectorProvider.class.getName() + " (a real selector blocks where Fray cannot see)");
        }
    }

    /**
     * A task spawned from outside while the only worker goes to park: the worker's re-check
     * after raising its parked flag, or the spawner's wakeup, must get it run.
     */
    @FrayTest(iterations = 200)
    void spawnFromOutsideReachesAParkingWorker() {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertEquals(7, pool.blockOn(pool.spawn(Futures.ready(7))));
        }
    }

    /**
     * A task pending on an outside event, woken from a plain thread while the worker parks:
     * the wake goes through the injection queue and the reactor's wakeup guard.
     */
    @FrayTest(iterations = 200)
    void outsideWakeReachesAParkedWorker() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(1)) {
            OutsideEvent event = new OutsideEvent();
            JoinHandle<Integer> handle = pool.spawn(event);
            Thread source = new Thread(event::fire);
            source.start();
            assertEquals(42, pool.blockOn(handle));
            source.join();
        }
    }

    /**
     * Spawn from one thread races close from another: the handle finishes either way, with the
     * output or as cancelled, never left pending.
     */
    @FrayTest(iterations = 200)
    void spawnRacesClose() throws InterruptedException {
        WorkerPool pool = new WorkerPool(1);
        HandleSlot slot = new HandleSlot();
        Thread spawner = new Thread(() -> slot.handle = pool.spawn(Futures.ready(1)));
        spawner.start();
        pool.close();
        spawner.join();
        JoinHandle<Integer> handle = slot.handle;
        assertTrue(handle.isFinished(), "a task spawned while the pool closed was never finished");
        try {
            Poll<Integer> p = handle.poll(() -> Waker.noop());
            assertEquals(1, p.value());
        } catch (JoinError e) {
            assertTrue(e.isCancelled(), "a task spawned while the pool closed failed: " + e);
        }
    }

    private static final class HandleSlot {
        volatile JoinHandle<Integer> handle;
    }

    /** A future ready with 42 once {@link #fire} ran; stores its waker first, as a real one does. */
    private static final class OutsideEvent implements Future<Integer> {

        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile Waker waker;

        @Override
        public Poll<Integer> poll(Context cx) {
            waker = cx.waker();
            return fired.get() ? Poll.ready(42) : Poll.pending();
        }

        void fire() {
            fired.set(true);
            Waker w = waker;
            if (w != null) {
                w.wake();
            }
        }
    }
}
