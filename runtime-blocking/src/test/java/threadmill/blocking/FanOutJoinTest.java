package threadmill.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class FanOutJoinTest {

    /** Tasks that end when awaited, together with every task {@code endsWith} names. */
    private static final class Scripted implements FanOutJoin.Tasks {
        final int count;
        final BitSet ended = new BitSet();
        final BitSet released = new BitSet();
        final BiPredicate<Integer, Integer> endsWith;
        int awaits;

        Scripted(int count, BiPredicate<Integer, Integer> endsWith) {
            this.count = count;
            this.endsWith = endsWith;
        }

        @Override
        public boolean ended(int task) {
            return ended.get(task);
        }

        @Override
        public void await(int task) {
            assertFalse(ended.get(task), "awaited task " + task + " that had ended");
            awaits++;
            for (int i = 0; i < count; i++) {
                if (i == task || endsWith.test(task, i)) {
                    ended.set(i);
                }
            }
        }

        @Override
        public void release(int task) {
            assertTrue(ended.get(task), "released task " + task + " before it ended");
            released.set(task);
        }
    }

    @Test
    void tasksEndingInOrderAreAwaitedAboutLog2Times() throws InterruptedException {
        Scripted tasks = new Scripted(1024, (awaited, other) -> other < awaited);
        FanOutJoin.join(1024, tasks);
        assertEquals(1024, tasks.released.cardinality());
        assertEquals(10, tasks.awaits, "512, 768, 896, ... 1022, 1023");
    }

    @Test
    void tasksEndingInReverseOrderAreAllJoinedAndReleased() throws InterruptedException {
        Scripted tasks = new Scripted(1000, (awaited, other) -> other > awaited);
        FanOutJoin.join(1000, tasks);
        assertEquals(1000, tasks.released.cardinality());
        assertTrue(tasks.awaits <= 2, "awaited " + tasks.awaits + " times");
    }

    @Test
    void anEmptyFanOutJoinsAtOnce() throws InterruptedException {
        Scripted tasks = new Scripted(0, (awaited, other) -> false);
        FanOutJoin.join(0, tasks);
        assertEquals(0, tasks.awaits);
    }
}
