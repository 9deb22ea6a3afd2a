package threadmill.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import threadmill.workload.TaskRuntimes;

/**
 * The figures the findings and the headline table quote, chosen from the raw data by the rules
 * below, one {@link Measure} each: a runtime's figure, its version where it has its own, and
 * whether it measures the same thing as the others (a native reference has no heap, so its
 * figure is RSS and no ratio is taken). A measure the run has no data for is empty, and the
 * findings and the table leave it out.
 */
final class HeadlineFigures {

    /**
     * A runtime's figure in a measure; a null figure is a point that failed (the note says so).
     * The section that has it in full is the measure's, unless the entry names another.
     */
    record Entry(Figure figure, boolean comparable, String note, String version, String section) {

        Entry(Figure figure, boolean comparable, String note, String version) {
            this(figure, comparable, note, version, null);
        }

        static Entry of(Figure figure) {
            return new Entry(figure, true, "", null);
        }

        String sectionIn(Measure measure) {
            return section != null ? section : measure.section();
        }
    }

    /**
     * What is measured ({@code title}, with its size), the section that shows it in full
     * ({@code section}, a heading of REPORT.md), a short name for a table column, and each
     * runtime's figure, in report order.
     */
    record Measure(String title, String column, String section, Map<String, Entry> byRuntime) {

        Optional<Entry> entry(String runtime) {
            return Optional.ofNullable(byRuntime.get(runtime));
        }
    }

    /** The benchmark classes the headline quotes (their methods are the one measure each class has). */
    static final String SPAWN = "SpawnBenchmark.";
    static final String FAN_OUT = "RequestFanOutBenchmark.";
    static final String TIMER_LATENESS = "timer-lateness";
    /** The JMH param that sets the carrier or worker count (issue 18); its absence or this value means the default. */
    static final String WORKERS = "workers";
    static final String DEFAULT_WORKERS = "default";

    private final ReportContext ctx;

    HeadlineFigures(ReportContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Heap after GC per parked task at the largest N each runtime measured with the default flags
     * (depth 1). A runtime whose every task is a kernel thread keeps its stack off the heap, so its
     * native stack goes beside it and no ratio is taken; the native reference has no heap, so its
     * RSS per task stands in, marked as such.
     */
    Optional<Measure> heapPerParkedTask() {
        Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
        for (String series : ctx.memory.byRuntime().keySet()) {
            if (!series.equals(Runtimes.runtimeOf(series))) {
                continue;
            }
            String version = versionOf(ctx.memory, series);
            Optional<MemoryAnalysis.AtN> heap = ctx.memory.perTaskFigure(series, "heapUsedAfterGcBytes");
            if (heap.isPresent()) {
                if (kernelThreads(series)) {
                    String stack = ctx.memory.perTaskFigure(series, "nmt.threadCommitted")
                            .map(s -> " + " + s.figure().number() + " native stack").orElse("");
                    entries.put(series, new Entry(heap.get().figure(), false, stack, version));
                } else {
                    entries.put(series, new Entry(heap.get().figure(), true, "", version));
                }
            } else {
                ctx.memory.perTaskFigure(series, "rssBytes").ifPresent(rss ->
                        entries.put(series, new Entry(rss.figure(), false, " RSS (no JVM heap)", version)));
            }
        }
        return measure("Heap per parked task", "heap per parked task", MemorySection.HEADING, entries);
    }

    /** The N of the N × 10 s experiment the headline quotes: the largest N at which two runtimes or more finished. */
    Optional<Long> sleep10sTasks() {
        return FlagMatrix.commonTasks(ctx.sleep10s);
    }

    /** Completion (first spawn to last join) of the N × 10 s experiment at {@link #sleep10sTasks()}. */
    Optional<Measure> sleep10sWall() {
        return sleep10s("wall", "wall", p -> completion(p) == null ? null : Figure.single(completion(p), "ns"));
    }

    /** Peak RSS (VmHWM) of the same points. */
    Optional<Measure> sleep10sPeakRss() {
        return sleep10s("peak RSS", "peak RSS",
                p -> p.value("hwmBytes") == null ? null : Figure.single(p.value("hwmBytes"), "B"));
    }

    private Optional<Measure> sleep10s(String what, String column, java.util.function.Function<ProbeResult, Figure> of) {
        Optional<Long> tasks = sleep10sTasks();
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        long n = tasks.get();
        Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
        ctx.sleep10s.byRuntime().forEach((series, points) -> {
            if (!series.equals(Runtimes.runtimeOf(series))) {
                return;
            }
            points.stream().filter(p -> p.tasks() == n).reduce((a, b) -> b.ok() ? b : a).ifPresent(p -> {
                Figure figure = p.ok() ? of.apply(p) : null;
                if (figure != null) {
                    entries.put(series, new Entry(figure, true, "", p.runtimeVersion()));
                } else if (!p.ok()) {
                    entries.put(series, new Entry(null, false, "failed", p.runtimeVersion()));
                }
            });
        });
        return measure(Fmt.count(n) + " tasks × " + sleepText(n) + " sleep: " + what, Fmt.count(n) + " × "
                + sleepText(n) + ": " + column, Sleep10sSection.HEADING, entries);
    }

    private String sleepText(long n) {
        return ctx.sleep10s.byRuntime().values().stream().flatMap(List::stream)
                .filter(p -> p.tasks() == n && p.sleepMs() != null).map(p -> Fmt.num(p.sleepMs() / 1000) + " s")
                .findFirst().orElse("10 s");
    }

    static Double completion(ProbeResult p) {
        return p.value("completeNanos") != null ? p.value("completeNanos") : p.value("wallNanos");
    }

    /**
     * Spawn cost per task (the join outside the score) at the largest fan-out measured, JMH's
     * figure; the native reference's own harness result beside it, at the same N where it has one.
     */
    Optional<Measure> spawnPerTask() {
        List<JmhResult> spawns = ctx.run.jmh().stream().filter(r -> r.shortName().startsWith(SPAWN) && defaultWorkers(r))
                .toList();
        Optional<Double> largest = spawns.stream().map(r -> r.param("tasks")).filter(Double::isFinite)
                .max(Double::compare);
        if (largest.isEmpty()) {
            return Optional.empty();
        }
        long n = largest.get().longValue();
        Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
        spawns.stream().filter(r -> r.param("tasks") == n).forEach(r -> JmhDerived.nanosPerTask(r)
                .ifPresent(v -> entries.put(r.runtime(), Entry.of(Figure.ci(v)))));
        ctx.run.reference().stream().filter(r -> r.benchmark().equals("spawn") && r.score() != null)
                .min(Comparator.comparingLong((ReferenceResult r) -> r.tasks() == null ? Long.MAX_VALUE
                        : Math.abs(r.tasks() - n)))
                .ifPresent(r -> entries.put(r.runtime(), new Entry(r.perTask(), true,
                        r.tasks() != null && r.tasks() != n ? " (N=" + Fmt.count(r.tasks()) + ")" : "",
                        r.runtimeVersion(), ReferenceSection.HEADING)));
        String section = spawns.stream().filter(r -> r.param("tasks") == n).map(r -> "JMH: " + r.group())
                .findFirst().orElseThrow();
        return measure("Spawn cost per task at N=" + Fmt.count(n), "spawn per task (N=" + Fmt.count(n) + ")",
                section, entries);
    }

    /**
     * The p99 wake lateness of short timers while a great many more sleep armed beside them:
     * the largest {@code armed} measured, at the point (tasks, sleep) the most runtimes have.
     */
    Optional<Measure> timerLatenessAmongArmed() {
        List<LatencyPoint> armed = LatencyPoint.of(ctx.run.latency()).stream()
                .filter(p -> p.metric().equals(TIMER_LATENESS) && Params.numberOrNaN(p.params().get("armed")) > 0
                        && defaultWorkers(p.params()))
                .toList();
        Optional<Double> most = armed.stream().map(p -> Params.numberOrNaN(p.params().get("armed"))).max(Double::compare);
        if (most.isEmpty()) {
            return Optional.empty();
        }
        List<LatencyPoint> atMost = armed.stream().filter(p -> Params.numberOrNaN(p.params().get("armed")) == most.get()).toList();
        Map<String, Long> runtimesByKey = new TreeMap<>();
        atMost.forEach(p -> runtimesByKey.merge(p.key(), 1L, Long::sum));
        String key = runtimesByKey.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
        atMost.stream().filter(p -> p.key().equals(key)).forEach(p -> p.percentile("p99")
                .ifPresent(f -> entries.put(p.runtime(), Entry.of(f))));
        Map<String, String> params = atMost.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().params();
        String size = Fmt.count((long) Params.numberOrNaN(params.get("tasks"))) + " × " + params.getOrDefault("sleepMs", "?") + " ms";
        String armedText = Fmt.count(most.get().longValue());
        return measure("Timer lateness p99 of " + size + " among " + armedText + " armed timers",
                "timer p99 (" + size + ", " + armedText + " armed)", LatencySection.HEADING, entries);
    }

    /** Server CPU (user + sys) per request under the closed loop, at the headline's connection count. */
    Optional<Measure> serverCpuPerRequest() {
        return ctx.server.headlineConnections().flatMap(c -> {
            Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
            ctx.server.servers().forEach(s -> ctx.server.cpuMicrosPerRequest(s, c)
                    .ifPresent(f -> entries.put(s, new Entry(f, true, "", ctx.server.version(s).orElse(null)))));
            return measure("Server CPU per request, " + c + " connections, closed loop",
                    "server CPU per request (" + c + " conn.)", ServerFigures.SECTION, entries);
        });
    }

    /** p99 of the open loop at 75 % of each server's own maximum, at the headline's connection count. */
    Optional<Measure> serverP99AtLoad() {
        return ctx.server.headlineConnections().flatMap(c -> {
            Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
            ctx.server.servers().forEach(s -> ctx.server.p99Micros(s, c, ServerFigures.HEADLINE_LOAD)
                    .ifPresent(f -> entries.put(s, new Entry(f, true, "", ctx.server.version(s).orElse(null)))));
            return measure("p99 at " + Fmt.num(100 * ServerFigures.HEADLINE_LOAD) + " % load", "server p99 at "
                    + Fmt.num(100 * ServerFigures.HEADLINE_LOAD) + " % load", ServerFigures.SECTION, entries);
        });
    }

    /**
     * Round trips per second of the request fan-out against the neutral echo server, at the
     * connection count the most runtimes measured (the larger on a tie).
     */
    Optional<Measure> requestFanOut() {
        List<JmhResult> fanOuts = ctx.run.jmh().stream().filter(r -> r.shortName().startsWith(FAN_OUT)).toList();
        Map<Double, Long> runtimesAt = new TreeMap<>();
        fanOuts.stream().filter(r -> Double.isFinite(r.param("connections")))
                .forEach(r -> runtimesAt.merge(r.param("connections"), 1L, Long::sum));
        Optional<Double> connections = runtimesAt.entrySet().stream().max(Map.Entry.<Double, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey);
        if (connections.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entry> entries = new TreeMap<>(Runtimes::compare);
        String section = null;
        for (JmhResult r : fanOuts) {
            if (r.param("connections") == connections.get()) {
                Optional<Value> perSecond = JmhDerived.requestsPerSecond(r);
                if (perSecond.isPresent()) {
                    entries.put(r.runtime(), Entry.of(Figure.ci(perSecond.get())));
                    section = "JMH: " + r.group();
                }
            }
        }
        long c = connections.get().longValue();
        return section == null ? Optional.empty()
                : measure("Request fan-out, " + c + " connections", "request fan-out (" + c + " conn.)", section,
                        entries);
    }

    /**
     * The headline table's columns, in order, empty ones left out: the server's p99 at load is
     * in the findings and its own section, which keeps the table to eight columns.
     */
    List<Measure> tableMeasures() {
        List<Measure> all = new ArrayList<>();
        heapPerParkedTask().ifPresent(all::add);
        sleep10sWall().ifPresent(all::add);
        sleep10sPeakRss().ifPresent(all::add);
        spawnPerTask().ifPresent(all::add);
        timerLatenessAmongArmed().ifPresent(all::add);
        serverCpuPerRequest().ifPresent(all::add);
        requestFanOut().ifPresent(all::add);
        return all;
    }

    private static Optional<Measure> measure(String title, String column, String section, Map<String, Entry> entries) {
        boolean any = entries.values().stream().anyMatch(e -> e.figure() != null);
        return any ? Optional.of(new Measure(title, column, section, new LinkedHashMap<>(entries))) : Optional.empty();
    }

    private static boolean kernelThreads(String runtime) {
        return TaskRuntimes.known(runtime) && TaskRuntimes.provider(runtime).eachTaskIsKernelThread();
    }

    private static String versionOf(MemoryAnalysis analysis, String series) {
        return analysis.byRuntime().getOrDefault(series, List.of()).stream().map(ProbeResult::runtimeVersion)
                .filter(v -> v != null).findFirst().orElse(null);
    }

    static boolean defaultWorkers(JmhResult r) {
        return defaultWorkers(r.params());
    }

    static boolean defaultWorkers(Map<String, String> params) {
        return DEFAULT_WORKERS.equals(params.getOrDefault(WORKERS, DEFAULT_WORKERS));
    }

}
