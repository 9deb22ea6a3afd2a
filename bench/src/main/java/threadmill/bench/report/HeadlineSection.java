package threadmill.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The first table a reader sees: per runtime, the cost of a task (spawn, memory), how close the
 * sleep workloads come to ideal, request throughput and p99 latencies. Every cell says where it
 * comes from below the table; JMH cells carry their error, probe cells are single shots.
 */
final class HeadlineSection {

    private HeadlineSection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, "Headline");
        if (ctx.runtimes().isEmpty()) {
            ctx.md.paragraph("Nothing was measured: raw/ holds no JMH, probe or latency results (see Failures "
                    + "and gaps).");
            return;
        }
        List<String> header = new ArrayList<>(List.of("runtime", "spawn + join per task (JMH)", "spawn per task (JMH)",
                "heap per live task", "RSS per live task", "NMT thread stacks per live task",
                "N × 10 s sleeps: completion", "sleep fan-out vs ideal N/D (JMH)"));
        List<JmhResult> requests = ctx.jmh("requests");
        TreeSet<String> connections = new TreeSet<>(Params.VALUE_ORDER);
        requests.forEach(r -> {
            if (r.params().containsKey("connections")) {
                connections.add(r.params().get("connections"));
            }
        });
        connections.forEach(c -> header.add("requests/s at " + c + " connections (JMH)"));
        List<List<String>> rows = new ArrayList<>();
        for (String runtime : ctx.runtimes()) {
            List<String> row = new ArrayList<>();
            row.add(runtime);
            row.add(perTaskCell(ctx.jmh("creation"), runtime));
            List<JmhResult> spawns = new ArrayList<>(ctx.jmh("spawn"));
            spawns.addAll(ctx.jmh("spawn-million"));
            row.add(perTaskCell(spawns, runtime));
            for (String field : List.of("heapUsedAfterGcBytes", "rssBytes", "nmt.threadCommitted")) {
                row.add(memoryCell(ctx.memory, runtime, field));
            }
            row.add(sleep10sCell(ctx.sleep10s, runtime));
            row.add(largestTasks(ctx.jmh("sleep"), runtime).flatMap(HeadlineSection::sleepCell)
                    .orElse(ReportContext.NOT_MEASURED));
            for (String c : connections) {
                row.add(requests.stream()
                        .filter(r -> r.runtime().equals(runtime) && c.equals(r.params().get("connections")))
                        .min(Comparator.comparing(JmhResult::params, Params.ORDER))
                        .flatMap(JmhDerived::requestsPerSecond).map(HeadlineSection::interval)
                        .orElse(ReportContext.NOT_MEASURED));
            }
            rows.add(row);
        }
        ctx.md.table(header, rows);
        ctx.md.paragraph("JMH cells: mean ± half-width of JMH's 99.9% confidence interval, with that interval in "
                + "brackets; one JMH operation runs the whole fan-out, and per-task and per-request figures are JMH's "
                + "own 'completed' counter (tasks or round trips, divided into the same measured time). Memory cells: (value(N) − value(N=1)) / N at the "
                + "largest N the memory probe measured for that runtime, single shot (no error is known); the "
                + "memory section has the slope over the whole sweep. Completion: the sleep10s experiment, time "
                + "from the first spawn until the last task finished, single shot.");
        p99Table(ctx);
    }

    /** p99 per latency metric and params (rows) and runtime (columns), from raw/latency.jsonl. */
    private static void p99Table(ReportContext ctx) {
        if (ctx.run.latency().isEmpty()) {
            ctx.md.paragraph("p99 latencies: " + ReportContext.NOT_MEASURED + " (no raw/latency.jsonl records).");
            return;
        }
        List<String> runtimes = ctx.runtimes();
        List<String> header = new ArrayList<>(List.of("p99 latency (µs)"));
        header.addAll(runtimes);
        List<List<String>> rows = new ArrayList<>();
        for (String key : ctx.run.latency().stream().map(LatencyRecord::chartKey).distinct().toList()) {
            List<String> row = new ArrayList<>(List.of(key));
            for (String runtime : runtimes) {
                List<String> p99s = ctx.run.latency().stream()
                        .filter(l -> l.chartKey().equals(key) && l.runtime().equals(runtime))
                        .map(l -> l.percentiles().get("p99")).filter(p -> p != null).map(Fmt::num).toList();
                row.add(p99s.isEmpty() ? ReportContext.NOT_MEASURED : String.join(" / ", p99s));
            }
            rows.add(row);
        }
        ctx.md.table(header, rows);
        ctx.md.paragraph("One p99 per histogram, in the order raw/latency.jsonl has them: a JMH benchmark writes one "
                + "per fork, so \"a / b\" is two forks of the same point; the Latency section has each in full.");
    }

    static String interval(Value v) {
        if (Double.isNaN(v.error())) {
            return Fmt.measured(v.value(), v.error(), v.unit()) + " (no error: too few iterations)";
        }
        return Fmt.measured(v.value(), v.error(), v.unit()) + " [" + Fmt.num(v.value() - v.error()) + ", "
                + Fmt.num(v.value() + v.error()) + "]";
    }

    /** Time per task at the largest fan-out the results have for {@code runtime}. */
    private static String perTaskCell(List<JmhResult> results, String runtime) {
        return largestTasks(results, runtime)
                .flatMap(r -> JmhDerived.nanosPerTask(r).map(v -> interval(v) + " (tasks=" + tasks(r) + ")"))
                .orElse(ReportContext.NOT_MEASURED);
    }

    private static Optional<JmhResult> largestTasks(List<JmhResult> results, String runtime) {
        return results.stream().filter(r -> r.runtime().equals(runtime))
                .max(Comparator.comparingDouble((JmhResult r) -> nanToMin(r.param("tasks")))
                        .thenComparing(JmhResult::params, Params.ORDER.reversed()));
    }

    private static double nanToMin(double value) {
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    }

    private static String tasks(JmhResult r) {
        return r.params().getOrDefault("tasks", "?");
    }

    private static Optional<String> sleepCell(JmhResult r) {
        double ideal = JmhDerived.idealTasksPerSecond(r);
        return JmhDerived.tasksPerSecond(r).filter(v -> !Double.isNaN(ideal)).map(v -> Fmt.num(100 * v.value()
                / ideal) + " % of ideal: " + interval(v) + " vs " + Fmt.num(ideal) + " tasks/s (tasks=" + tasks(r)
                + ", sleepMs=" + r.params().get("sleepMs") + ")");
    }

    static String memoryCell(MemoryAnalysis memory, String runtime, String field) {
        return memory.largestOk(runtime).filter(p -> !Double.isNaN(memory.perTask(p, field)))
                .map(p -> Fmt.num(memory.perTask(p, field)) + " B" + at(memory, runtime, p))
                .orElse(ReportContext.NOT_MEASURED + failedText(memory, runtime));
    }

    private static String sleep10sCell(MemoryAnalysis sleep10s, String runtime) {
        Function<ProbeResult, Double> time = p -> p.value("completeNanos") != null ? p.value("completeNanos")
                : p.value("wallNanos");
        return sleep10s.largestOk(runtime).filter(p -> time.apply(p) != null)
                .map(p -> Fmt.seconds(time.apply(p)) + " s" + at(sleep10s, runtime, p)
                        + (p.sleepMs() == null ? "" : ", ideal " + Fmt.num(p.sleepMs() / 1000) + " s")
                        + (p.beyondPidMax() ? "; " + ProbeResult.BEYOND_PID_MAX.formatted(p.osLimits().get("pidMax")) : ""))
                .orElse(ReportContext.NOT_MEASURED + failedText(sleep10s, runtime));
    }

    /** " (N=…)" plus, when a larger N failed, that N. */
    private static String at(MemoryAnalysis analysis, String runtime, ProbeResult p) {
        long failed = analysis.largestFailed(runtime);
        return " (N=" + p.tasks() + (failed > p.tasks() ? "; N=" + failed + " failed" : "") + ")";
    }

    private static String failedText(MemoryAnalysis analysis, String runtime) {
        long failed = analysis.largestFailed(runtime);
        return failed > 0 ? " (N=" + failed + " failed)" : "";
    }
}
