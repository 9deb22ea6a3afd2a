package threadmill.bench.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

import threadmill.workload.SleepObserver;

/**
 * Timer lateness: how much later than asked a sleeping task wakes up when N tasks sleep D at
 * once. Each task notes the time right before it parks and right after it wakes, in an array
 * slot of its own; after each fan-out, lateness {@code wake - (park + D)} of every task goes
 * into an HdrHistogram, published as percentiles (see {@link LatencyOutput}). Recording after
 * the fan-out keeps the measuring out of what is measured: tasks that recorded into a shared
 * histogram as they woke contended on its counters and slowed the wake-ups they timed (at a
 * million timers, p50 60 ms with the shared histogram against about 1 ms with the arrays,
 * futures runtime, same machine). A sleep benchmark is mostly a timer benchmark: this isolates the
 * timer (its resolution, its cost per entry, how its wake-ups queue for workers) from the
 * spawn cost that {@link SleepThroughputBenchmark} also pays. The primary score, the time per
 * fan-out, is only context; the histogram is the result.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimerLatenessBenchmark extends SleepingTasks {

    private Lateness lateness;

    @Override
    protected void start() throws Exception {
        super.start();
        lateness = new Lateness(tasks, sleepers.sleep().toNanos());
    }

    @Benchmark
    public long sleepAll() throws InterruptedException {
        return sleepers.verify(taskRuntime.startSleepers(sleepers, lateness).join());
    }

    @TearDown(Level.Invocation)
    public void recordLateness() {
        lateness.recordAll();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        lateness.latencies.endIteration(iteration);
    }

    @Override
    protected void stop() throws Exception {
        long early = lateness.early;
        if (early > 0) {
            System.out.println("WARNING: " + early + " wake-ups came before the sleep had elapsed; "
                    + "recorded as zero lateness");
        }
        Map<String, Integer> params = new LinkedHashMap<>();
        params.put("tasks", tasks);
        params.put("sleepMs", sleepMs);
        LatencyOutput.publish(new LatencyOutput.Latency(
                "timer-lateness", runtime, params, false, null, lateness.latencies.measured()));
        super.stop();
    }

    /**
     * The observer the tasks call. Task i alone writes slot i, before and after its own sleep,
     * and the fan-out's join orders those writes before {@link #recordAll} reads them.
     */
    private static final class Lateness implements SleepObserver {

        private final long[] parkedAt;
        private final long[] wokeAt;
        private final long sleepNanos;
        final MeasuredLatencies latencies = new MeasuredLatencies();
        long early;

        Lateness(int tasks, long sleepNanos) {
            this.parkedAt = new long[tasks];
            this.wokeAt = new long[tasks];
            this.sleepNanos = sleepNanos;
        }

        @Override
        public void parking(int task) {
            parkedAt[task] = System.nanoTime();
        }

        @Override
        public void woke(int task) {
            wokeAt[task] = System.nanoTime();
        }

        /** Records the lateness of every task of the fan-out that just ended. */
        void recordAll() {
            for (int task = 0; task < wokeAt.length; task++) {
                long late = wokeAt[task] - parkedAt[task] - sleepNanos;
                if (late < 0) {
                    early++;
                    late = 0;
                }
                latencies.record(late);
            }
        }
    }
}
