package threadmill.futures.testing;

import java.util.Arrays;
import threadmill.futures.Poll;
import threadmill.futures.task.Task;

/**
 * The tasks one thread of a model-checked scenario took from a queue, in a plain array (each
 * thread has its own, so recording adds no shared accesses to explore). {@link #assertEachOnce}
 * then checks that every task made was taken exactly once: none lost, none taken twice.
 */
public final class Tally {

    private final Task<?>[] taken;
    private int count;

    public Tally(int capacity) {
        this.taken = new Task<?>[capacity];
    }

    /** Records {@code task} if it is not null; returns whether it was. */
    public boolean add(Task<?> task) {
        if (task == null) {
            return false;
        }
        if (count == taken.length) {
            throw new AssertionError("more tasks taken (" + (count + 1) + ") than the scenario made (" + taken.length + ")");
        }
        taken[count++] = task;
        return true;
    }

    public int count() {
        return count;
    }

    /** Fails unless each of {@code made} was taken exactly once across {@code tallies}, and nothing else was. */
    public static void assertEachOnce(Task<?>[] made, Tally... tallies) {
        int total = 0;
        for (Tally tally : tallies) {
            total += tally.count;
        }
        for (int i = 0; i < made.length; i++) {
            int seen = 0;
            for (Tally tally : tallies) {
                for (int j = 0; j < tally.count; j++) {
                    if (tally.taken[j] == made[i]) {
                        seen++;
                    }
                }
            }
            if (seen != 1) {
                throw new AssertionError("task " + i + " of " + made.length + " was taken " + seen + " times ("
                        + total + " takes in all: " + describe(tallies) + ")");
            }
        }
        if (total != made.length) {
            throw new AssertionError(total + " takes of " + made.length + " tasks: " + describe(tallies));
        }
    }

    private static String describe(Tally... tallies) {
        StringBuilder sb = new StringBuilder();
        for (Tally tally : tallies) {
            sb.append(sb.isEmpty() ? "" : ", ").append(tally.count);
        }
        return "per thread " + sb;
    }

    /** {@code n} tasks that are never run, to be moved between queues. */
    public static Task<?>[] tasks(int n) {
        Task<?>[] tasks = new Task<?>[n];
        Arrays.setAll(tasks, i -> Task.create(cx -> Poll.pending(), task -> {
            throw new AssertionError("a queue test's task was scheduled");
        }));
        return tasks;
    }
}
