package threadmill.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * How big a suite is: smoke to see that every stage runs and writes its files, quick for
 * every benchmark and probe point at small sizes, full for the whole sweep. The suite prints
 * its plan with an estimate of each part's time; raw/suite.log records the real one.
 */
public enum SuiteSize {

    // Sleep sizes use one sleep per size: a runtime that bounds its concurrent tasks to B needs
    // ceil(N / B) sleeps per fan-out, so 100k tasks x 100 ms on a pool of 200 would hold one
    // invocation for 50 s.
    SMOKE("smoke", SuiteSettings.builder()
            .forks(1).warmupIterations(0).measurementIterations(1).iterationTime(Duration.ofMillis(500))
            .creationTasks("1000").sleepTasks("1000").sleepMs("10")
            .connections("10").latencyConnections("10").payload("128")
            .build()),
    QUICK("quick", SuiteSettings.builder()
            .forks(1).warmupIterations(1).measurementIterations(3).iterationTime(Duration.ofSeconds(1))
            .creationTasks("1", "1000").sleepTasks("10000").sleepMs("10")
            .connections("100", "1000").latencyConnections("100").payload("128")
            .build()),
    FULL("full", SuiteSettings.builder()
            .forks(2).warmupIterations(2).measurementIterations(3).iterationTime(Duration.ofSeconds(1))
            .creationTasks("1", "1000", "100000").sleepTasks("10000", "100000").sleepMs("10")
            .connections("100", "1000", "10000").latencyConnections("1000", "10000").payload("128")
            .build());

    private static final int FORK_START_SECONDS = 6;

    private final String label;
    private final SuiteSettings settings;

    SuiteSize(String label, SuiteSettings settings) {
        this.label = label;
        this.settings = settings;
    }

    /** How JMH runs each benchmark, and the sizes of the groups. */
    SuiteSettings settings() {
        return settings;
    }

    public String label() {
        return label;
    }

    public static SuiteSize named(String label) {
        return Arrays.stream(values()).filter(size -> size.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown suite '" + label + "'; known suites: "
                        + Arrays.stream(values()).map(SuiteSize::label).collect(Collectors.joining(", "))));
    }

    /** The JMH groups of RAW-FORMAT.md, one invocation each, with this size's params. */
    public List<JmhGroup> jmhGroups() {
        Map<String, List<String>> requests = Map.of(
                "connections", settings.connections(), "requests", List.of("10"), "payload", settings.payload());
        Map<String, List<String>> latencyRequests = Map.of(
                "connections", settings.latencyConnections(), "requests", List.of("10"), "payload", settings.payload());
        List<JmhGroup> groups = new ArrayList<>(List.of(
                new JmhGroup("creation", "CreationBenchmark", Map.of("tasks", settings.creationTasks()), true, 1),
                // A lone spawn is creation's tasks=1: timed alone, JMH's per-invocation join would be most of it.
                new JmhGroup("spawn", "SpawnBenchmark",
                        Map.of("tasks", settings.creationTasks().stream().filter(tasks -> !tasks.equals("1")).toList()), true, 1),
                new JmhGroup("sleep", "SleepThroughputBenchmark", Map.of("tasks", settings.sleepTasks(), "sleepMs", settings.sleepMs()),
                        false, 1),
                new JmhGroup("requests", "RequestFanOutBenchmark", requests, false, 1),
                new JmhGroup("connect-storm", "ConnectStormBenchmark", requests, false, 1),
                new JmhGroup("timer-latency", "TimerLatenessBenchmark",
                        Map.of("tasks", settings.sleepTasks(), "sleepMs", settings.sleepMs()), false, 1),
                // serverOpenLoop (at the class's default rate) and fanOutRoundTrips
                new JmhGroup("request-latency", "RequestLatencyBenchmark", latencyRequests, false, 2)));
        if (full()) {
            groups.addAll(millionTaskGroups());
        }
        return groups;
    }

    /**
     * The million-task points the futures runtime's targets are stated at, for the runtimes that
     * can run them in the suite's time; each runtime left out is a failures.jsonl line saying
     * why, from what its provider declares.
     */
    private static List<JmhGroup> millionTaskGroups() {
        Map<String, String> spawnLeftOut = leftOut(SuiteSize::kernelThreadReason);
        Map<String, String> sleepLeftOut = leftOut(provider -> kernelThreadReason(provider)
                .or(() -> boundedReason(provider)));
        return List.of(
                new JmhGroup("spawn-million", "SpawnBenchmark", Map.of("tasks", List.of("1000000")), true, 1,
                        spawnLeftOut),
                // A million timers falling due within the time it took to spawn them: a burst.
                new JmhGroup("timer-latency-million", "TimerLatenessBenchmark",
                        Map.of("tasks", List.of("1000000"), "sleepMs", List.of("2000")), false, 1, sleepLeftOut),
                // The timer-latency group's 10,000 x 10 ms fan-out among a million armed timers.
                new JmhGroup("timer-latency-armed-million", "TimerLatenessBenchmark",
                        Map.of("tasks", List.of("10000"), "sleepMs", List.of("10"), "armed", List.of("1000000")),
                        false, 1, sleepLeftOut));
    }

    /** The registry's runtimes that {@code reason} leaves out, each with its reason. */
    private static Map<String, String> leftOut(Function<TaskRuntimeProvider, Optional<String>> reason) {
        Map<String, String> leftOut = new LinkedHashMap<>();
        TaskRuntimes.providers().forEach((name, provider) -> reason.apply(provider)
                .ifPresent(why -> leftOut.put(name, why)));
        return leftOut;
    }

    private static Optional<String> kernelThreadReason(TaskRuntimeProvider provider) {
        return provider.eachTaskIsKernelThread() ? Optional.of("each task is a kernel thread, started one after"
                + " another: a million is minutes per fan-out at the creation group's cost per thread, and more"
                + " threads than most Linux pid_max defaults allow alive at once (the memory probe's 1M point"
                + " records that limit)") : Optional.empty();
    }

    private static Optional<String> boundedReason(TaskRuntimeProvider provider) {
        OptionalInt bound = provider.maxConcurrentTasks();
        return bound.isPresent() ? Optional.of("it sleeps only " + bound.getAsInt() + " tasks at a time: a million"
                + " 2 s sleeps would queue for hours per fan-out, and a million armed sleepers would take every"
                + " one of those places") : Optional.empty();
    }

    /**
     * An estimate of one benchmark run, for the plan: a fork's start-up (the JVM and pre-touching
     * its 4 GiB heap, counted as {@value #FORK_START_SECONDS} s) plus its iterations, per fork.
     */
    public Duration perBenchmark() {
        return Duration.ofSeconds(FORK_START_SECONDS)
                .plus(settings.iterationTime().multipliedBy(settings.warmupIterations() + settings.measurementIterations()))
                .multipliedBy(settings.forks());
    }

    public boolean full() {
        return this == FULL;
    }
}
