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
 * How big a suite is. Sized for a 2-core machine: quick about 18 minutes, full about an hour and
 * a quarter (both measured with pre-touched forks, 2026-12-01), smoke a minute or two to see
 * that every stage runs and writes its files.
 */
public enum SuiteSize {

    // Sleep sizes use one sleep per size: a bounded pool of 200 needs ceil(N / 200) sleeps per
    // fan-out, so 100k tasks x 100 ms would hold one pool invocation for 50 s.
    SMOKE("smoke", 1, 0, 1, Duration.ofMillis(500),
            List.of("1000"), List.of("1000"), List.of("10"), List.of("10"), List.of("10"), List.of("128")),
    QUICK("quick", 1, 1, 3, Duration.ofSeconds(1),
            List.of("1", "1000"), List.of("10000"), List.of("10"), List.of("100", "1000"), List.of("100"),
            List.of("128")),
    FULL("full", 2, 2, 3, Duration.ofSeconds(1),
            List.of("1", "1000", "100000"), List.of("10000", "100000"), List.of("10"),
            List.of("100", "1000", "10000"), List.of("1000", "10000"), List.of("128"));

    private final String label;
    final int forks;
    final int warmupIterations;
    final int measurementIterations;
    final Duration iterationTime;
    private final List<String> creationTasks;
    private final List<String> sleepTasks;
    private final List<String> sleepMs;
    private final List<String> connections;
    private final List<String> latencyConnections;
    private final List<String> payload;

    SuiteSize(String label, int forks, int warmupIterations, int measurementIterations, Duration iterationTime,
              List<String> creationTasks, List<String> sleepTasks, List<String> sleepMs, List<String> connections,
              List<String> latencyConnections, List<String> payload) {
        this.label = label;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.iterationTime = iterationTime;
        this.creationTasks = creationTasks;
        this.sleepTasks = sleepTasks;
        this.sleepMs = sleepMs;
        this.connections = connections;
        this.latencyConnections = latencyConnections;
        this.payload = payload;
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
                "connections", connections, "requests", List.of("10"), "payload", payload);
        Map<String, List<String>> latencyRequests = Map.of(
                "connections", latencyConnections, "requests", List.of("10"), "payload", payload);
        List<JmhGroup> groups = new ArrayList<>(List.of(
                new JmhGroup("creation", "CreationBenchmark", Map.of("tasks", creationTasks), true, 1),
                // A lone spawn is creation's tasks=1: timed alone, JMH's per-invocation join would be most of it.
                new JmhGroup("spawn", "SpawnBenchmark",
                        Map.of("tasks", creationTasks.stream().filter(tasks -> !tasks.equals("1")).toList()), true, 1),
                new JmhGroup("sleep", "SleepThroughputBenchmark", Map.of("tasks", sleepTasks, "sleepMs", sleepMs),
                        false, 1),
                new JmhGroup("requests", "RequestFanOutBenchmark", requests, false, 1),
                new JmhGroup("server", "EchoServerBenchmark", requests, false, 1),
                new JmhGroup("timer-latency", "TimerLatenessBenchmark",
                        Map.of("tasks", sleepTasks, "sleepMs", sleepMs), false, 1),
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
     * Time of one benchmark run: a fork's start-up (the JVM, and pre-touching its 4 GiB heap,
     * about 4 s on the machines here) plus its iterations.
     */
    public Duration perBenchmark() {
        return Duration.ofSeconds(6).plus(iterationTime.multipliedBy(warmupIterations + measurementIterations))
                .multipliedBy(forks);
    }

    public boolean full() {
        return this == FULL;
    }
}
