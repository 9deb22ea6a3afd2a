package threadmill.bench.raw;

import org.HdrHistogram.Histogram;

/** The {@code latency} object of a pitfalls.jsonl line: a few percentiles of its wake lateness. */
public record LatencySummary(Double p50, Double p99, Double p999, Double max, Long count, String unit) {

    /** The summary of a histogram recorded in nanoseconds, in microseconds. */
    public static LatencySummary of(Histogram nanos) {
        boolean empty = nanos.getTotalCount() == 0;
        return new LatencySummary(LatencyLine.micros(empty, nanos.getValueAtPercentile(50)),
                LatencyLine.micros(empty, nanos.getValueAtPercentile(99)),
                LatencyLine.micros(empty, nanos.getValueAtPercentile(99.9)),
                LatencyLine.micros(empty, nanos.getMaxValue()), nanos.getTotalCount(), LatencyLine.MICROS);
    }
}
