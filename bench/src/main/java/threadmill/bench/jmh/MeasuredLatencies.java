package threadmill.bench.jmh;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Latencies recorded during a trial, of which only those of measurement iterations are kept:
 * warm-up latencies include the JIT at work and would fatten the tail. Tasks record into a
 * {@link Recorder}, which is wait-free, so a task that records does not queue behind another.
 */
final class MeasuredLatencies {

    /** Three significant digits: 1 ns resolution below 1 us, 0.1 % above. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram recordedElsewhere = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram measured = new Histogram(SIGNIFICANT_DIGITS);
    private volatile long warmUpMedianNanos;

    /** Records one latency in nanoseconds, e.g. a timer's lateness, which nothing queues behind. */
    void record(long nanos) {
        recorder.recordValue(nanos);
    }

    /**
     * Records one round trip of a closed loop, in which a connection sends its next request
     * only once the last reply arrived, so a stall also holds back the requests that would have
     * been sent meanwhile. Once a warm-up iteration ran, its median round trip is taken as the
     * interval those requests were due at and HdrHistogram fills them in (coordinated omission
     * correction, the rule the load generator's closed loop follows); without warm-up there is
     * no such interval and the value is recorded as it is.
     */
    void recordRoundTrip(long nanos) {
        long interval = warmUpMedianNanos;
        if (interval > 0) {
            recorder.recordValueWithExpectedInterval(nanos, interval);
        } else {
            recorder.recordValue(nanos);
        }
    }

    /** Adds latencies recorded elsewhere, e.g. by the load generator, in this iteration. */
    void add(Histogram latencies) {
        recordedElsewhere.add(latencies);
    }

    /** Called at the end of every iteration: keeps its latencies if it was a measured one. */
    void endIteration(IterationParams iteration) {
        Histogram interval = recorder.getIntervalHistogram();
        interval.add(recordedElsewhere);
        recordedElsewhere.reset();
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measured.add(interval);
        } else if (interval.getTotalCount() > 0) {
            warmUpMedianNanos = interval.getValueAtPercentile(50);
        }
    }

    /** Everything measurement iterations recorded. */
    Histogram measured() {
        return measured;
    }
}
