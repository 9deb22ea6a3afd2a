package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Memory per live task from the probe: per point and as the slope over the sweep, heap and RSS
 * and native thread stacks side by side, and the log–log chart of heap and RSS per task vs N.
 */
final class MemorySection {

    private MemorySection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, "Memory per live task");
        MemoryAnalysis memory = ctx.memory;
        if (memory.byRuntime().isEmpty()) {
            ctx.md.paragraph(ReportContext.NOT_MEASURED + ": raw/probe.jsonl has no \"memory\" points.");
            return;
        }
        ctx.md.paragraph("Per task = (value(N) − value(N=1)) / N against the same runtime's N=1 point; "
                + "slope = least-squares fit of value over N across the runtime's measured points. Each point is "
                + "one process, measured once after all N tasks are parked (single shot: no error is known). "
                + "Platform-thread stacks are native memory (NMT \"Thread\", committed), virtual-thread stacks "
                + "live on the heap: read both columns. \"parked\" is how many tasks were parked when measured: "
                + "a bounded pool runs only as many tasks as it has threads, the rest wait in its queue, so its "
                + "per-task figure is mostly the cost of a queued task. A runtime named with a depth (\"loom depth=16\") "
                + "slept at that depth (d − 1 calls, for futures d − 1 nested futures, below the task body), against "
                + "its own N=1 baseline at that depth; "
                + "a plain runtime name is depth 1, the task body itself sleeping.");
        List<String> header = new ArrayList<>(List.of("runtime", "N", "parked", "status"));
        MemoryAnalysis.COLUMNS.forEach(c -> header.add(c.title() + " per task (B)"));
        MemoryAnalysis.COLUMNS.forEach(c -> header.add(c.title() + " total (MiB)"));
        header.add("NMT thread count");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<ProbeResult>> runtime : memory.byRuntime().entrySet()) {
            for (ProbeResult p : runtime.getValue()) {
                Double parked = p.value("parkedTasks");
                List<String> row = new ArrayList<>(List.of(runtime.getKey(), Long.toString(p.tasks()),
                        parked == null ? ReportContext.NOT_MEASURED : Long.toString(parked.longValue()), p.statusText()));
                MemoryAnalysis.COLUMNS.forEach(c -> row.add(p.tasks() == 1 ? "baseline"
                        : orNotMeasured(memory.perTask(p, c.field()), Fmt::num)));
                MemoryAnalysis.COLUMNS.forEach(c -> row.add(p.value(c.field()) == null ? ReportContext.NOT_MEASURED
                        : Fmt.mib(p.value(c.field()))));
                Double threads = p.value("nmt.threadCount");
                row.add(threads == null ? ReportContext.NOT_MEASURED : Fmt.exact(threads));
                rows.add(row);
            }
        }
        ctx.md.table(header, rows);

        List<String> slopeHeader = new ArrayList<>(List.of("runtime"));
        MemoryAnalysis.COLUMNS.forEach(c -> slopeHeader.add(c.title() + " slope (B per task)"));
        slopeHeader.add("points in fit");
        List<List<String>> slopes = new ArrayList<>();
        for (String runtime : memory.byRuntime().keySet()) {
            List<String> row = new ArrayList<>(List.of(runtime));
            MemoryAnalysis.COLUMNS.forEach(c -> row.add(orNotMeasured(memory.slope(runtime, c.field()), Fmt::num)));
            row.add(Integer.toString(memory.pointsUsed(runtime, "rssBytes")));
            slopes.add(row);
        }
        ctx.md.table(slopeHeader, slopes);
        chart(ctx, memory);
    }

    private static void chart(ReportContext ctx, MemoryAnalysis memory) {
        List<LineChart.Series> series = new ArrayList<>();
        int i = 0;
        for (String runtime : memory.byRuntime().keySet()) {
            String color = Plot.color(runtime, i++);
            for (String field : List.of("heapUsedAfterGcBytes", "rssBytes")) {
                List<Double> xy = new ArrayList<>();
                for (ProbeResult p : memory.byRuntime().get(runtime)) {
                    double perTask = memory.perTask(p, field);
                    if (!Double.isNaN(perTask)) {
                        xy.add((double) p.tasks());
                        xy.add(perTask);
                    }
                }
                boolean rss = field.equals("rssBytes");
                series.add(new LineChart.Series(runtime + (rss ? " RSS" : " heap"), color, rss,
                        xy.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        String title = "Memory per live task vs N (heap solid, RSS dashed)";
        ctx.chart("memory-per-task", title, LineChart.of(title, "live tasks N (log)", true, Fmt::num,
                "bytes per task (log)", true, series).svg());
    }

    static String orNotMeasured(double value, java.util.function.DoubleFunction<String> format) {
        return Double.isNaN(value) ? ReportContext.NOT_MEASURED : format.apply(value);
    }
}
