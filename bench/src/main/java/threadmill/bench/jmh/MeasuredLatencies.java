package threadmill.bench.jmh;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Latencies recorded by many tasks at once, of which only those of measurement iterations are
 * kept: warm-up latencies include the JIT at work and would fatten the tail. Recording is
 * wait-free ({@link Recorder}), so a task that records does not queue behind another.
 */
final class MeasuredLatencies {

    /** Three significant digits: 1 ns resolution below 1 us, 0.1 % above. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram measured = new Histogram(SIGNIFICANT_DIGITS);

    /** Records one latency in nanoseconds; negative values are an error of the caller. */
    void record(long nanos) {
        recorder.recordValue(nanos);
    }

    /**
     * Records one latency of a request that was due every {@code intervalNanos}, filling in the
     * requests a stall held back (coordinated omission correction).
     */
    void record(long nanos, long intervalNanos) {
        recorder.recordValueWithExpectedInterval(nanos, intervalNanos);
    }

    /** Called at the end of every iteration: keeps its latencies if it was a measured one. */
    void endIteration(IterationParams iteration) {
        Histogram interval = recorder.getIntervalHistogram();
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measured.add(interval);
        }
    }

    /** Everything measurement iterations recorded. */
    Histogram measured() {
        return measured;
    }
}
