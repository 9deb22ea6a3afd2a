package threadmill.futures.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.futures.Poll;

/**
 * The task's state transitions on one thread, with a run queue the test holds: each transition
 * leads where the table in {@link Task} says, and a precondition broken by an executor (running a
 * task nobody scheduled) is caught by the transition's assert, which the tests run with.
 */
class TaskTransitionsTest {

    private final List<Task<?>> queue = new ArrayList<>();
    private int polls;

    private Task<String> pendingTwiceThenReady() {
        Task<String> task = Task.create(cx -> ++polls < 3 ? Poll.pending() : Poll.ready("done"), queue::add);
        queue.add(task);
        return task;
    }

    private Task<?> take() {
        assertEquals(1, queue.size(), "queued: " + queue);
        return queue.remove(0);
    }

    @Test
    void wakesCollapseIntoOnePollAndTheTaskCompletesOnce() {
        Task<String> task = pendingTwiceThenReady();
        take().run();
        task.wake();
        task.wake();
        assertEquals(1, queue.size(), "two wakes of an idle task schedule it once");
        take().run();
        assertTrue(queue.isEmpty(), "Pending without a wake leaves the task idle");
        task.wake();
        take().run();
        assertTrue(task.isFinished());
        task.wake();
        assertTrue(queue.isEmpty(), "a complete task is not scheduled again");
        assertEquals(3, polls);
    }

    @Test
    void abortOfAnIdleTaskSchedulesTheCancel() {
        Task<String> task = pendingTwiceThenReady();
        take().run();
        task.abort();
        take().run();
        assertTrue(task.isFinished());
        assertEquals(1, polls, "the cancelled task was not polled again");
        assertTrue(assertThrows(JoinError.class, () -> task.poll(() -> Waker.noop())).isCancelled());
    }

    @Test
    void runningATaskNobodyScheduledBreaksTheRunningTransitionsPrecondition() {
        assumeTrue(Task.class.desiredAssertionStatus(), "needs -ea, which the build's test runs set");
        Task<String> task = pendingTwiceThenReady();
        take().run();
        assertFalse(task.isFinished());
        AssertionError error = assertThrows(AssertionError.class, task::run);
        assertTrue(error.getMessage().startsWith("run() of a task that was not scheduled"), error.getMessage());
    }
}
