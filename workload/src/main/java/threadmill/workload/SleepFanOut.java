package threadmill.workload;

import java.time.Duration;

/**
 * Workload 1: start {@code tasks} tasks, each sleeps {@code sleep} and returns its index;
 * wait for all of them. The sum of the returned indexes proves that every task ran.
 *
 * <p>A sleep of {@link Duration#ZERO} means the task does not sleep at all: it returns at
 * once, which turns this workload into the creation-cost workload (spawn, run, join).
 *
 * <p>{@code depth} is how deep in the task's call stack the sleep happens, because what a
 * parked task costs grows with the stack it parks with, and a sleep at depth 1 flatters every
 * runtime. Depth 1: the task body itself calls sleep. Depth d &gt; 1: the body calls a
 * function that calls another, d − 1 calls deep, and the innermost one sleeps; the
 * observer calls and the result (the task's index) are the same at every depth.
 * <ul>
 * <li>Blocking runtimes (platform threads, the pool, virtual threads): d − 1 real stack frames
 *     below the body at the sleep. A platform thread touches more pages of its native stack;
 *     a virtual thread's continuation copies those frames into its stack chunk on the heap
 *     when it parks.
 * <li>Futures: a future has no stack, so depth is what {@code async fn}s awaiting each other
 *     produce: d − 1 nested futures around the sleeping one, each a state machine that holds
 *     its child and is polled through on every wake-up.
 * </ul>
 *
 * @param tasks how many tasks, 1 to {@value #MAX_TASKS}
 * @param sleep how long each task sleeps; zero or positive
 * @param depth the call depth of the sleep, 1 (the task body) to {@value #MAX_DEPTH}
 */
public record SleepFanOut(int tasks, Duration sleep, int depth) {

    /** The largest fan-out any runtime is asked to support. */
    public static final int MAX_TASKS = 10_000_000;
    /** The deepest sleep: far beyond ordinary call chains, far within a 1 MiB thread stack. */
    public static final int MAX_DEPTH = 1000;

    public SleepFanOut {
        Validate.inRange("tasks", tasks, 1, MAX_TASKS);
        Validate.notNegative("sleep", sleep);
        Validate.inRange("depth", depth, 1, MAX_DEPTH);
    }

    /** The sleep called by the task body itself (depth 1). */
    public SleepFanOut(int tasks, Duration sleep) {
        this(tasks, sleep, 1);
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
