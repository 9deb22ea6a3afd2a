package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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
        @JsonProperty(required = true)
        @JsonPropertyDescription("`timer-lateness`, `request-latency`, `server-latency` or `cpu-hog-lateness`")
        String metric,
        @JsonProperty(required = true) @JsonPropertyDescription("the runtime's name in the registry")
        String runtime,
        @JsonPropertyDescription("the sizes, e.g. tasks, sleepMs, connections (whole numbers or text)")
        Map<String, Object> params,
        @JsonPropertyDescription("`closed` (a request waits for the reply before it) or `open` (constant rate)")
        String mode,
        @JsonPropertyDescription("the constant rate of an open loop, requests/s; null for a closed loop")
        Long ratePerSecond,
        @JsonProperty(required = true) @JsonPropertyDescription("the unit of the percentiles: `us`")
        String unit,
        @JsonPropertyDescription("values recorded")
        Long count,
        @JsonPropertyDescription("median; null when nothing was recorded (likewise below)")
        Double p50,
        @JsonPropertyDescription("90th percentile")
        Double p90,
        @JsonPropertyDescription("99th percentile")
        Double p99,
        @JsonPropertyDescription("99.9th percentile")
        Double p999,
        @JsonPropertyDescription("the largest value")
        Double max,
        @JsonPropertyDescription("the histogram, relative to raw/: `hgrm/<metric>-<runtime>-<params joined by '-'>.hgrm`")
        String hgrm) {

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
