package threadmill.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * One run of JMH's Runner for a group: the benchmarks {@code include} matches, on these
 * runtimes, at these params, with these flags appended to every fork's JVM (a worker count, or
 * the sizing of a runtime's threads to the machine's CPUs).
 */
record JmhInvocation(JmhGroup group, JmhPart part, String include, List<String> runtimes,
                     Map<String, List<String>> params, List<String> forkFlags) {

    JmhInvocation {
        runtimes = List.copyOf(runtimes);
        params = new LinkedHashMap<>(params);
        forkFlags = List.copyOf(forkFlags);
    }

    /** The trials it runs: every runtime at every combination of the params, per method. */
    int trials() {
        return runtimes.size() * combinations().size() * part.methods();
    }

    /** Its planned time: each trial by the settings, the part's setup and its operation at that point. */
    Duration estimate() {
        Duration total = Duration.ZERO;
        for (String runtime : runtimes) {
            TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
            for (Map<String, String> point : combinations()) {
                total = total.plus(group.settings().trial(part.setup(), part.operation().apply(provider, point))
                        .multipliedBy(part.methods()));
            }
        }
        return total;
    }

    /** Every combination of one value per param. */
    List<Map<String, String>> combinations() {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(combination);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** How the progress log names it. */
    String label() {
        return params + (forkFlags.isEmpty() ? "" : " " + forkFlags);
    }
}
