package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One line of raw/latency.jsonl: the summary of one latency histogram, whose whole
 * distribution is the .hgrm file it names (written by
 * {@code outputPercentileDistribution(out, 1000.0)}: recorded in ns, printed in µs). A JMH
 * benchmark writes one per fork; a pitfall one per run.
 */
public record LatencyLine(
        @JsonProperty(required = true) String metric, @JsonProperty(required = true) String runtime,
        Map<String, Object> params, String mode, Long ratePerSecond, @JsonProperty(required = true) String unit,
        Long count, Double p50, Double p90, Double p99, Double p999, Double max, String hgrm) {

    public static final String MICROS = "us";
    private static final double NANOS_PER_MICRO = 1000.0;

    public LatencyLine {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The line of a histogram recorded in nanoseconds, published in microseconds. */
    public static LatencyLine of(String metric, String runtime, Map<String, ?> params, boolean open,
                                 Long ratePerSecond, Histogram nanos, String hgrm) {
        boolean empty = nanos.getTotalCount() == 0;
        return new LatencyLine(metric, runtime, new LinkedHashMap<>(params), open ? "open" : "closed", ratePerSecond,
                MICROS, nanos.getTotalCount(), micros(empty, nanos.getValueAtPercentile(50)),
                micros(empty, nanos.getValueAtPercentile(90)), micros(empty, nanos.getValueAtPercentile(99)),
                micros(empty, nanos.getValueAtPercentile(99.9)), micros(empty, nanos.getMaxValue()), hgrm);
    }

    /** Nanoseconds as microseconds; null when nothing was recorded, since then there is no value. */
    static Double micros(boolean empty, long nanos) {
        return empty ? null : nanos / NANOS_PER_MICRO;
    }
}
