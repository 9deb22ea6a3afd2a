package threadmill.bench.probe;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import threadmill.workload.SleepFanOut;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;
import threadmill.workload.Validate;

/**
 * One point of a probe sweep, and the JVM it runs in.
 *
 * <p>Memory points run with fixed flags so that every runtime is measured the same way:
 * {@code -Xmx} fixed (4 GiB, 16 GiB above a million tasks: fixing it matters, since the heap
 * size alone moves resident memory severalfold, which settled a dispute about the published
 * benchmarks); {@code -Xss1m}, the Linux x64 default, written out so it is on record; G1, the
 * JDK's default on a server-class machine, named so that a smaller machine does not silently
 * pick Serial; Native Memory
 * Tracking at summary level; and pre-touch off, so resident memory grows with what the tasks
 * really touch instead of starting at the whole heap. The sleep-10-s points run with the
 * JDK's default flags, as the published tables did.
 *
 * @param depth the call depth at which each task sleeps ({@link SleepFanOut#depth()})
 * @param xmxMegabytes the heap of a memory point; null for the sizing above
 */
public record ProbeSpec(Experiment experiment, String runtime, int tasks, int depth, Long xmxMegabytes) {

    private static final long MiB = 1024 * 1024;
    /** The heap of a memory point up to a million tasks, and above. */
    public static final long HEAP_MB = 4096;
    public static final long LARGE_HEAP_MB = 16384;

    public ProbeSpec {
        TaskRuntimes.provider(runtime);
        Validate.inRange("tasks", tasks, 1, SleepFanOut.MAX_TASKS);
        Validate.inRange("depth", depth, 1, SleepFanOut.MAX_DEPTH);
        if (experiment == Experiment.SLEEP10S && xmxMegabytes != null) {
            throw new IllegalArgumentException("the sleep10s experiment runs with the JDK's default flags,"
                    + " as the published tables did; it takes no xmx (was " + xmxMegabytes + " MiB)");
        }
        if (xmxMegabytes != null && xmxMegabytes < 64) {
            throw new IllegalArgumentException("xmx must be at least 64 MiB, was " + xmxMegabytes + " MiB");
        }
        long heapBytes = heapLimitBytes(experiment, tasks, xmxMegabytes);
        if (heapBytes > physicalMemoryBytes()) {
            throw new IllegalArgumentException("a heap of " + heapBytes / MiB + " MiB is more than the "
                    + physicalMemoryBytes() / MiB + " MiB of physical memory of this machine");
        }
    }

    /**
     * Why the tasks of this point cannot fit its heap, if they cannot: an estimate from the
     * bytes per task and per level of depth that the runtime's provider declares, against 80%
     * of the heap.
     */
    public Optional<String> heapShortfall() {
        long heapBytes = heapLimitBytes(experiment, tasks, xmxMegabytes);
        TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
        long needed = tasks * (provider.heapBytesPerTask() + (depth - 1) * provider.heapBytesPerDepthLevel());
        if (needed <= heapBytes * 8 / 10) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "%d %s tasks need about %d MiB of heap (%d bytes each), more than 80%% of the %d MiB heap"
                        + " of the point; give a larger --xmx-mb or fewer tasks",
                tasks, runtime, needed / MiB, needed / tasks, heapBytes / MiB));
    }

    /** A point whose sleep is called by the task body itself. */
    public ProbeSpec(Experiment experiment, String runtime, int tasks, Long xmxMegabytes) {
        this(experiment, runtime, tasks, 1, xmxMegabytes);
    }

    public long sleepMillis() {
        return experiment.sleepMillis();
    }

    public List<String> jvmFlags() {
        if (experiment == Experiment.SLEEP10S) {
            return List.of();
        }
        return memoryFlags(heapLimitBytes(experiment, tasks, xmxMegabytes) / MiB);
    }

    /** The flags of a memory point with this heap. */
    public static List<String> memoryFlags(long xmxMegabytes) {
        return List.of("-Xmx" + xmxMegabytes + "m", "-Xss1m", "-XX:+UseG1GC", "-XX:NativeMemoryTracking=summary",
                "-XX:-AlwaysPreTouch");
    }

    /** Generous: spawning ten million tasks and two full GCs over them take minutes on two cores. */
    public Duration timeout() {
        return Duration.ofSeconds(120).plusMillis(sleepMillis() < 60_000 ? sleepMillis() : 0)
                .plusNanos(tasks * 40_000L);
    }

    /** How the plan and the progress log name the point: {@code tasks=N}, and {@code depth=d} when deeper than 1. */
    public String label() {
        return "tasks=" + tasks + (depth > 1 ? " depth=" + depth : "");
    }

    /** The arguments of {@link ProbePoint}'s main. */
    public List<String> childArgs() {
        return List.of(experiment.label(), runtime, Integer.toString(tasks), Long.toString(sleepMillis()),
                Integer.toString(depth));
    }

    /** The params a failure record names. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("experiment", experiment.label());
        params.put("tasks", tasks);
        params.put("sleepMs", sleepMillis());
        params.put("depth", depth);
        return params;
    }

    private static long heapLimitBytes(Experiment experiment, int tasks, Long xmxMegabytes) {
        if (experiment == Experiment.SLEEP10S) {
            return physicalMemoryBytes() / 4; // the JDK's default maximum heap
        }
        if (xmxMegabytes != null) {
            return xmxMegabytes * MiB;
        }
        return (tasks > 1_000_000 ? LARGE_HEAP_MB : HEAP_MB) * MiB;
    }

    static long physicalMemoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
