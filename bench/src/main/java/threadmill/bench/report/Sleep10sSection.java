package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The published experiment (N tasks each sleeping 10 s, peak memory and wall time), ours from
 * the probe and, in a separate table, the figures others published, with their sources.
 */
final class Sleep10sSection {

    static final String HEADING = "N tasks × 10 s sleep (the published experiment)";

    private Sleep10sSection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, HEADING);
        if (ctx.sleep10s.byRuntime().isEmpty()) {
            ctx.md.paragraph(ReportContext.NOT_MEASURED + ": raw/probe.jsonl has no \"sleep10s\" points.");
        } else {
            ctx.md.paragraph("Measured here, one process per point, single shot. Peak memory = VmHWM (peak "
                    + "resident set) of the process; completion = first spawn until the last task returned. Every "
                    + "point here ran with the JDK's default flags (the native reference with none); the section \""
                    + FlagsSection.HEADING + "\" has the other configurations.");
            List<List<String>> rows = new ArrayList<>();
            ctx.sleep10s.byRuntime().forEach((series, points) -> points.forEach(p -> rows.add(List.of(
                    Runtimes.label(Runtimes.runtimeOf(series), p.runtimeVersion())
                            + series.substring(Runtimes.runtimeOf(series).length()),
                    Long.toString(p.tasks()), p.statusText(),
                    p.sleepMs() == null ? "?" : Fmt.exact(p.sleepMs()),
                    value(p, "hwmBytes", Fmt::mib), value(p, "completeNanos", Fmt::seconds),
                    value(p, "wallNanos", Fmt::seconds), value(p, "processCpuNanos", Fmt::seconds),
                    value(p, "cpuPercent", Fmt::num), value(p, "heapUsedAfterGcBytes", Fmt::mib)))));
            ctx.md.table(List.of("runtime", "N", "status", "sleep (ms)", "peak RSS, VmHWM (MiB)", "completion (s)",
                    "process wall (s)", "process CPU (s)", "CPU %", "heap after GC (MiB)"), rows);
        }
        published(ctx);
    }

    private static String value(ProbeResult p, String field, java.util.function.DoubleFunction<String> format) {
        Double value = p.value(field);
        return value == null ? ReportContext.NOT_MEASURED : format.apply(value);
    }

    private static void published(ReportContext ctx) {
        PublishedFigures published = PublishedFigures.load();
        TreeSet<Long> counts = new TreeSet<>();
        published.rows().forEach(r -> counts.add(r.tasks()));
        List<String> header = new ArrayList<>(List.of("runtime (published by others)"));
        counts.forEach(n -> header.add("peak memory at N=" + n + " (MB, as published)"));
        header.add("wall / CPU at the largest N");
        header.add("source");
        List<List<String>> rows = new ArrayList<>();
        for (String runtime : published.rows().stream().map(PublishedFigures.Row::runtime).distinct().toList()) {
            List<PublishedFigures.Row> mine = published.rows().stream().filter(r -> r.runtime().equals(runtime))
                    .toList();
            List<String> row = new ArrayList<>(List.of(runtime));
            for (long n : counts) {
                row.add(mine.stream().filter(r -> r.tasks() == n).map(PublishedFigures.Row::peakMemoryMB)
                        .findFirst().orElse("–"));
            }
            row.add(mine.stream().filter(r -> !r.wallSeconds().isEmpty())
                    .map(r -> r.wallSeconds() + " s wall, " + r.cpuPercent() + " % CPU").findFirst().orElse("–"));
            row.add(mine.get(0).source());
            rows.add(row);
        }
        ctx.md.paragraph("**Published by others, not measured here** (different machines, JDKs and "
                + "settings; for orientation only):");
        ctx.md.table(header, rows);
        if (ctx.run.env() != null) {
            ctx.run.env().reference().forEach((runtime, info) -> ctx.md.paragraph(
                    MemorySection.referenceText(ctx, runtime, info) + " The published " + runtime + " rows above were "
                    + "measured with the " + runtime + " build of their own source on another machine, not with "
                    + ctx.label(runtime) + "."));
        }
    }
}
