package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Latency percentiles from raw/latency.jsonl and the percentile curves of their .hgrm files. */
final class LatencySection {

    static final String HEADING = "Latency";

    private LatencySection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, HEADING);
        List<LatencyRecord> records = ctx.run.latency();
        if (records.isEmpty()) {
            ctx.md.paragraph(ReportContext.NOT_MEASURED + ": no raw/latency.jsonl records.");
            return;
        }
        ctx.md.paragraph("HdrHistogram percentiles (recorded in ns, printed in µs). A JMH benchmark writes one "
                + "histogram per fork, each from a JVM of its own; a pitfall one per run. Mode open = constant-rate "
                + "load at the given rate; closed = each client sends its next request when the previous reply "
                + "arrived, which hides queueing delay (coordinated omission).");
        p99Table(ctx);
        List<List<String>> rows = new ArrayList<>();
        for (LatencyPoint point : LatencyPoint.of(records)) {
            for (int fork = 0; fork < point.forks().size(); fork++) {
                rows.add(row(point.forks().get(fork), fork, point.forks().size()));
            }
        }
        ctx.md.table(List.of("metric", "runtime", "fork", "params", "mode", "rate/s", "samples", "unit", "p50", "p90",
                "p99", "p99.9", "max", "histogram"), rows);
        charts(ctx, records);
    }

    /**
     * p99 per point (rows) and runtime (columns): the forks of a point merged into one figure,
     * their mean ± half their range, so that two forks that disagree read as one noisy figure
     * rather than two exact ones.
     */
    private static void p99Table(ReportContext ctx) {
        List<LatencyPoint> points = LatencyPoint.of(ctx.run.latency());
        java.util.TreeSet<String> runtimes = new java.util.TreeSet<>(Runtimes::compare);
        points.forEach(p -> runtimes.add(p.runtime()));
        List<String> header = new ArrayList<>(List.of("p99 latency"));
        runtimes.forEach(r -> header.add(ctx.label(r)));
        List<List<String>> rows = new ArrayList<>();
        for (String key : points.stream().map(LatencyPoint::key).distinct().toList()) {
            List<String> row = new ArrayList<>(List.of(key));
            for (String runtime : runtimes) {
                row.add(points.stream().filter(p -> p.key().equals(key) && p.runtime().equals(runtime)).findFirst()
                        .flatMap(p -> p.percentile("p99").map(f -> f.text(ctx.noiseBound) + singleRun(p)))
                        .orElse(ReportContext.NOT_MEASURED));
            }
            rows.add(row);
        }
        ctx.md.table(header, rows);
        ctx.md.paragraph("Where a point has several forks, its p99 is the mean of the forks' p99s, ± half their "
                + "range, and is marked (noisy) above " + Figure.percent(100 * ctx.noiseBound) + " %: forks are "
                + "separate JVMs, so their spread is what a rerun would show. A single histogram has no interval. "
                + "The table below and the charts keep every fork apart.");
    }

    private static String singleRun(LatencyPoint point) {
        return point.forks().size() > 1 ? "" : " (single run)";
    }

    /** One histogram: a fork of a point ("1 of 2"), or the only one. */
    private static List<String> row(LatencyRecord l, int fork, int forks) {
        List<String> row = new ArrayList<>(List.of(l.metric(), l.runtime(),
                forks > 1 ? (fork + 1) + " of " + forks : "only", Params.text(l.params()),
                l.mode() == null ? "" : l.mode(), l.ratePerSecond() == null ? "" : Fmt.exact(l.ratePerSecond()),
                l.count() == null ? "" : Fmt.exact(l.count()), l.unit()));
        LatencyRecord.PERCENTILES.forEach(p -> row.add(l.percentiles().get(p) == null
                ? ReportContext.NOT_MEASURED : Fmt.num(l.percentiles().get(p))));
        row.add(l.hgrmPath() == null ? "none" : l.histogram() == null ? "missing: raw/" + l.hgrmPath()
                : "raw/" + l.hgrmPath() + " (" + l.histogram().totalCount() + " samples, mean "
                + Fmt.num(l.histogram().mean()) + ", max " + Fmt.num(l.histogram().max()) + ")");
        return row;
    }

    /** A percentile chart per point; a runtime's forks are told apart: "loom fork 2", dashed. */
    private static void charts(ReportContext ctx, List<LatencyRecord> records) {
        List<LatencyPoint> points = LatencyPoint.of(records).stream()
                .sorted(java.util.Comparator.comparing(LatencyPoint::runtime, Runtimes::compare)).toList();
        for (String key : LatencyPoint.of(records).stream().map(LatencyPoint::key).distinct().toList()) {
            List<LineChart.Series> series = new ArrayList<>();
            int i = 0;
            for (LatencyPoint point : points) {
                if (!point.key().equals(key)) {
                    continue;
                }
                for (int fork = 0; fork < point.forks().size(); fork++) {
                    LatencyRecord l = point.forks().get(fork);
                    if (l.histogram() != null && !l.histogram().rows().isEmpty()) {
                        String name = point.runtime() + (point.forks().size() > 1 ? " fork " + (fork + 1) : "");
                        series.add(new LineChart.Series(name, Runtimes.color(point.runtime(), i), fork > 0,
                                curve(l.histogram())));
                    }
                }
                i++;
            }
            if (!series.isEmpty()) {
                String title = "Latency by percentile: " + key;
                ctx.chart("latency-" + ReportContext.slug(key), title, LineChart.of(title,
                        "percentile (log scale of 1/(1-p))", true, LatencySection::percentileLabel,
                        "latency (µs, log)", true, series).svg());
            }
        }
    }

    /**
     * Points at x = 1/(1-p); the last row (p = 1, the maximum) goes where the largest sample
     * would sit, 1/(1-p) = total count, so the tail ends at the true maximum.
     */
    static double[] curve(Hgrm histogram) {
        List<Double> xy = new ArrayList<>();
        for (Hgrm.Row row : histogram.rows()) {
            double x = row.percentile() < 1 ? 1 / (1 - row.percentile()) : Math.max(1, row.totalCount());
            xy.add(x);
            xy.add(row.value());
        }
        return xy.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** 1 → 0%, 10 → 90%, 100 → 99%, 1000 → 99.9%, 10^6 → 99.9999%: as many decimals as the tick needs. */
    static String percentileLabel(double inverse) {
        int decimals = Math.max(0, (int) Math.ceil(Math.log10(inverse) - 1e-9) - 2);
        return new java.math.BigDecimal(100 - 100 / inverse).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
