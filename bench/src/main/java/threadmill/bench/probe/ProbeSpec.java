package threadmill.bench.probe;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import threadmill.workload.OsLimits;
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
 * JDK's default flags, as the published tables did. A point of the matrix ({@link JvmConfig})
 * changes the collector and the header flags, and nothing else.
 *
 * @param depth the call depth at which each task sleeps ({@link SleepFanOut#depth()})
 * @param xmxMegabytes the heap of a memory point; null for the sizing above
 * @param config the collector and headers the point's JVM runs with
 */
public record ProbeSpec(Experiment experiment, String runtime, int tasks, int depth, Long xmxMegabytes,
                        JvmConfig config) {

    private static final long MiB = 1024 * 1024;
    /** The heap of a memory point up to a million tasks, and above. */
    public static final long HEAP_MB = 4096;
    public static final long LARGE_HEAP_MB = 16384;

    public ProbeSpec {
        Objects.requireNonNull(config, "config");
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

    /**
     * Why this point would fail or cannot run here, known before it starts: its tasks do not fit
     * its heap, this JDK lacks its configuration, its runtime runs only a few tasks at a time, or
     * its tasks are kernel threads and more of them would be alive at once than the OS limits
     * allow. The sweep records such a point as failed at once, with the reason and the limits,
     * instead of spending minutes finding out.
     */
    public Optional<String> predictedFailure(OsLimits limits, long threadsNow) {
        Optional<String> unsupported = config.unsupportedOn(Runtime.version().feature());
        if (unsupported.isPresent()) {
            return unsupported;
        }
        TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
        OptionalInt bound = provider.maxConcurrentTasks();
        if (experiment == Experiment.SLEEP10S && bound.isPresent()) {
            return Optional.of(runtime + " runs at most " + bound.getAsInt() + " tasks at once: " + tasks
                    + " sleepers would take " + tasks / bound.getAsInt() + " rounds of " + sleepMillis() / 1000
                    + " s, which says nothing the published tables can be set beside");
        }
        if (provider.eachTaskIsKernelThread()) {
            Optional<String> threads = KernelThreadLimit.shortfall(tasks, limits, threadsNow);
            if (threads.isPresent()) {
                return threads;
            }
        }
        return heapShortfall();
    }

    /** A point whose sleep is called by the task body itself. */
    public ProbeSpec(Experiment experiment, String runtime, int tasks, Long xmxMegabytes) {
        this(experiment, runtime, tasks, 1, xmxMegabytes, JvmConfig.DEFAULT);
    }

    /** A point of the JDK's default configuration. */
    public ProbeSpec(Experiment experiment, String runtime, int tasks, int depth, Long xmxMegabytes) {
        this(experiment, runtime, tasks, depth, xmxMegabytes, JvmConfig.DEFAULT);
    }

    public long sleepMillis() {
        return experiment.sleepMillis();
    }

    public List<String> jvmFlags() {
        int jdk = Runtime.version().feature();
        if (experiment == Experiment.SLEEP10S) {
            return config.flagsOverDefaults(jdk);
        }
        return memoryFlags(heapLimitBytes(experiment, tasks, xmxMegabytes) / MiB, config, jdk);
    }

    /** The flags of a memory point with this heap, in the JDK's default configuration. */
    public static List<String> memoryFlags(long xmxMegabytes) {
        return memoryFlags(xmxMegabytes, JvmConfig.DEFAULT, Runtime.version().feature());
    }

    /** The flags of a memory point with this heap, collector and headers, on a JDK of this feature release. */
    static List<String> memoryFlags(long xmxMegabytes, JvmConfig config, int jdkFeature) {
        List<String> flags = new ArrayList<>(List.of("-Xmx" + xmxMegabytes + "m", "-Xss1m"));
        flags.addAll(config.flags(jdkFeature));
        flags.addAll(List.of("-XX:NativeMemoryTracking=summary", "-XX:-AlwaysPreTouch"));
        return flags;
    }

    /**
     * The time the point is planned to take: a JVM's start, its warm-up and settling, the sleep
     * of a sleep-10-s point, and a cost per task by what a task is (a kernel thread, a virtual
     * thread, an object on the heap), which covers spawning, parking and the collections over
     * the parked tasks. The costs are calibrated against the suite.log of real
     * runs on two cores; a runtime that bounds its tasks also waits for its parked count to stall.
     */
    public Duration estimate() {
        TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
        boolean memory = experiment == Experiment.MEMORY;
        double microsPerTask;
        if (provider.eachTaskIsKernelThread()) {
            microsPerTask = memory ? 250 : 200;
        } else if (provider.tasksAreVirtualThreads()) {
            microsPerTask = memory ? 5 : 8;
        } else {
            microsPerTask = memory ? 2 : 0.5;
        }
        microsPerTask *= 1 + (depth - 1) / 16.0;
        Duration fixed = memory ? Duration.ofMillis(1_200).plus(ProbePoint.warmupEstimate(provider))
                : Duration.ofMillis(500 + sleepMillis());
        return fixed.plusNanos((long) (tasks * microsPerTask * 1000));
    }

    /** Generous: spawning ten million tasks and two full GCs over them take minutes on two cores. */
    public Duration timeout() {
        return Duration.ofSeconds(120).plusMillis(sleepMillis() < 60_000 ? sleepMillis() : 0)
                .plusNanos(tasks * 40_000L);
    }

    /**
     * How the plan and the progress log name the point: {@code tasks=N}, {@code depth=d} when
     * deeper than 1, {@code config=c} when not the default.
     */
    public String label() {
        return "tasks=" + tasks + (depth > 1 ? " depth=" + depth : "")
                + (config != JvmConfig.DEFAULT ? " config=" + config.label() : "");
    }

    /** The arguments of {@link ProbePoint}'s main. */
    public List<String> childArgs() {
        return List.of(experiment.label(), runtime, Integer.toString(tasks), Long.toString(sleepMillis()),
                Integer.toString(depth), config.label());
    }

    /** The params a failure record names. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("experiment", experiment.label());
        params.put("tasks", tasks);
        params.put("sleepMs", sleepMillis());
        params.put("depth", depth);
        params.put("config", config.label());
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
