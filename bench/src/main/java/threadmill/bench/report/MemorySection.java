package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Memory per live task from the probe: per point and as the slope over the sweep, heap and RSS
 * and native thread stacks side by side, and the log–log chart of heap and RSS per task vs N.
 */
final class MemorySection {

    static final String HEADING = "Memory per live task";

    private MemorySection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, HEADING);
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
                + "a plain runtime name is depth 1, the task body itself sleeping. Every point here ran with the JDK's "
                + "default flags; the section \"" + FlagsSection.HEADING + "\" has the other configurations.");
        reference(ctx);
        List<String> header = new ArrayList<>(List.of("runtime", "N", "parked", "status"));
        MemoryAnalysis.COLUMNS.forEach(c -> header.add(c.title() + " per task (B)"));
        MemoryAnalysis.COLUMNS.forEach(c -> header.add(c.title() + " total (MiB)"));
        header.add("NMT thread count");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<ProbeResult>> runtime : memory.byRuntime().entrySet()) {
            for (ProbeResult p : runtime.getValue()) {
                Double parked = p.value("parkedTasks");
                List<String> row = new ArrayList<>(List.of(label(runtime.getKey(), p), Long.toString(p.tasks()),
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
        slopeHeader.add("heap per task at the largest N");
        slopeHeader.add("RSS per task at the largest N");
        List<List<String>> slopes = new ArrayList<>();
        for (String runtime : memory.byRuntime().keySet()) {
            List<String> row = new ArrayList<>(List.of(ctx.label(Runtimes.runtimeOf(runtime))
                    + runtime.substring(Runtimes.runtimeOf(runtime).length())));
            MemoryAnalysis.COLUMNS.forEach(c -> row.add(orNotMeasured(memory.slope(runtime, c.field()), Fmt::num)));
            row.add(Integer.toString(memory.pointsUsed(runtime, "rssBytes")));
            for (String field : List.of("heapUsedAfterGcBytes", "rssBytes")) {
                row.add(memory.perTaskFigure(runtime, field).map(f -> f.figure().text(ctx.noiseBound) + " (N="
                        + Fmt.count(f.tasks()) + ")").orElse(ReportContext.NOT_MEASURED));
            }
            slopes.add(row);
        }
        ctx.md.table(slopeHeader, slopes);
        ctx.md.paragraph("The last two columns are the figures the findings quote: per task at the largest N, ± its "
                + "change from the next-smaller N (a figure that has settled changes little from one decade to the "
                + "next; " + Figure.Basis.SWEEP.meaning + "), rounded at the first digit of that change.");
        chart(ctx, memory);
    }

    private static void chart(ReportContext ctx, MemoryAnalysis memory) {
        List<LineChart.Series> series = new ArrayList<>();
        int i = 0;
        for (String runtime : memory.byRuntime().keySet()) {
            String color = Runtimes.color(runtime, i++);
            for (String field : List.of("heapUsedAfterGcBytes", "rssBytes")) {
                List<Double> xy = new ArrayList<>();
                for (ProbeResult p : memory.byRuntime().get(runtime)) {
                    double perTask = memory.perTask(p, field);
                    if (!Double.isNaN(perTask)) {
                        xy.add((double) p.tasks());
                        xy.add(perTask);
                    }
                }
                if (xy.isEmpty()) {
                    continue;
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

    /** The series name as a reader reads it: the reference with the version its own point recorded. */
    private static String label(String series, ProbeResult p) {
        String runtime = Runtimes.runtimeOf(series);
        return Runtimes.label(runtime, p.runtimeVersion()) + series.substring(runtime.length());
    }

    /**
     * What the native reference's own binary says its task costs, so that its RSS per task is read
     * against the bytes of its task and nobody compares one version's figure with another's.
     */
    static void reference(ReportContext ctx) {
        if (ctx.run.env() != null) {
            ctx.run.env().reference().forEach((runtime, info) -> ctx.md.paragraph(referenceText(ctx, runtime, info)));
        }
    }

    static String referenceText(ReportContext ctx, String runtime, threadmill.bench.raw.ReferenceInfo info) {
        if (!info.ok()) {
            return ctx.label(runtime) + ": " + info.status() + ".";
        }
        List<String> parts = new ArrayList<>();
        if (info.taskFutureBytes() != null) {
            parts.add("its spawned task's future is " + info.taskFutureBytes() + " B"
                    + (info.taskFutureAlign() == null ? "" : " (" + info.taskFutureAlign() + "-byte aligned)"));
        }
        if (info.sleepBytes() != null) {
            parts.add("the sleep future alone is " + info.sleepBytes() + " B");
        }
        if (info.mallocBytesPerTask() != null) {
            parts.add("the allocator hands out " + Fmt.num(info.mallocBytesPerTask()) + " B per spawned task");
        }
        return "The " + runtime + " figures of this run are " + runtime + " "
                + (info.version() == null ? "(version not recorded)" : info.version()) + "'s"
                + (info.rustcVersion() == null ? "" : ", built with rustc " + info.rustcVersion())
                + (info.workerThreads() == null ? "" : ", " + info.workerThreads() + " worker threads")
                + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
                + " (sizes as its binary reports them). It has no JVM heap, so its memory figures are RSS. "
                + "Another " + runtime + " version may size its tasks differently: compare its figures only with "
                + "the same version's.";
    }

    static String orNotMeasured(double value, java.util.function.DoubleFunction<String> format) {
        return Double.isNaN(value) ? ReportContext.NOT_MEASURED : format.apply(value);
    }
}
