package threadmill.bench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH invocation of the suite: the benchmarks of one class, with the suite's params.
 *
 * @param name the group, which names the raw file {@code jmh-<name>.json}
 * @param benchmarkClass simple name of the class in {@code threadmill.bench.jmh}
 * @param params values of each {@code @Param} the suite sets (runtime is added per run)
 * @param gcProfiler whether to add {@code -prof gc} for allocation per operation
 * @param methods how many {@code @Benchmark} methods the class has, for the time estimate
 * @param leftOut runtimes this group does not run, each with the reason failures.jsonl gives
 */
public record JmhGroup(String name, String benchmarkClass, Map<String, List<String>> params, boolean gcProfiler,
                       int methods, Map<String, String> leftOut) {

    public JmhGroup {
        params = new LinkedHashMap<>(params);
        leftOut = Map.copyOf(leftOut);
    }

    /** A group that runs every runtime the suite runs. */
    public JmhGroup(String name, String benchmarkClass, Map<String, List<String>> params, boolean gcProfiler,
                    int methods) {
        this(name, benchmarkClass, params, gcProfiler, methods, Map.of());
    }

    /** Matches the benchmarks of this class and of no other. */
    public String includeRegex() {
        return "threadmill\\.bench\\.jmh\\." + benchmarkClass + "\\.";
    }

    /** The runtimes of {@code requested} that this group runs, in their order. */
    public List<String> runtimesOf(List<String> requested) {
        return requested.stream().filter(runtime -> !leftOut.containsKey(runtime)).toList();
    }

    /** Benchmark runs per runtime: methods x the product of the value counts. */
    public int runsPerRuntime() {
        return methods * params.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
    }
}
