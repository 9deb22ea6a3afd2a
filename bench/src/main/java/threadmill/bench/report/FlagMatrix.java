package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import threadmill.workload.TaskRuntimes;

/**
 * The figures of issue 18's matrix: the memory probe and the N × 10 s experiment under each JVM
 * flag configuration ({@link ProbeResult#config()}), and timer lateness and sleep throughput at
 * each carrier or worker count (the JMH param {@value HeadlineFigures#WORKERS}), each against the
 * JDK's defaults.
 */
final class FlagMatrix {

    /** The configuration with compact object headers on and the default collector. */
    static final String COMPACT_HEADERS = "coh";

    private static final String HEAP_FIELD = "heapUsedAfterGcBytes";

    private final ReportContext ctx;
    private final Map<String, MemoryAnalysis> memory = new LinkedHashMap<>();
    private final Map<String, MemoryAnalysis> sleep10s = new LinkedHashMap<>();

    FlagMatrix(ReportContext ctx) {
        this.ctx = ctx;
        for (String config : configs()) {
            memory.put(config, new MemoryAnalysis(ctx.run.probe(), "memory", p -> p.config().equals(config)));
            sleep10s.put(config, new MemoryAnalysis(ctx.run.probe(), "sleep10s", p -> p.config().equals(config)));
        }
    }

    /** The configurations of the run's JVM points, the default first, then in the order the run measured them. */
    List<String> configs() {
        LinkedHashSet<String> configs = new LinkedHashSet<>();
        configs.add(ProbeResult.DEFAULT_CONFIG);
        ctx.run.probe().stream().map(ProbeResult::config).filter(c -> !c.equals(ProbeResult.NATIVE_CONFIG))
                .forEach(configs::add);
        return List.copyOf(configs);
    }

    /** Whether the run measured any configuration but the default. */
    boolean hasConfigs() {
        return configs().size() > 1;
    }

    MemoryAnalysis memory(String config) {
        return memory.get(config);
    }

    MemoryAnalysis sleep10s(String config) {
        return sleep10s.get(config);
    }

    /**
     * What a configuration's points ran with beyond the default's flags, as they recorded them;
     * the default itself is the JDK's defaults.
     */
    String flags(String config) {
        List<String> defaults = flagsOf(ProbeResult.DEFAULT_CONFIG);
        List<String> added = flagsOf(config).stream().filter(f -> !defaults.contains(f)).toList();
        return added.isEmpty() ? "none" : String.join(" ", added);
    }

    private List<String> flagsOf(String config) {
        return ctx.run.probe().stream().filter(p -> p.config().equals(config)).findFirst()
                .map(ProbeResult::jvmFlags).orElse(List.of());
    }

    /**
     * Heap per parked task under a configuration, per runtime at depth 1, for the runtimes whose
     * tasks live on the heap (a platform thread's stack does not, so its heap figure ranks nothing),
     * at the largest N that every configuration measured for the runtime: the suite sweeps the
     * defaults further than the other configurations, and a ratio holds only between equal Ns.
     * A runtime with no N in common is taken at its own largest N.
     */
    Map<String, MemoryAnalysis.AtN> heap(String config) {
        Map<String, MemoryAnalysis.AtN> heap = new TreeMap<>(Runtimes::compare);
        MemoryAnalysis analysis = memory.get(config);
        for (String series : analysis.byRuntime().keySet()) {
            boolean kernelThreads = TaskRuntimes.known(series) && TaskRuntimes.provider(series).eachTaskIsKernelThread();
            if (series.equals(Runtimes.runtimeOf(series)) && !kernelThreads) {
                analysis.perTaskFigure(series, HEAP_FIELD, commonHeapTasks(series)).ifPresent(f -> heap.put(series, f));
            }
        }
        return heap;
    }

    /** The largest N at which every configuration that measured the runtime did: the N its heap figures compare at. */
    private long commonHeapTasks(String runtime) {
        TreeSet<Long> common = null;
        for (MemoryAnalysis analysis : memory.values()) {
            Set<Long> tasks = analysis.perTaskTasks(runtime, HEAP_FIELD);
            if (tasks.isEmpty()) {
                continue;
            }
            if (common == null) {
                common = new TreeSet<>(tasks);
            } else {
                common.retainAll(tasks);
            }
        }
        return common == null || common.isEmpty() ? Long.MAX_VALUE : common.last();
    }

    /** The N of a configuration's N × 10 s points: the largest at which two runtimes or more finished. */
    Optional<Long> sleepTasks(String config) {
        return commonTasks(sleep10s.get(config));
    }

    static Optional<Long> commonTasks(MemoryAnalysis analysis) {
        Map<Long, Integer> finished = new TreeMap<>();
        analysis.byRuntime().forEach((series, points) -> {
            if (series.equals(Runtimes.runtimeOf(series))) {
                points.stream().filter(p -> p.ok() && HeadlineFigures.completion(p) != null).map(ProbeResult::tasks)
                        .distinct().forEach(n -> finished.merge(n, 1, Integer::sum));
            }
        });
        int most = finished.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int needed = Math.min(2, most);
        return finished.entrySet().stream().filter(e -> needed > 0 && e.getValue() >= needed)
                .map(Map.Entry::getKey).max(Long::compare);
    }

    /** A figure of each runtime's N × 10 s point at N under a configuration. */
    Map<String, Figure> sleep10s(String config, long tasks, boolean peakRss) {
        Map<String, Figure> figures = new TreeMap<>(Runtimes::compare);
        sleep10s.get(config).byRuntime().forEach((series, points) -> {
            if (series.equals(Runtimes.runtimeOf(series))) {
                points.stream().filter(p -> p.ok() && p.tasks() == tasks).findFirst().ifPresent(p -> {
                    Double value = peakRss ? p.value("hwmBytes") : HeadlineFigures.completion(p);
                    if (value != null) {
                        figures.put(series, Figure.single(value, peakRss ? "B" : "ns"));
                    }
                });
            }
        });
        return figures;
    }

    // ---- carriers and workers ----

    /** A figure measured at several worker counts: by point (its other params), by worker count, by runtime. */
    record ByWorkers(String title, String section, Map<String, Map<String, Map<String, Figure>>> byPoint) {
    }

    /** The worker counts measured, the default first, then in numeric order. */
    static List<String> workerOrder(java.util.Collection<String> values) {
        TreeSet<String> numeric = new TreeSet<>(Params.VALUE_ORDER);
        numeric.addAll(values);
        List<String> order = new ArrayList<>();
        if (numeric.remove(HeadlineFigures.DEFAULT_WORKERS)) {
            order.add(HeadlineFigures.DEFAULT_WORKERS);
        }
        order.addAll(numeric);
        return order;
    }

    /** Timer lateness p99 at each worker count, per point (tasks × sleep, armed). */
    ByWorkers timerLateness() {
        Map<String, Map<String, Map<String, Figure>>> byPoint = new TreeMap<>(Params.VALUE_ORDER);
        for (LatencyPoint point : LatencyPoint.of(ctx.run.latency())) {
            String workers = point.params().get(HeadlineFigures.WORKERS);
            if (!point.metric().equals(HeadlineFigures.TIMER_LATENESS) || workers == null) {
                continue;
            }
            Map<String, String> rest = new LinkedHashMap<>(point.params());
            rest.remove(HeadlineFigures.WORKERS);
            point.percentile("p99").ifPresent(f -> byPoint.computeIfAbsent(Params.text(rest), k -> new TreeMap<>())
                    .computeIfAbsent(workers, k -> new TreeMap<>(Runtimes::compare)).put(point.runtime(), f));
        }
        return new ByWorkers("timer lateness p99", LatencySection.HEADING, ordered(byPoint));
    }

    /** Sleep fan-out throughput (tasks completed per second) at each worker count, per point. */
    ByWorkers sleepThroughput() {
        Map<String, Map<String, Map<String, Figure>>> byPoint = new TreeMap<>(Params.VALUE_ORDER);
        String section = null;
        for (JmhResult r : ctx.run.jmh()) {
            String workers = r.params().get(HeadlineFigures.WORKERS);
            if (workers == null || !r.shortName().startsWith("SleepThroughputBenchmark.")) {
                continue;
            }
            Map<String, String> rest = new LinkedHashMap<>(r.workloadParams());
            rest.remove(HeadlineFigures.WORKERS);
            Optional<Value> perSecond = JmhDerived.tasksPerSecond(r);
            if (perSecond.isPresent()) {
                section = "JMH: " + r.group();
                byPoint.computeIfAbsent(Params.text(rest), k -> new TreeMap<>())
                        .computeIfAbsent(workers, k -> new TreeMap<>(Runtimes::compare))
                        .put(r.runtime(), Figure.ci(perSecond.get()));
            }
        }
        return new ByWorkers("sleep throughput", section, ordered(byPoint));
    }

    private static Map<String, Map<String, Map<String, Figure>>> ordered(
            Map<String, Map<String, Map<String, Figure>>> byPoint) {
        Map<String, Map<String, Map<String, Figure>>> ordered = new LinkedHashMap<>();
        byPoint.forEach((point, byWorkers) -> {
            Map<String, Map<String, Figure>> inOrder = new LinkedHashMap<>();
            workerOrder(byWorkers.keySet()).forEach(w -> inOrder.put(w, byWorkers.get(w)));
            ordered.put(point, inOrder);
        });
        return ordered;
    }

    // ---- rankings ----

    /** Every figure of the matrix as a ranking table: configurations against the default, worker counts against theirs. */
    List<Rankings.Table> rankingTables() {
        List<Rankings.Table> tables = new ArrayList<>();
        if (hasConfigs()) {
            Map<String, Map<String, Figure>> heap = new LinkedHashMap<>();
            configs().forEach(c -> {
                Map<String, Figure> figures = new TreeMap<>(Runtimes::compare);
                heap(c).forEach((runtime, atN) -> figures.put(runtime, atN.figure()));
                heap.put(c, figures);
            });
            tables.add(Rankings.table("heap per parked task", FlagsSection.HEADING, ProbeResult.DEFAULT_CONFIG, heap));
            sleepTasks(ProbeResult.DEFAULT_CONFIG).ifPresent(n -> {
                for (boolean peak : List.of(false, true)) {
                    Map<String, Map<String, Figure>> sleep = new LinkedHashMap<>();
                    configs().forEach(c -> sleep.put(c, sleep10s(c, n, peak)));
                    tables.add(Rankings.table(Fmt.count(n) + " × 10 s " + (peak ? "peak RSS" : "wall"),
                            FlagsSection.HEADING, ProbeResult.DEFAULT_CONFIG, sleep));
                }
            });
        }
        for (ByWorkers byWorkers : List.of(timerLateness(), sleepThroughput())) {
            byWorkers.byPoint().forEach((point, figures) -> {
                Map<String, Map<String, Figure>> named = new LinkedHashMap<>();
                figures.forEach((workers, byRuntime) -> named.put(HeadlineFigures.WORKERS + "=" + workers, byRuntime));
                tables.add(Rankings.table(byWorkers.title() + " (" + point + ")", FlagsSection.HEADING,
                        HeadlineFigures.WORKERS + "=" + HeadlineFigures.DEFAULT_WORKERS, named));
            });
        }
        return tables;
    }

    /** Every change of ranking in the matrix. */
    List<Rankings.Change> rankingChanges() {
        List<Rankings.Change> changes = new ArrayList<>();
        rankingTables().forEach(t -> changes.addAll(Rankings.changes(t, ctx.noiseBound)));
        return changes;
    }
}
