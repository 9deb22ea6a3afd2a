package threadmill.bench.report;

import java.util.List;
import java.util.Map;

/** One line of raw/latency.jsonl plus its .hgrm histogram when that file is there. */
record LatencyRecord(String metric, String runtime, Map<String, String> params, String mode, Double ratePerSecond,
                     String unit, Double count, Map<String, Double> percentiles, String hgrmPath, Hgrm histogram,
                     Json.Where where) {

    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p999", "max");

    static LatencyRecord from(Json.Obj line, Hgrm.Loader histograms) {
        Map<String, Double> percentiles = new java.util.LinkedHashMap<>();
        PERCENTILES.forEach(p -> percentiles.put(p, line.optNumber(p)));
        String hgrm = line.optString("hgrm");
        return new LatencyRecord(line.string("metric"), line.string("runtime"), line.scalars("params"),
                line.optString("mode"), line.optNumber("ratePerSecond"), line.string("unit"), line.optNumber("count"),
                java.util.Collections.unmodifiableMap(percentiles), hgrm,
                hgrm == null ? null : histograms.load(hgrm), line.where());
    }

    /** What a latency chart groups by: the metric and everything but the runtime. */
    String chartKey() {
        return metric + " " + Params.text(params) + (mode == null ? "" : " " + mode)
                + (ratePerSecond == null ? "" : " " + Fmt.exact(ratePerSecond) + "/s");
    }
}
