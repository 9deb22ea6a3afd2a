package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.HdrHistogram.Histogram;

/** The {@code latency} object of a pitfalls.jsonl line: a few percentiles of its wake lateness. */
public record LatencySummary(
        @JsonPropertyDescription("median")
        Double p50,
        @JsonPropertyDescription("99th percentile")
        Double p99,
        @JsonPropertyDescription("99.9th percentile")
        Double p999,
        @JsonPropertyDescription("the largest value")
        Double max,
        @JsonPropertyDescription("values recorded")
        Long count,
        @JsonPropertyDescription("the unit of the percentiles: `us`")
        String unit) {

    /** The summary of a histogram recorded in nanoseconds, in microseconds. */
    public static LatencySummary of(Histogram nanos) {
        boolean empty = nanos.getTotalCount() == 0;
        return new LatencySummary(LatencyLine.micros(empty, nanos.getValueAtPercentile(50)),
                LatencyLine.micros(empty, nanos.getValueAtPercentile(99)),
                LatencyLine.micros(empty, nanos.getValueAtPercentile(99.9)),
                LatencyLine.micros(empty, nanos.getMaxValue()), nanos.getTotalCount(), LatencyLine.MICROS);
    }
}
