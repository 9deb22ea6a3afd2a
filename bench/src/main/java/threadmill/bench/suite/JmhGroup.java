package threadmill.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The benchmarks of one class, as the suite runs them: its points (one {@link JmhPart} per
 * method or set of points), the run settings they share, and the runtimes the group leaves out.
 * Its results are one file, {@code raw/jmh-<name>.json}, however many JMH invocations it takes
 * (one per set of runtimes that share their points and their forks' flags, and one per runtime
 * and worker count, since a worker count is a flag of the fork's JVM).
 *
 * @param name the group, which names the raw files {@code jmh-<name>.json} and {@code .log}
 * @param benchmarkClass simple name of the class in {@code threadmill.bench.jmh}
 * @param gcProfiler whether to add {@code -prof gc} for allocation per operation
 * @param settings forks, iterations and heap of every trial of the group
 * @param parts the points, by method
 * @param leftOut runtimes this group does not run, each with the reason failures.jsonl gives
 * @param why what the settings are chosen for, for BENCHMARKS.md and the report's methodology
 */
public record JmhGroup(String name, String benchmarkClass, boolean gcProfiler, JmhSettings settings,
                       List<JmhPart> parts, Map<String, String> leftOut, String why) {

    public JmhGroup {
        parts = List.copyOf(parts);
        leftOut = Map.copyOf(leftOut);
    }

    /** Matches the benchmarks of this class and of no other. */
    public String includeRegex() {
        return "threadmill\\.bench\\.jmh\\." + benchmarkClass + "\\.";
    }

    /** The runtimes of {@code requested} that this group runs, in their order. */
    public List<String> runtimesOf(List<String> requested) {
        return requested.stream().filter(runtime -> !leftOut.containsKey(runtime)).toList();
    }

    /**
     * The JMH invocations that run this group's points on {@code requested} runtimes: per part,
     * one for each set of runtimes that share their params, then one per runtime and worker
     * count whose provider has a flag for that count.
     */
    List<JmhInvocation> invocations(List<String> requested) {
        List<JmhInvocation> invocations = new ArrayList<>();
        List<String> runtimes = runtimesOf(requested);
        for (JmhPart part : parts) {
            String include = part.method() == null ? includeRegex() : includeRegex() + part.method() + "$";
            if (part.workers().isEmpty()) {
                Map<Sharing, List<String>> bySharing = new LinkedHashMap<>();
                for (String runtime : runtimes) {
                    TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
                    List<String> flags = part.cpuSized() ? provider.jvmFlagsForCpus(CPUS) : List.of();
                    bySharing.computeIfAbsent(new Sharing(part.paramsFor(provider), flags), p -> new ArrayList<>())
                            .add(runtime);
                }
                bySharing.forEach((sharing, sharedBy) -> {
                    if (sharing.params().values().stream().noneMatch(List::isEmpty)) {
                        invocations.add(new JmhInvocation(this, part, include, sharedBy, sharing.params(), sharing.flags()));
                    }
                });
                continue;
            }
            for (int workers : part.workers()) {
                for (String runtime : runtimes) {
                    TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
                    List<String> flags = provider.jvmFlagsForWorkers(workers);
                    if (!flags.isEmpty()) {
                        Map<String, List<String>> params = new LinkedHashMap<>(part.paramsFor(provider));
                        params.put("workers", List.of(Integer.toString(workers)));
                        invocations.add(new JmhInvocation(this, part, include, List.of(runtime), params, flags));
                    }
                }
            }
        }
        return invocations;
    }

    /**
     * The points of {@code requested} runtimes this group does not run, each a failures.jsonl
     * line: a runtime left out as a whole (params: the group's), or a value of a param a
     * restriction takes from a runtime (params: that value).
     */
    List<NotRun> notRun(List<String> requested) {
        List<NotRun> notRun = new ArrayList<>();
        for (String runtime : requested) {
            String reason = leftOut.get(runtime);
            if (reason != null) {
                Map<String, Object> params = new LinkedHashMap<>();
                parts.forEach(part -> part.params().forEach((name, values) -> params.put(name, String.join(",", values))));
                notRun.add(new NotRun(runtime, params, reason));
                continue;
            }
            for (JmhPart part : parts) {
                part.leftOutFor(TaskRuntimes.provider(runtime)).forEach((param, values) -> values.forEach((value, why) -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    if (part.method() != null) {
                        params.put("benchmark", benchmarkClass + "." + part.method());
                    }
                    params.put(param, value.matches("\\d{1,18}") ? (Object) Long.parseLong(value) : value);
                    notRun.add(new NotRun(runtime, params, why));
                }));
            }
        }
        return notRun;
    }

    /** The planned time of the group on {@code requested} runtimes. */
    Duration estimate(List<String> requested) {
        return invocations(requested).stream().map(JmhInvocation::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** The CPUs a fork sees: it runs unpinned on this machine. */
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    /** What runtimes must have alike to share one JMH invocation: their params and their forks' flags. */
    private record Sharing(Map<String, List<String>> params, List<String> flags) {
    }

    /** A point the group does not run on a runtime, and why. */
    record NotRun(String runtime, Map<String, Object> params, String reason) {
    }
}
