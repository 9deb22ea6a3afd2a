package threadmill.bench.pitfalls;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import threadmill.bench.probe.JsonLine;
import threadmill.bench.probe.RawDir;
import threadmill.workload.RuntimePitfalls;

/**
 * How late sleepers wake: each wake is recorded as (woke - deadline) in nanoseconds, where the
 * deadline is the time the sleep was asked for plus its length. Written as RAW-FORMAT's
 * latency.jsonl line (metric cpu-hog-lateness) and its .hgrm, in microseconds.
 */
final class Lateness implements RuntimePitfalls.WakeObserver {

    /** One hour: no sleeper in these pitfalls can be later than that. */
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_NANOS, 3);

    /**
     * Records the wake of round {@code round}; a wake before the deadline (clock granularity)
     * counts as on time. Round 0 is not recorded: its sleeps start while the other tasks are
     * still being started, which is start-up cost, not timer lateness.
     */
    @Override
    public void woke(int round, long deadlineNanos) {
        if (round == 0) {
            return;
        }
        histogram.recordValue(Math.min(HIGHEST_NANOS, Math.max(1, System.nanoTime() - deadlineNanos)));
    }

    /** p50, p99, max in microseconds, as a pitfalls line carries them. */
    JsonLine summary() {
        return new JsonLine()
                .put("p50", micros(histogram.getValueAtPercentile(50)))
                .put("p99", micros(histogram.getValueAtPercentile(99)))
                .put("p999", micros(histogram.getValueAtPercentile(99.9)))
                .put("max", micros(histogram.getMaxValue()))
                .put("count", histogram.getTotalCount())
                .put("unit", "us");
    }

    /** Writes the histogram to raw/hgrm and its line to raw/latency.jsonl. */
    void write(RawDir raw, PitfallSpec spec) {
        String file = String.join("-", "cpu-hog-lateness", spec.runtime(), spec.variant(),
                Long.toString(spec.param("tasks")), Long.toString(spec.param("sleepMs"))) + ".hgrm";
        Path path = raw.hgrm(file);
        try (PrintStream out = new PrintStream(path.toFile(), StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, 1000.0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
        raw.latency().append(new JsonLine()
                .put("metric", "cpu-hog-lateness")
                .put("runtime", spec.runtime())
                .put("params", spec.paramsJson().put("variant", spec.variant()))
                .put("mode", "closed")
                .put("ratePerSecond", null)
                .put("unit", "us")
                .put("count", histogram.getTotalCount())
                .put("p50", micros(histogram.getValueAtPercentile(50)))
                .put("p90", micros(histogram.getValueAtPercentile(90)))
                .put("p99", micros(histogram.getValueAtPercentile(99)))
                .put("p999", micros(histogram.getValueAtPercentile(99.9)))
                .put("max", micros(histogram.getMaxValue()))
                .put("hgrm", "hgrm/" + file));
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
