package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Latency percentiles from raw/latency.jsonl and the percentile curves of their .hgrm files. */
final class LatencySection {

    private LatencySection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, "Latency");
        List<LatencyRecord> records = ctx.run.latency();
        if (records.isEmpty()) {
            ctx.md.paragraph(ReportContext.NOT_MEASURED + ": no raw/latency.jsonl records.");
            return;
        }
        ctx.md.paragraph("HdrHistogram percentiles (recorded in ns, printed in µs), single runs: no error is "
                + "known. Mode open = constant-rate load at the given rate; closed = each client sends its next "
                + "request when the previous reply arrived, which hides queueing delay (coordinated omission).");
        List<List<String>> rows = new ArrayList<>();
        for (LatencyRecord l : records) {
            List<String> row = new ArrayList<>(List.of(l.metric(), l.runtime(), Params.text(l.params()),
                    l.mode() == null ? "" : l.mode(), l.ratePerSecond() == null ? "" : Fmt.exact(l.ratePerSecond()),
                    l.count() == null ? "" : Fmt.exact(l.count()), l.unit()));
            LatencyRecord.PERCENTILES.forEach(p -> row.add(l.percentiles().get(p) == null
                    ? ReportContext.NOT_MEASURED : Fmt.num(l.percentiles().get(p))));
            row.add(l.hgrmPath() == null ? "none" : l.histogram() == null ? "missing: raw/" + l.hgrmPath()
                    : "raw/" + l.hgrmPath() + " (" + l.histogram().totalCount() + " samples, mean "
                    + Fmt.num(l.histogram().mean()) + ", max " + Fmt.num(l.histogram().max()) + ")");
            rows.add(row);
        }
        ctx.md.table(List.of("metric", "runtime", "params", "mode", "rate/s", "samples", "unit", "p50", "p90", "p99",
                "p99.9", "max", "histogram"), rows);
        for (String key : records.stream().map(LatencyRecord::chartKey).distinct().toList()) {
            List<LineChart.Series> series = new ArrayList<>();
            int i = 0;
            for (LatencyRecord l : records) {
                if (l.chartKey().equals(key) && l.histogram() != null && !l.histogram().rows().isEmpty()) {
                    series.add(new LineChart.Series(l.runtime(), Plot.color(l.runtime(), i++), false,
                            curve(l.histogram())));
                }
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
