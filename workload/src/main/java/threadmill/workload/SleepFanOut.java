package threadmill.workload;

import java.time.Duration;

/**
 * Workload 1: start {@code tasks} tasks, each sleeps {@code sleep} and returns its index;
 * wait for all of them. The sum of the returned indexes proves that every task ran.
 *
 * <p>A sleep of {@link Duration#ZERO} means the task does not sleep at all: it returns at
 * once, which turns this workload into the creation-cost workload (spawn, run, join).
 *
 * @param tasks how many tasks, 1 to {@value #MAX_TASKS}
 * @param sleep how long each task sleeps; zero or positive
 */
public record SleepFanOut(int tasks, Duration sleep) {

    /** The largest fan-out any runtime is asked to support. */
    public static final int MAX_TASKS = 10_000_000;

    public SleepFanOut {
        Validate.inRange("tasks", tasks, 1, MAX_TASKS);
        Validate.notNegative("sleep", sleep);
    }

    /** Sum of 0 + 1 + ... + (tasks - 1): what a correct run returns. */
    public long expectedSum() {
        return (long) tasks * (tasks - 1) / 2;
    }

    /** True when tasks return at once instead of sleeping. */
    public boolean sleeps() {
        return !sleep.isZero();
    }

    /** Throws unless {@code sum} is what a run in which every task completed returns. */
    public long verify(long sum) {
        if (sum != expectedSum()) {
            throw new IllegalStateException(
                    "sleep fan-out of " + tasks + " tasks returned " + sum + ", expected " + expectedSum());
        }
        return sum;
    }
}
