package threadmill.bench.jmh;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import org.openjdk.jmh.annotations.Param;

import threadmill.workload.SleepFanOut;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.Validate;

/** N tasks of the runtime under test, each sleeping D: the sleep workload's sizes and checks. */
public abstract class SleepingTasks extends RuntimeBenchmark {

    /** The value of {@link #workers} that leaves the runtime's worker count as it is. */
    public static final String DEFAULT_WORKERS = "default";

    @Param({"10000", "100000"})
    public int tasks;

    /** At least 1: a zero sleep is the creation workload (see {@link CreationBenchmark}). */
    @Param({"10", "100"})
    public int sleepMs;

    /**
     * The threads that run the tasks (virtual threads' carriers, a pool's workers), or
     * {@value #DEFAULT_WORKERS}. A runtime reads its count once, when its scheduler starts, so a
     * count is a flag of the fork's JVM, which the runtime's provider names
     * ({@link TaskRuntimeProvider#jvmFlagsForWorkers}); a JMH {@code @Param} cannot set a fork's
     * flags, so the fork must be started with them ({@code -jvmArgsAppend}, one JMH run per
     * count, as the suite does) and the trial refuses to run without them: otherwise the result
     * would be labelled with a count the runtime never had.
     */
    @Param({DEFAULT_WORKERS})
    public String workers;

    protected SleepFanOut sleepers;

    @Override
    protected void checkSizes() {
        Validate.inRange("sleepMs", sleepMs, 1, Integer.MAX_VALUE);
        sleepers = new SleepFanOut(tasks, Duration.ofMillis(sleepMs));
        HeapBudget.requireFits("tasks", tasks, provider().heapBytesPerTask());
        requireWorkerFlags(provider(), workers, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * Throws unless {@code workers} is a count this runtime has a knob for and the JVM was
     * started with that knob's flags ({@code jvmArgs}), or {@value #DEFAULT_WORKERS} and the JVM
     * sets no such knob.
     */
    static void requireWorkerFlags(TaskRuntimeProvider provider, String workers, List<String> jvmArgs) {
        if (workers.equals(DEFAULT_WORKERS)) {
            List<String> knobs = provider.jvmFlagsForWorkers(1).stream()
                    .map(flag -> flag.contains("=") ? flag.substring(0, flag.indexOf('=') + 1) : flag).toList();
            List<String> set = jvmArgs.stream().filter(arg -> knobs.stream().anyMatch(arg::startsWith)).toList();
            if (!set.isEmpty()) {
                throw new IllegalArgumentException("workers=" + DEFAULT_WORKERS + " on " + provider.name()
                        + ", but the fork's JVM sets the worker count (" + String.join(" ", set)
                        + "): give that count as -p workers=N");
            }
            return;
        }
        int count;
        try {
            count = Integer.parseInt(workers);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("workers must be '" + DEFAULT_WORKERS + "' or a whole number between 1"
                    + " and " + TaskRuntimeProvider.MAX_WORKERS + ", was '" + workers + "'");
        }
        List<String> flags = provider.jvmFlagsForWorkers(count);
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("workers=" + count + " cannot run on " + provider.name()
                    + ": it has no worker count to set (" + provider.description() + "); only workers="
                    + DEFAULT_WORKERS);
        }
        List<String> absent = flags.stream().filter(flag -> !jvmArgs.contains(flag)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("workers=" + count + " on " + provider.name()
                    + " needs the fork's JVM started with " + String.join(" ", flags) + ", which it was not (missing "
                    + String.join(" ", absent) + "): run it with -jvmArgsAppend " + String.join(" ", flags));
        }
    }
}
