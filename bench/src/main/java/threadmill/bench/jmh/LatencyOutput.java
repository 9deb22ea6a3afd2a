package threadmill.bench.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.HdrHistogram.Histogram;

import threadmill.workload.Json;

/**
 * Publishes a latency histogram: a summary on standard output (which JMH shows for the fork),
 * and, when the system property {@value #RAW_DIR_PROPERTY} names the raw folder of a suite
 * run, the histogram as {@code hgrm/<file>.hgrm} and one line of {@code latency.jsonl} in the
 * shape RAW-FORMAT.md gives. Values are recorded in nanoseconds and published in microseconds.
 */
final class LatencyOutput {

    static final String RAW_DIR_PROPERTY = "threadmill.raw.dir";

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
        String rawDir = System.getProperty(RAW_DIR_PROPERTY);
        if (rawDir != null && !rawDir.isBlank()) {
            try {
                write(Path.of(rawDir), latency);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write latency results under " + rawDir, e);
            }
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

    private static void write(Path raw, Latency latency) throws IOException {
        Path hgrmDir = Files.createDirectories(raw.resolve("hgrm"));
        Path hgrm = freeName(hgrmDir, hgrmBaseName(latency));
        try (PrintStream out = new PrintStream(Files.newOutputStream(hgrm, StandardOpenOption.CREATE_NEW),
                false, StandardCharsets.UTF_8)) {
            latency.histogram().outputPercentileDistribution(out, NANOS_PER_MICRO);
        }
        String line = jsonLine(latency, raw.relativize(hgrm)) + "\n";
        // Opened, appended to and closed per line: forks run one at a time, each adds its own
        // lines, and a line this short goes out in one write on an O_APPEND file.
        Files.writeString(raw.resolve("latency.jsonl"), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** {@code <metric>-<runtime>-<params joined by '-'>}. */
    private static String hgrmBaseName(Latency latency) {
        StringJoiner name = new StringJoiner("-");
        name.add(latency.metric()).add(latency.runtime());
        latency.params().values().forEach(value -> name.add(String.valueOf(value)));
        return name.toString();
    }

    /** The first of {@code base.hgrm}, {@code base-2.hgrm}, ... not taken by an earlier fork. */
    private static Path freeName(Path dir, String base) {
        Path candidate = dir.resolve(base + ".hgrm");
        for (int fork = 2; Files.exists(candidate); fork++) {
            candidate = dir.resolve(base + "-" + fork + ".hgrm");
        }
        return candidate;
    }

    static String jsonLine(Latency latency, Path hgrm) {
        Histogram h = latency.histogram();
        boolean empty = h.getTotalCount() == 0;
        StringJoiner params = new StringJoiner(", ", "{", "}");
        latency.params().forEach((name, value) -> params.add(Json.string(name) + ": " + value));
        return "{\"metric\": " + Json.string(latency.metric())
                + ", \"runtime\": " + Json.string(latency.runtime())
                + ", \"params\": " + params
                + ", \"mode\": " + Json.string(latency.open() ? "open" : "closed")
                + ", \"ratePerSecond\": " + Json.number(latency.ratePerSecond())
                + ", \"unit\": \"us\""
                + ", \"count\": " + h.getTotalCount()
                + ", \"p50\": " + micros(empty, h.getValueAtPercentile(50))
                + ", \"p90\": " + micros(empty, h.getValueAtPercentile(90))
                + ", \"p99\": " + micros(empty, h.getValueAtPercentile(99))
                + ", \"p999\": " + micros(empty, h.getValueAtPercentile(99.9))
                + ", \"max\": " + micros(empty, h.getMaxValue())
                + ", \"hgrm\": " + Json.string(hgrm.toString().replace('\\', '/'))
                + "}";
    }

    /** Nanoseconds as microseconds; null when nothing was recorded, since then there is no value. */
    private static String micros(boolean empty, long nanos) {
        return empty ? "null" : Json.number(nanos / NANOS_PER_MICRO);
    }
}
