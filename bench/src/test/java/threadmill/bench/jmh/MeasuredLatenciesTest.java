package threadmill.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

class MeasuredLatenciesTest {

    private static final IterationParams WARMUP = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
    private static final IterationParams MEASUREMENT = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);

    @Test
    void keepsOnlyWhatMeasurementIterationsRecorded() {
        MeasuredLatencies latencies = new MeasuredLatencies();
        latencies.record(1_000_000);
        latencies.endIteration(WARMUP);
        latencies.record(2_000);
        latencies.record(3_000);
        latencies.endIteration(MEASUREMENT);
        latencies.record(4_000);
        latencies.endIteration(MEASUREMENT);

        Histogram measured = latencies.measured();
        assertEquals(3, measured.getTotalCount());
        assertEquals(4_000, measured.getMaxValue(), 4);
    }

    @Test
    void addsHistogramsRecordedElsewhereToTheIterationTheyCameIn() {
        MeasuredLatencies latencies = new MeasuredLatencies();
        latencies.add(histogramOf(9_000_000));
        latencies.endIteration(WARMUP);
        latencies.add(histogramOf(5_000, 6_000));
        latencies.endIteration(MEASUREMENT);

        assertEquals(2, latencies.measured().getTotalCount());
        assertEquals(6_000, latencies.measured().getMaxValue(), 6);
    }

    @Test
    void roundTripsAreCorrectedWithTheWarmUpMedianOnlyOnceThereIsOne() {
        MeasuredLatencies latencies = new MeasuredLatencies();
        latencies.recordRoundTrip(10_000);
        latencies.endIteration(MEASUREMENT);
        assertEquals(1, latencies.measured().getTotalCount(), "no warm-up, no correction");

        latencies.recordRoundTrip(1_000);
        latencies.endIteration(WARMUP);
        // A 10 us stall where round trips take 1 us held back 9 more requests, due at 9, 8, ... 1 us late.
        latencies.recordRoundTrip(10_000);
        latencies.endIteration(MEASUREMENT);
        assertEquals(1 + 10, latencies.measured().getTotalCount());
    }

    private static Histogram histogramOf(long... values) {
        Histogram histogram = new Histogram(3);
        for (long value : values) {
            histogram.recordValue(value);
        }
        return histogram;
    }
}
