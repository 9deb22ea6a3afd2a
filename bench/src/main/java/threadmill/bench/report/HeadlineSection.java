package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a reader sees first: the findings ({@link Findings}), then one compact table, a row per
 * runtime and a column per headline figure ({@link HeadlineFigures}), every figure rounded by
 * {@link Figure}'s rule and linked to the section that has it in full.
 */
final class HeadlineSection {

    static final String FINDINGS = "Findings";
    static final String AT_A_GLANCE = "At a glance";
    /** A row's name and at most this many figures: the table stays readable on a laptop screen. */
    static final int MAX_COLUMNS = 8;

    private HeadlineSection() {
    }

    static void write(ReportContext ctx) {
        write(ctx, 2);
    }

    /** The findings and the table under headings of the given level (README nests them under its own). */
    static void write(ReportContext ctx, int level) {
        ctx.md.heading(level, FINDINGS);
        if (ctx.runtimes().isEmpty()) {
            ctx.md.paragraph("Nothing was measured: raw/ holds no JMH, probe, latency, server or reference results "
                    + "(see Failures and gaps).");
            return;
        }
        List<String> findings = new Findings(ctx).lines();
        if (findings.isEmpty()) {
            ctx.md.paragraph("None: this run measured none of the headline figures; the sections below have what it "
                    + "did measure.");
        } else {
            ctx.md.bullets(findings);
            ctx.md.paragraph(precisionNote(ctx));
        }
        table(ctx, level);
    }

    /** What ± and "noisy" mean, said once for the findings and the table. */
    static String precisionNote(ReportContext ctx) {
        return "± is the 99.9 % confidence interval: JMH's for JMH figures, Student t over the measured windows for the "
                + "server comparison; half the range of the forks for latency, and for memory per task the change from "
                + "the sweep's next-smaller N; "
                + "each figure is rounded at the first digit of its ± and marked (noisy) where the ± is above "
                + Figure.percent(100 * ctx.noiseBound) + " % of it (the bound of a " + suiteName(ctx)
                + " run). Ratios are to " + Runtimes.RATIO_BASE + ", \"≈\" where the intervals overlap.";
    }

    private static String suiteName(ReportContext ctx) {
        String suite = ctx.run.env() == null ? null : ctx.run.env().suite();
        return suite == null ? "suite of unknown size" : suite;
    }

    private static void table(ReportContext ctx, int level) {
        List<HeadlineFigures.Measure> measures = new HeadlineFigures(ctx).tableMeasures();
        if (measures.isEmpty()) {
            return;
        }
        measures = measures.subList(0, Math.min(MAX_COLUMNS - 1, measures.size()));
        ctx.md.heading(level, AT_A_GLANCE);
        TreeSet<String> runtimes = new TreeSet<>(Runtimes::compare);
        measures.forEach(m -> runtimes.addAll(m.byRuntime().keySet()));
        List<String> header = new ArrayList<>(List.of("runtime"));
        measures.forEach(m -> header.add(m.column()));
        List<List<String>> rows = new ArrayList<>();
        for (String runtime : runtimes) {
            String label = ctx.label(runtime);
            List<String> row = new ArrayList<>(List.of(label));
            for (HeadlineFigures.Measure m : measures) {
                row.add(m.entry(runtime).map(e -> cell(ctx, runtime, m, e)).orElse("–"));
            }
            rows.add(row);
        }
        ctx.md.table(header, rows);
        ctx.md.paragraph("Each figure links to its section, which has the full data (so does results.csv). "
                + "– : not measured in this run. The N × 10 s columns are single runs (no interval is known).");
    }

    private static String cell(ReportContext ctx, String runtime, HeadlineFigures.Measure m, HeadlineFigures.Entry e) {
        if (e.figure() == null) {
            return e.note();
        }
        String version = e.version() != null && !Objects.equals(e.version(), ctx.version(runtime).orElse(null))
                ? " (" + runtime + " " + e.version() + ")" : "";
        return ctx.link(e.figure().text(ctx.noiseBound), e.sectionIn(m)) + e.note() + version;
    }
}
