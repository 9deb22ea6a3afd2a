package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.futures.Poll;
import threadmill.futures.task.Task;

/**
 * A run queue hands its tasks over and lets go of them: a finished task must not stay reachable
 * through the ring slot it passed through, whichever way it left (popped by the owner, stolen,
 * moved to the injection queue by an overflow). Each worker's ring used to keep up to 1024
 * finished tasks, and everything they referenced, alive until the slot was reused.
 */
class LocalQueueRetentionTest {

    private final List<WeakReference<Task<?>>> tasks = new ArrayList<>();

    private Task<?> task() {
        Task<?> t = Task.create(cx -> Poll.pending(), task -> { });
        tasks.add(new WeakReference<>(t));
        return t;
    }

    @Test
    void tasksPoppedOrStolenAreNotKeptByTheRing() {
        LocalQueue owner = new LocalQueue();
        LocalQueue thief = new LocalQueue();
        Injector injector = new Injector();
        for (int i = 0; i < 600; i++) {
            owner.push(task(), injector);
        }
        assertEquals(300, owner.stealInto(thief));
        drain(owner);
        drain(thief);

        // A steal that empties the victim, which then only finds its queue empty.
        owner.push(task(), injector);
        assertEquals(1, owner.stealInto(thief));
        assertNull(owner.pop());
        drain(thief);

        assertAllCollected();
    }

    @Test
    void tasksMovedOutByAnOverflowAreNotKeptByTheRing() {
        LocalQueue owner = new LocalQueue();
        Injector injector = new Injector();
        for (int i = 0; i <= LocalQueue.CAPACITY; i++) {
            owner.push(task(), injector);
        }
        drain(owner);
        while (injector.pop() != null) {
            // The overflowed half, and the task that overflowed it.
        }
        assertAllCollected();
    }

    private static void drain(LocalQueue queue) {
        while (queue.pop() != null) {
            // Dropped at once, as a finished task is.
        }
    }

    private void assertAllCollected() {
        long reachable = tasks.size();
        for (int attempt = 0; attempt < 10 && reachable > 0; attempt++) {
            System.gc();
            reachable = tasks.stream().filter(t -> t.get() != null).count();
        }
        // The injection queue keeps its last task as its tail until the next push; no ring keeps any.
        assertTrue(reachable <= 1, reachable + " of " + tasks.size() + " tasks still reachable");
    }
}
