package threadmill.futures.executor;

import static threadmill.futures.testing.ModelCheck.explore;
import static threadmill.futures.testing.ModelCheck.join;
import static threadmill.futures.testing.ModelCheck.spawn;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadmill.futures.task.Task;
import threadmill.futures.testing.Tally;

/**
 * Model-checked run queue: tokio's {@code loom_queue} scenarios on a 4-slot ring, so that
 * overflow and steal-half are a few steps away. In every interleaving each task pushed is taken
 * exactly once, by the owner's pop, a thief's steal (then its pop) or the injection queue.
 */
@Tag("model-check")
class LocalQueueModelTest {

    private static final int SLOTS = 4;

    /** A thief steals three times while the owner pushes and pops twice over. */
    @Test
    void basic() {
        explore(500, () -> {
            LocalQueue owner = new LocalQueue(SLOTS);
            Injector injector = new Injector();
            Task<?>[] tasks = Tally.tasks(6);
            Tally stolen = new Tally(tasks.length);
            Thread thief = spawn(() -> {
                LocalQueue own = new LocalQueue(SLOTS);
                for (int i = 0; i < 3; i++) {
                    owner.stealInto(own);
                    while (stolen.add(own.pop())) {
                        // drain
                    }
                }
            });
            Tally popped = new Tally(tasks.length);
            int next = 0;
            for (int round = 0; round < 2; round++) {
                owner.push(tasks[next++], injector);
                owner.push(tasks[next++], injector);
                popped.add(owner.pop());
                owner.push(tasks[next++], injector);
                while (popped.add(owner.pop())) {
                    // drain
                }
            }
            Tally injected = drain(injector, tasks.length);
            join(thief);
            Tally.assertEachOnce(tasks, stolen, popped, injected);
        });
    }

    /** The owner overflows its ring into the injection queue while a thief steals. */
    @Test
    void stealOverflow() {
        explore(500, () -> {
            LocalQueue owner = new LocalQueue(SLOTS);
            Injector injector = new Injector();
            Task<?>[] tasks = Tally.tasks(7);
            Tally stolen = new Tally(tasks.length);
            Thread thief = spawn(() -> {
                LocalQueue own = new LocalQueue(SLOTS);
                owner.stealInto(own);
                while (stolen.add(own.pop())) {
                    // drain
                }
            });
            Tally popped = new Tally(tasks.length);
            owner.push(tasks[0], injector);
            popped.add(owner.pop());
            for (int i = 1; i < tasks.length; i++) {
                owner.push(tasks[i], injector);
            }
            join(thief);
            while (popped.add(owner.pop())) {
                // drain
            }
            Tally.assertEachOnce(tasks, stolen, popped, drain(injector, tasks.length));
        });
    }

    /** Two thieves steal from one queue while its owner pops. */
    @Test
    void multipleStealers() {
        explore(500, () -> {
            LocalQueue owner = new LocalQueue(SLOTS);
            Injector injector = new Injector();
            Task<?>[] tasks = Tally.tasks(5);
            for (Task<?> task : tasks) {
                owner.push(task, injector);
            }
            Tally first = new Tally(tasks.length);
            Tally second = new Tally(tasks.length);
            Thread thief1 = spawn(() -> stealAll(owner, first));
            Thread thief2 = spawn(() -> stealAll(owner, second));
            Tally popped = new Tally(tasks.length);
            while (popped.add(owner.pop())) {
                // drain
            }
            Tally injected = drain(injector, tasks.length);
            join(thief1, thief2);
            Tally.assertEachOnce(tasks, first, second, popped, injected);
        });
    }

    /**
     * A thief steals from our queue while we drain it and then steal into it from a third
     * queue: the slots we refill are the ones the thief may still be copying.
     */
    @Test
    void chainedSteal() {
        explore(500, () -> {
            LocalQueue ours = new LocalQueue(SLOTS);
            LocalQueue other = new LocalQueue(SLOTS);
            Injector injector = new Injector();
            Task<?>[] tasks = Tally.tasks(2 * SLOTS);
            for (int i = 0; i < SLOTS; i++) {
                ours.push(tasks[2 * i], injector);
                other.push(tasks[2 * i + 1], injector);
            }
            Tally stolen = new Tally(tasks.length);
            Thread thief = spawn(() -> stealAll(ours, stolen));
            Tally taken = new Tally(tasks.length);
            while (taken.add(ours.pop())) {
                // drain
            }
            other.stealInto(ours);
            join(thief);
            while (taken.add(ours.pop())) {
                // drain
            }
            while (taken.add(other.pop())) {
                // drain
            }
            Tally.assertEachOnce(tasks, stolen, taken, drain(injector, tasks.length));
        });
    }

    private static void stealAll(LocalQueue victim, Tally tally) {
        LocalQueue own = new LocalQueue(SLOTS);
        victim.stealInto(own);
        while (tally.add(own.pop())) {
            // drain
        }
    }

    private static Tally drain(Injector injector, int capacity) {
        Tally tally = new Tally(capacity);
        while (tally.add(injector.pop())) {
            // drain
        }
        return tally;
    }
}
