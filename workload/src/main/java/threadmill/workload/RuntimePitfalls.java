package threadmill.workload;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A runtime's side of the two pitfalls every kind of runtime can show, each run in a child
 * JVM of its own by the bench's pitfall runner, which times it and records the result:
 * <ul>
 * <li><b>Blocking sleep</b>: tasks that sleep by blocking their thread ({@code Thread.sleep})
 *     where the runtime expects them to wait its own way, beside the runtime's own sleep, on
 *     one worker. Where waiting has to yield the worker, blocking sleeps run one after
 *     another; where a blocked thread lets go of its worker, they overlap.</li>
 * <li><b>CPU hog</b>: one task that spins without yielding among sleepers on one worker.
 *     Unless something preempts the spinning task, the sleepers wake as late as it holds
 *     the worker; each wake is reported to a {@link WakeObserver}.</li>
 * </ul>
 * Every method has a default that means "not applicable", so a runtime implements only the
 * pitfalls it takes part in. The runner finds the runtime by name in the registry and never
 * names one itself.
 */
public interface RuntimePitfalls {

    /** Takes part in no pitfall. */
    RuntimePitfalls NONE = new RuntimePitfalls() { };

    /**
     * One run of the blocking-sleep pitfall on this runtime.
     *
     * @param name the variant as results name it, e.g. {@code blocking-sleep}
     * @param jvmFlags what the child JVM of this run needs, e.g. the flag that leaves one carrier
     */
    record Variant(String name, List<String> jvmFlags) {

        public Variant {
            jvmFlags = List.copyOf(jvmFlags);
        }
    }

    /** What a run is expected to take under the runtime's model, and one line on what it shows. */
    record Expectation(double expectedMillis, String note) {
    }

    /**
     * One run of the CPU-hog pitfall: {@code sleepers} tasks each sleep {@code sleep} with the
     * runtime's own sleep, {@code rounds} times in a row, each sleep's deadline fixed when it
     * is asked for; with {@code hog}, one more task waits {@code hogDelay} the same way and
     * then spins ({@link #spin}) for {@code hogLength} without yielding.
     */
    record CpuHogRun(int sleepers, int rounds, Duration sleep, boolean hog, Duration hogDelay, Duration hogLength) {
    }

    /** Where sleepers report their wakes. Called on the sleeping task: cheap and thread-safe. */
    @FunctionalInterface
    interface WakeObserver {

        /** Round {@code round} of a sleeper woke; it was due at {@code deadlineNanos} ({@link System#nanoTime()}). */
        void woke(int round, long deadlineNanos);
    }

    /** The runs of the blocking-sleep pitfall on this runtime; none by default. */
    default List<Variant> blockingSleepVariants() {
        return List.of();
    }

    /**
     * Runs {@code tasks} tasks of {@code variant}, each sleeping {@code sleep} once, and returns
     * when all have ended.
     *
     * @throws IllegalArgumentException for a variant that {@link #blockingSleepVariants()} does not list
     */
    default Expectation runBlockingSleep(String variant, int tasks, Duration sleep) throws InterruptedException {
        throw notApplicable("the blocking-sleep variant '" + variant + "'");
    }

    /**
     * Present when this runtime takes part in the CPU-hog pitfall: the JVM flags that make "one
     * worker" true for it, empty when it needs none (it makes a one-worker instance in code, or
     * has no shared worker: a platform thread per task).
     */
    default Optional<List<String>> oneWorkerJvmFlags() {
        return Optional.empty();
    }

    /**
     * Runs {@code run} on one worker, reporting every sleeper's wake to {@code observer}, and
     * returns when every task has ended, with one line on what a hog does to this runtime.
     */
    default String runCpuHog(CpuHogRun run, WakeObserver observer) throws InterruptedException {
        throw notApplicable("the CPU-hog pitfall");
    }

    /** Busy work that never blocks or yields, as a CPU-bound computation would, for {@code length}. */
    static void spin(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += sink * 31 + 7;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being removed
        }
    }

    /** {@link Thread#sleep(Duration)} for task bodies that cannot throw InterruptedException. */
    static void sleepBlocking(Duration sleep) {
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
    }

    private static IllegalArgumentException notApplicable(String what) {
        return new IllegalArgumentException("this runtime has no side of " + what);
    }
}
