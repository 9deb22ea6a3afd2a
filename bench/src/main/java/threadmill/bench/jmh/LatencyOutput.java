package threadmill.bench.jmh;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.HdrHistogram.Histogram;

import threadmill.bench.raw.LatencyLine;
import threadmill.bench.raw.RawDir;

/**
 * Publishes a latency histogram: a summary on standard output (which JMH shows for the fork),
 * and, when the system property {@value RawDir#PROPERTY} names the raw folder of a suite run,
 * the histogram as {@code hgrm/<file>.hgrm} and its {@link LatencyLine} in {@code latency.jsonl}.
 * Values are recorded in nanoseconds and published in microseconds. Forks run one at a time,
 * each appending its own line.
 */
final class LatencyOutput {

    private static final double NANOS_PER_MICRO = 1000.0;

    /**
     * What was measured.
     *
     * @param metric {@code timer-lateness}, {@code request-latency} or {@code server-latency}
     * @param runtime the runtime's name
     * @param params the sizes, in the order they name the hgrm file
     * @param open true for constant-rate (open-loop) load
     * @param ratePerSecond the constant rate of open-loop load, null for closed loop
     */
    record Latency(String metric, String runtime, Map<String, Integer> params, boolean open,
            Long ratePerSecond, Histogram histogram) {
    }

    private LatencyOutput() {
    }

    static void publish(Latency latency) {
        System.out.println(summary(latency));
        String rawDir = System.getProperty(RawDir.PROPERTY);
        if (rawDir != null && !rawDir.isBlank()) {
            RawDir raw = new RawDir(Path.of(rawDir));
            String hgrm = raw.histogram(hgrmBaseName(latency), latency.histogram());
            raw.append(LatencyLine.of(latency.metric(), latency.runtime(), latency.params(), latency.open(),
                    latency.ratePerSecond(), latency.histogram(), hgrm));
        }
    }

    private static String summary(Latency latency) {
        Histogram h = latency.histogram();
        return String.format(Locale.ROOT,
                "%s %s %s %s: count=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f us",
                latency.metric(), latency.runtime(), latency.params(), latency.open() ? "open" : "closed",
                h.getTotalCount(), h.getValueAtPercentile(50) / NANOS_PER_MICRO,
                h.getValueAtPercentile(90) / NANOS_PER_MICRO, h.getValueAtPercentile(99) / NANOS_PER_MICRO,
                h.getValueAtPercentile(99.9) / NANOS_PER_MICRO, h.getMaxValue() / NANOS_PER_MICRO);
    }

    /** {@code <metric>-<runtime>-<params joined by '-'>}. */
    private static String hgrmBaseName(Latency latency) {
        StringJoiner name = new StringJoiner("-");
        name.add(latency.metric()).add(latency.runtime());
        latency.params().values().forEach(value -> name.add(String.valueOf(value)));
        return name.toString();
    }
}
