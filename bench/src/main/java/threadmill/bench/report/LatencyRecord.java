package threadmill.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.bench.raw.LatencyLine;

/** One line of raw/latency.jsonl ({@link LatencyLine}) plus its .hgrm histogram when that file is there. */
record LatencyRecord(String metric, String runtime, Map<String, String> params, String mode, Double ratePerSecond,
                     String unit, Double count, Map<String, Double> percentiles, String hgrmPath, Hgrm histogram) {

    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p999", "max");

    static LatencyRecord from(LatencyLine line, Hgrm.Loader histograms) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        percentiles.put("p50", line.p50());
        percentiles.put("p90", line.p90());
        percentiles.put("p99", line.p99());
        percentiles.put("p999", line.p999());
        percentiles.put("max", line.max());
        return new LatencyRecord(line.metric(), line.runtime(), Scalars.of(line.params()), line.mode(),
                line.ratePerSecond() == null ? null : line.ratePerSecond().doubleValue(), line.unit(),
                line.count() == null ? null : line.count().doubleValue(), Collections.unmodifiableMap(percentiles),
                line.hgrm(), line.hgrm() == null ? null : histograms.load(line.hgrm()));
    }

    /** What a latency chart groups by: the metric and everything but the runtime. */
    String chartKey() {
        return metric + " " + Params.text(params) + (mode == null ? "" : " " + mode)
                + (ratePerSecond == null ? "" : " " + Fmt.exact(ratePerSecond) + "/s");
    }
}
