package threadmill.bench.pitfalls;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import threadmill.bench.raw.LatencyLine;
import threadmill.bench.raw.LatencySummary;
import threadmill.bench.raw.RawDir;
import threadmill.workload.RuntimePitfalls;

/**
 * How late sleepers wake: each wake is recorded as (woke - deadline) in nanoseconds, where the
 * deadline is the time the sleep was asked for plus its length. Written as RAW-FORMAT's
 * latency.jsonl line (metric cpu-hog-lateness) and its .hgrm, in microseconds.
 */
final class WakeLateness implements RuntimePitfalls.WakeObserver {

    static final String METRIC = "cpu-hog-lateness";

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

    /** The percentiles a pitfalls line carries. */
    LatencySummary summary() {
        return LatencySummary.of(histogram);
    }

    /** Writes the histogram to raw/hgrm and its line to raw/latency.jsonl. */
    void write(RawDir raw, PitfallSpec spec) {
        String hgrm = raw.histogram(String.join("-", METRIC, spec.runtime(), spec.variant(),
                Long.toString(spec.param("tasks")), Long.toString(spec.param("sleepMs"))), histogram);
        Map<String, Object> params = new LinkedHashMap<>(spec.paramsWithVariant());
        raw.append(LatencyLine.of(METRIC, spec.runtime(), params, false, null, histogram, hgrm));
    }
}
