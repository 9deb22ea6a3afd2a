package threadmill.futures.executor;

import static threadmill.futures.testing.ModelCheck.explore;
import static threadmill.futures.testing.ModelCheck.join;
import static threadmill.futures.testing.ModelCheck.spawn;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadmill.futures.task.Task;
import threadmill.futures.testing.Tally;

/**
 * Model-checked injection queue: lock-free producers (single pushes and a batch) against the
 * consumer's batch take ({@link Injector#popInto}) and single take. In every interleaving each
 * task is taken exactly once, and the length never says less than what was pushed and not taken
 * yet: a worker that finds the queue empty before it parks must be right.
 */
@Tag("model-check")
class InjectorModelTest {

    private static final int SLOTS = 4;

    /**
     * One producer pushes twice, another pushes a batch of two, while the consumer takes a batch
     * and then single tasks; the consumer checks the length before every take.
     */
    @Test
    void pushesRaceBatchTake() {
        explore(500, () -> {
            Injector injector = new Injector();
            Task<?>[] tasks = Tally.tasks(4);
            AtomicInteger returned = new AtomicInteger();
            Thread single = spawn(() -> {
                injector.push(tasks[0]);
                returned.incrementAndGet();
                injector.push(tasks[1]);
                returned.incrementAndGet();
            });
            Thread batch = spawn(() -> {
                injector.pushAll(new Task<?>[] {tasks[2], tasks[3]}, 2);
                returned.addAndGet(2);
            });
            LocalQueue local = new LocalQueue(SLOTS);
            Tally taken = new Tally(tasks.length);
            assertNoUndercount(injector, returned, taken);
            taken.add(injector.popInto(local, 2));
            while (taken.add(local.pop())) {
                // the rest of the batch
            }
            assertNoUndercount(injector, returned, taken);
            taken.add(injector.pop());
            assertNoUndercount(injector, returned, taken);
            join(single, batch);
            while (taken.add(injector.pop())) {
                // what was pushed after the last take
            }
            Tally.assertEachOnce(tasks, taken);
            if (!injector.isEmpty()) {
                throw new AssertionError("drained queue reports " + injector.size() + " tasks");
            }
        });
    }

    /** Two consumers, one taking batches and one single tasks, against a producer. */
    @Test
    void twoConsumersRaceAProducer() {
        explore(500, () -> {
            Injector injector = new Injector();
            Task<?>[] tasks = Tally.tasks(4);
            injector.push(tasks[0]);
            Thread producer = spawn(() -> {
                injector.push(tasks[1]);
                injector.pushAll(new Task<?>[] {tasks[2], tasks[3]}, 2);
            });
            Tally batches = new Tally(tasks.length);
            Thread batchConsumer = spawn(() -> {
                LocalQueue local = new LocalQueue(SLOTS);
                for (int i = 0; i < 2; i++) {
                    batches.add(injector.popInto(local, 2));
                    while (batches.add(local.pop())) {
                        // the rest of the batch
                    }
                }
            });
            Tally singles = new Tally(tasks.length);
            singles.add(injector.pop());
            singles.add(injector.pop());
            join(producer, batchConsumer);
            while (singles.add(injector.pop())) {
                // what is left
            }
            Tally.assertEachOnce(tasks, batches, singles);
        });
    }

    /**
     * The consumer is the only taker here, so what it took is exact: the length must be at least
     * what producers finished pushing (read first) less that, and never negative (a task taken
     * before its push was counted).
     */
    private static void assertNoUndercount(Injector injector, AtomicInteger returned, Tally taken) {
        int pushed = returned.get();
        int size = injector.size();
        if (size < 0 || size < pushed - taken.count()) {
            throw new AssertionError("length " + size + " with " + pushed + " pushes returned and " + taken.count() + " taken");
        }
        if (pushed - taken.count() > 0 && injector.isEmpty()) {
            throw new AssertionError("empty with " + pushed + " pushes returned and " + taken.count() + " taken");
        }
    }
}
