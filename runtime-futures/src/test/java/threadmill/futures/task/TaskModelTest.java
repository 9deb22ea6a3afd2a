package threadmill.futures.task;

import static threadmill.futures.testing.ModelCheck.explore;
import static threadmill.futures.testing.ModelCheck.join;
import static threadmill.futures.testing.ModelCheck.spawn;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;

/**
 * Model-checked task cell: wakes, a poll that returns Pending, abort, completion and the
 * joiner's waker registration, in every interleaving of a few threads. The task lives in a
 * one-slot run queue; runner threads take it and run it as workers would, and what is still
 * queued when they are done is run by the scenario's main thread (a worker runs what is queued
 * eventually). Checked each time: never a lost wake (the task ends), never two polls at once, no
 * poll after Ready or after cancel, cancel at most once, never queued twice, and a joiner that
 * saw Pending is woken.
 */
@Tag("model-check")
class TaskModelTest {

    /** A wake from another thread races the poll that stores the waker. */
    @Test
    void wakeRacesPoll() {
        explore(500, () -> {
            Probe probe = new Probe(0, false);
            RunQueue queue = new RunQueue(probe);
            Thread runner = spawn(queue::twoTurns);
            Thread waker = spawn(probe::signalAndWake);
            Joiner joiner = new Joiner(queue.task);
            Thread joinerThread = spawn(joiner::pollOnce);
            join(runner, waker, joinerThread);
            queue.runUntilIdle();
            probe.assertClean();
            assertFinished(queue.task);
            assertEquals(42, joiner.output());
        });
    }

    /** The future wakes itself (a yield) while another thread wakes it, with two runners. */
    @Test
    void selfWakeRacesExternalWake() {
        explore(500, () -> {
            Probe probe = new Probe(1, false);
            RunQueue queue = new RunQueue(probe);
            Thread first = spawn(queue::twoTurns);
            Thread second = spawn(queue::twoTurns);
            Thread waker = spawn(probe::signalAndWake);
            join(first, second, waker);
            queue.runUntilIdle();
            probe.assertClean();
            assertFinished(queue.task);
            Joiner joiner = new Joiner(queue.task);
            joiner.pollOnce();
            assertEquals(42, joiner.output());
        });
    }

    /** Abort races the running poll, an outside wake and the joiner's registration. */
    @Test
    void abortRacesPollAndJoin() {
        explore(500, () -> {
            Probe probe = new Probe(0, false);
            RunQueue queue = new RunQueue(probe);
            Thread runner = spawn(queue::twoTurns);
            Thread aborter = spawn(queue.task::abort);
            Joiner joiner = new Joiner(queue.task);
            Thread joinerThread = spawn(() -> {
                joiner.pollOnce();
                probe.wakeOnly();
            });
            join(runner, aborter, joinerThread);
            queue.runUntilIdle();
            probe.assertClean();
            if (!probe.cancelled) {
                throw new AssertionError("aborted task finished without cancelling its future: " + queue.task);
            }
            assertFinished(queue.task);
            try {
                joiner.output();
                throw new AssertionError("an aborted task that never became ready joined normally");
            } catch (JoinError e) {
                if (!e.isCancelled()) {
                    throw new AssertionError("aborted task failed instead of being cancelled", e);
                }
            }
        });
    }

    /** Completion races the joiner storing its waker: the joiner is woken or sees the output. */
    @Test
    void completeRacesJoinRegistration() {
        explore(500, () -> {
            Probe probe = new Probe(0, true);
            RunQueue queue = new RunQueue(probe);
            Thread runner = spawn(queue::runIfQueued);
            Joiner joiner = new Joiner(queue.task);
            Thread joinerThread = spawn(joiner::pollOnce);
            join(runner, joinerThread);
            queue.runUntilIdle();
            probe.assertClean();
            assertFinished(queue.task);
            assertEquals(42, joiner.output());
        });
    }

    private static void assertFinished(Task<Integer> task) {
        if (!task.isFinished()) {
            throw new AssertionError("lost wake: nothing queued, yet the task is not finished: " + task);
        }
    }

    private static void assertEquals(int expected, int joined) {
        if (joined != expected) {
            throw new AssertionError("joined " + joined + ", expected " + expected);
        }
    }

    /**
     * The future under test. Its first {@code selfWakes} polls wake the task and return Pending
     * (a yield); after those it is ready with 42 once signalled ({@link #signalAndWake}).
     * Violations are recorded, not thrown: the task would catch them as the future's failure.
     */
    static final class Probe implements Future<Integer> {

        private final int selfWakes;
        private final AtomicInteger polling = new AtomicInteger();
        private volatile Waker waker;
        private volatile boolean signalled;
        private volatile boolean ready;
        volatile boolean cancelled;
        private volatile String violation;
        private int polls;

        Probe(int selfWakes, boolean signalled) {
            this.selfWakes = selfWakes;
            this.signalled = signalled;
        }

        /** What an event source does: record the event, then wake the waker stored by the last poll. */
        void signalAndWake() {
            signalled = true;
            wakeOnly();
        }

        /** A wake with nothing to report (a spurious or stale wake). */
        void wakeOnly() {
            Waker w = waker;
            if (w != null) {
                w.wake();
            }
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (polling.getAndIncrement() != 0) {
                violate("two polls at once");
            }
            try {
                if (ready) {
                    violate("polled after it returned Ready");
                }
                if (cancelled) {
                    violate("polled after it was cancelled");
                }
                waker = cx.waker();
                polls++;
                if (polls <= selfWakes) {
                    cx.waker().wake();
                    return Poll.pending();
                }
                if (signalled) {
                    ready = true;
                    return Poll.ready(42);
                }
                return Poll.pending();
            } finally {
                polling.decrementAndGet();
            }
        }

        @Override
        public void cancel() {
            if (polling.get() != 0) {
                violate("cancelled during a poll");
            }
            if (ready) {
                violate("cancelled after it returned Ready");
            }
            if (cancelled) {
                violate("cancelled twice");
            }
            cancelled = true;
        }

        private void violate(String what) {
            if (violation == null) {
                violation = what;
            }
        }

        void assertClean() {
            if (violation != null) {
                throw new AssertionError("future " + violation);
            }
        }
    }

    /**
     * An executor's run queue with room for the one task, which fails the scenario if the task
     * is queued while it is queued already: the NOTIFIED bit must make that impossible.
     */
    static final class RunQueue implements Schedule {

        private final AtomicInteger queued = new AtomicInteger();
        final Task<Integer> task;

        RunQueue(Future<Integer> future) {
            task = Task.create(future, this);
            schedule(task);
        }

        @Override
        public void schedule(Task<?> scheduled) {
            if (scheduled != task) {
                throw new AssertionError("scheduled a task this queue does not hold");
            }
            if (queued.getAndIncrement() != 0) {
                throw new AssertionError("task queued while already queued: " + task);
            }
        }

        /** A worker's turn: takes the task if it is queued and runs it. */
        void runIfQueued() {
            if (queued.compareAndSet(1, 0)) {
                task.run();
            }
        }

        /** A worker's two turns, each of which runs the task if it is queued. */
        void twoTurns() {
            runIfQueued();
            runIfQueued();
        }

        /** Runs the task while it is queued (bounded: each run is a poll that needs a new wake). */
        void runUntilIdle() {
            for (int i = 0; i < 4 && queued.get() != 0; i++) {
                runIfQueued();
            }
            if (queued.get() != 0) {
                throw new AssertionError("task still queued after 4 runs: " + task);
            }
        }
    }

    /**
     * A task awaiting the join handle: polls it once with a waker that records the wake, and,
     * once the task has finished, gives the output it got or would get on its next poll.
     */
    static final class Joiner {

        private final JoinHandle<Integer> handle;
        private final AtomicBoolean woken = new AtomicBoolean();
        private Poll<Integer> first;
        private JoinError failure;

        Joiner(JoinHandle<Integer> handle) {
            this.handle = handle;
        }

        void pollOnce() {
            try {
                first = handle.poll(Context.of(() -> woken.set(true)));
            } catch (JoinError e) {
                failure = e;
            }
        }

        /** After the task finished: the output; fails if the joiner saw Pending and was never woken. */
        int output() {
            if (failure != null) {
                throw failure;
            }
            if (first == null) {
                throw new AssertionError("the joiner never polled");
            }
            if (first.isReady()) {
                return first.value();
            }
            if (!woken.get()) {
                throw new AssertionError("joiner saw Pending and was never woken");
            }
            Poll<Integer> again = handle.poll(Context.of(Waker.noop()));
            if (!again.isReady()) {
                throw new AssertionError("joiner woken, but the handle is still pending");
            }
            return again.value();
        }
    }
}
