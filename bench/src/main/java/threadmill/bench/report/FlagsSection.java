package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Issue 18's section: what the JVM's flags change. Per runtime, heap per parked task and the
 * N × 10 s experiment's wall time and peak RSS under each flag configuration of the matrix, with
 * the ratio to the JDK's defaults and one chart; then timer lateness and sleep throughput at each
 * carrier or worker count; then where a flag changes the ranking between runtimes.
 */
final class FlagsSection {

    static final String HEADING = "What the JVM's flags change";

    private FlagsSection() {
    }

    static void write(ReportContext ctx) {
        FlagMatrix matrix = new FlagMatrix(ctx);
        FlagMatrix.ByWorkers timer = matrix.timerLateness();
        FlagMatrix.ByWorkers sleep = matrix.sleepThroughput();
        ctx.md.heading(2, HEADING);
        if (!matrix.hasConfigs() && timer.byPoint().isEmpty() && sleep.byPoint().isEmpty()) {
            ctx.md.paragraph(ReportContext.NOT_MEASURED + " in this run: every point ran with the JDK's default flags "
                    + "and the runtimes' default carrier and worker counts.");
            return;
        }
        if (matrix.hasConfigs()) {
            configurations(ctx, matrix);
            heap(ctx, matrix);
            sleep10s(ctx, matrix);
        }
        workers(ctx, timer, "Timer lateness by carrier and worker count", "The p99 of each task's wake lateness");
        workers(ctx, sleep, "Sleep throughput by carrier and worker count", "Tasks completed per second");
        rankings(ctx, matrix);
    }

    private static void configurations(ReportContext ctx, FlagMatrix matrix) {
        List<List<String>> rows = new ArrayList<>();
        matrix.configs().forEach(c -> rows.add(List.of(Markdown.inline(c), c.equals(ProbeResult.DEFAULT_CONFIG)
                ? "none: the JDK's defaults" : Markdown.inline(matrix.flags(c)))));
        ctx.md.paragraph("Each configuration is a set of JVM flags the memory probe and the N × 10 s experiment ran "
                + "with, every runtime alike; the exact flags of every point are in raw/probe.jsonl and the "
                + "Methodology section. A ratio is the configuration's figure over the same runtime's with the "
                + "JDK's defaults, at the same N; \"≈\" where the two overlap within their spread.");
        ctx.md.table(List.of("configuration", "flags beyond the default's"), rows);
    }

    private static void heap(ReportContext ctx, FlagMatrix matrix) {
        ctx.md.heading(3, "Heap per parked task by flags");
        List<String> configs = matrix.configs();
        Map<String, MemoryAnalysis.AtN> defaults = matrix.heap(ProbeResult.DEFAULT_CONFIG);
        List<String> runtimes = runtimes(configs, c -> matrix.heap(c).keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String runtime : runtimes) {
            List<String> row = new ArrayList<>(List.of(ctx.label(runtime)));
            for (String config : configs) {
                MemoryAnalysis.AtN atN = matrix.heap(config).get(runtime);
                MemoryAnalysis.AtN base = defaults.get(runtime);
                if (atN == null) {
                    row.add(ReportContext.NOT_MEASURED);
                    continue;
                }
                String cell = atN.figure().text(ctx.noiseBound) + " (N=" + Fmt.count(atN.tasks()) + ")";
                if (!config.equals(ProbeResult.DEFAULT_CONFIG) && base != null && base.tasks() == atN.tasks()) {
                    cell += " " + ratio(atN.figure(), base.figure());
                }
                row.add(cell);
            }
            rows.add(row);
        }
        ctx.md.paragraph("Heap after GC per parked task, (value(N) − value(N=1)) / N at the largest N each "
                + "configuration reached, ± its change from the next-smaller N (the memory section explains the "
                + "figure). Platform threads keep their stacks off the heap and are left out here.");
        ctx.md.table(header("runtime", configs), rows);
        chart(ctx, matrix, configs, runtimes);
    }

    /** Bars per runtime, one per configuration, with the sweep's spread as error bars. */
    private static void chart(ReportContext ctx, FlagMatrix matrix, List<String> configs, List<String> runtimes) {
        if (runtimes.isEmpty()) {
            return;
        }
        List<BarChart.Series> series = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            double[] values = new double[runtimes.size()];
            double[] errors = new double[runtimes.size()];
            for (int r = 0; r < runtimes.size(); r++) {
                MemoryAnalysis.AtN atN = matrix.heap(configs.get(c)).get(runtimes.get(r));
                values[r] = atN == null ? Double.NaN : atN.figure().value();
                errors[r] = atN == null ? Double.NaN : atN.figure().halfWidth();
            }
            series.add(new BarChart.Series(configs.get(c), Runtimes.palette(c), values, errors));
        }
        String title = "Heap per parked task by JVM flags";
        ctx.chart("flags-heap-per-task", title, new BarChart(title,
                "runtime; error bars: change from the next-smaller N of the sweep", "bytes per parked task",
                runtimes.stream().map(ctx::label).toList(), series).svg());
    }

    private static void sleep10s(ReportContext ctx, FlagMatrix matrix) {
        Optional<Long> tasks = matrix.sleepTasks(ProbeResult.DEFAULT_CONFIG);
        if (tasks.isEmpty()) {
            return;
        }
        long n = tasks.get();
        ctx.md.heading(3, "N × 10 s by flags");
        List<String> configs = matrix.configs();
        List<String> runtimes = runtimes(configs, c -> matrix.sleep10s(c, n, false).keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String runtime : runtimes) {
            List<String> row = new ArrayList<>(List.of(ctx.label(runtime)));
            Figure baseWall = matrix.sleep10s(ProbeResult.DEFAULT_CONFIG, n, false).get(runtime);
            Figure basePeak = matrix.sleep10s(ProbeResult.DEFAULT_CONFIG, n, true).get(runtime);
            for (String config : configs) {
                Figure wall = matrix.sleep10s(config, n, false).get(runtime);
                Figure peak = matrix.sleep10s(config, n, true).get(runtime);
                if (wall == null && peak == null) {
                    row.add(ReportContext.NOT_MEASURED);
                    continue;
                }
                boolean other = !config.equals(ProbeResult.DEFAULT_CONFIG);
                row.add(text(wall) + (other && wall != null && baseWall != null ? " " + ratio(wall, baseWall) : "")
                        + " / " + text(peak) + (other && peak != null && basePeak != null ? " " + ratio(peak, basePeak) : ""));
            }
            rows.add(row);
        }
        ctx.md.paragraph("N = " + Fmt.count(n) + " tasks each sleeping once: completion (first spawn to last join) / "
                + "peak RSS (VmHWM) of the process, single runs.");
        ctx.md.table(header("runtime", configs), rows);
    }

    /** Every runtime that has a figure under any of the conditions, in report order. */
    private static List<String> runtimes(List<String> conditions, Function<String, Set<String>> measured) {
        TreeSet<String> runtimes = new TreeSet<>(Runtimes::compare);
        conditions.forEach(c -> runtimes.addAll(measured.apply(c)));
        return List.copyOf(runtimes);
    }

    private static List<String> header(String first, List<String> columns) {
        List<String> header = new ArrayList<>(List.of(first));
        header.addAll(columns);
        return header;
    }

    private static String text(Figure figure) {
        return figure == null ? ReportContext.NOT_MEASURED : figure.number();
    }

    /** "(×0.81)", or "(≈)" when the two overlap. */
    private static String ratio(Figure figure, Figure base) {
        return figure.overlaps(base) ? "(≈)" : "(" + figure.over(base).factor() + ")";
    }

    private static void workers(ReportContext ctx, FlagMatrix.ByWorkers byWorkers, String heading, String what) {
        if (byWorkers.byPoint().isEmpty()) {
            return;
        }
        ctx.md.heading(3, heading);
        ctx.md.paragraph(what + " at each carrier or worker count (JMH param `" + HeadlineFigures.WORKERS
                + "`; each runtime maps it to its own setting: the virtual-thread scheduler's parallelism for loom, "
                + "the pool size for the others), and the ratio to the runtime's default count. A runtime without "
                + "such a setting runs the default only.");
        byWorkers.byPoint().forEach((point, figures) -> {
            List<String> counts = new ArrayList<>(figures.keySet());
            List<String> runtimes = runtimes(counts, c -> figures.get(c).keySet());
            List<List<String>> rows = new ArrayList<>();
            for (String runtime : runtimes) {
                List<String> row = new ArrayList<>(List.of(ctx.label(runtime)));
                Figure base = figures.getOrDefault(HeadlineFigures.DEFAULT_WORKERS, Map.of()).get(runtime);
                for (String count : counts) {
                    Figure figure = figures.get(count).get(runtime);
                    row.add(figure == null ? ReportContext.NOT_MEASURED : figure.text(ctx.noiseBound)
                            + (base != null && !count.equals(HeadlineFigures.DEFAULT_WORKERS) ? " " + ratio(figure, base)
                            : ""));
                }
                rows.add(row);
            }
            ctx.md.table(header("runtime (" + point + ")",
                    counts.stream().map(c -> HeadlineFigures.WORKERS + "=" + c).toList()), rows);
        });
    }

    private static void rankings(ReportContext ctx, FlagMatrix matrix) {
        List<Rankings.Change> changes = matrix.rankingChanges();
        ctx.md.heading(3, "Where a flag changes the ranking");
        if (changes.isEmpty()) {
            ctx.md.paragraph("Nowhere: under every configuration and worker count measured, runtimes told apart "
                    + "under the defaults keep their order (pairs within noise of each other are not ranked).");
            return;
        }
        ctx.md.bullets(changes.stream().map(c -> c.text(ctx)).toList());
        ctx.md.paragraph("A pair counts when it is told apart under both settings: intervals that do not overlap, "
                + "or, for single runs, values further apart than " + Figure.percent(100 * ctx.noiseBound) + " %.");
    }
}
