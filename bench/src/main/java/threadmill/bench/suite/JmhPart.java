package threadmill.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import threadmill.workload.TaskRuntimeProvider;

/**
 * The points of a group that one benchmark method (or every method of its class) measures: the
 * values of each {@code @Param}, fewer for the runtimes a {@link Restriction} names, and what
 * one of its operations and a fork's setup cost, for the plan.
 *
 * @param method the {@code @Benchmark} method, or null for every method of the class
 * @param methods how many methods that is
 * @param params the values of each {@code @Param} the suite sets (runtime and workers aside)
 * @param restrictions fewer values of a param for some runtimes, each with its reason
 * @param workers worker counts besides the default, for the runtimes whose provider has a knob for them
 * @param operation what one operation is expected to take, for a runtime and one value of each param
 * @param setup what a fork's trial setup is expected to take (a server JVM, armed timers)
 * @param cpuSized whether each runtime's fork runs with the flags that size its threads to
 *        the machine's CPUs ({@link TaskRuntimeProvider#jvmFlagsForCpus}): the socket points,
 *        where a runtime whose defaults ignore the processor count would otherwise spread its
 *        I/O over threads the machine has no CPUs for
 */
record JmhPart(String method, int methods, Map<String, List<String>> params, List<Restriction> restrictions,
               List<Integer> workers, BiFunction<TaskRuntimeProvider, Map<String, String>, Duration> operation,
               Duration setup, boolean cpuSized) {

    JmhPart {
        params = new LinkedHashMap<>(params);
        restrictions = List.copyOf(restrictions);
        workers = List.copyOf(workers);
    }

    /** Every method of the class at these params, every runtime alike. */
    static JmhPart of(Map<String, List<String>> params,
                      BiFunction<TaskRuntimeProvider, Map<String, String>, Duration> operation) {
        return new JmhPart(null, 1, params, List.of(), List.of(), operation, Duration.ZERO, false);
    }

    JmhPart method(String name) {
        return new JmhPart(name, 1, params, restrictions, workers, operation, setup, cpuSized);
    }

    JmhPart methods(int count) {
        return new JmhPart(method, count, params, restrictions, workers, operation, setup, cpuSized);
    }

    JmhPart restrict(Restriction restriction) {
        List<Restriction> more = new ArrayList<>(restrictions);
        more.add(restriction);
        return new JmhPart(method, methods, params, more, workers, operation, setup, cpuSized);
    }

    JmhPart workers(Integer... counts) {
        return new JmhPart(method, methods, params, restrictions, List.of(counts), operation, setup, cpuSized);
    }

    JmhPart setup(Duration perFork) {
        return new JmhPart(method, methods, params, restrictions, workers, operation, perFork, cpuSized);
    }

    /** These points with each runtime's fork sized to the machine's CPUs (see {@code cpuSized}). */
    JmhPart sizedToCpus() {
        return new JmhPart(method, methods, params, restrictions, workers, operation, setup, true);
    }

    /** The values of each param for a runtime, after the restrictions that apply to it. */
    Map<String, List<String>> paramsFor(TaskRuntimeProvider provider) {
        Map<String, List<String>> values = new LinkedHashMap<>(params);
        for (Restriction restriction : restrictions) {
            if (restriction.appliesTo().test(provider)) {
                values.computeIfPresent(restriction.param(),
                        (name, all) -> all.stream().filter(restriction.values()::contains).toList());
            }
        }
        return values;
    }

    /** The values a restriction takes away from a runtime, by param, each with the reason. */
    Map<String, Map<String, String>> leftOutFor(TaskRuntimeProvider provider) {
        Map<String, Map<String, String>> leftOut = new LinkedHashMap<>();
        for (Restriction restriction : restrictions) {
            if (restriction.recorded() && restriction.appliesTo().test(provider)) {
                for (String value : params.getOrDefault(restriction.param(), List.of())) {
                    if (!restriction.values().contains(value)) {
                        leftOut.computeIfAbsent(restriction.param(), name -> new LinkedHashMap<>())
                                .put(value, restriction.reason());
                    }
                }
            }
        }
        return leftOut;
    }

    /**
     * Fewer values of one param for the runtimes that {@code appliesTo} picks, because the others
     * would say nothing new at a cost out of proportion (a fan-out of 100,000 kernel threads
     * takes seconds per operation and has the per-task cost of 1,000).
     *
     * @param recorded whether each value taken away is a failures.jsonl line ({@code not run:} and
     *        the reason); a suite size that measures one point per runtime by design records none
     */
    record Restriction(Predicate<TaskRuntimeProvider> appliesTo, String param, List<String> values, String reason,
                       boolean recorded) {

        Restriction {
            values = List.copyOf(values);
        }

        /** A restriction that is the suite size's design, not a gap: nothing to record. */
        static Restriction unrecorded(Predicate<TaskRuntimeProvider> appliesTo, String param, List<String> values) {
            return new Restriction(appliesTo, param, values, null, false);
        }
    }
}
