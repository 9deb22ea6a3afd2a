package threadmill.bench.jmh;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;
import threadmill.workload.Validate;

/**
 * Timer lateness: how much later than asked a sleeping task wakes up when N tasks sleep D at
 * once. Each task notes the time right before it parks and right after it wakes, in an array
 * slot of its own; after each fan-out, lateness {@code wake - (park + D)} of every task goes
 * into an HdrHistogram, published as percentiles (see {@link LatencyOutput}). Recording after
 * the fan-out keeps the measuring out of what is measured: tasks that recorded into a shared
 * histogram as they woke would contend on its counters and slow the very wake-ups they timed,
 * the more so the more timers fire together. A sleep benchmark is mostly a timer benchmark: this isolates the
 * timer (its resolution, its cost per entry, how its wake-ups queue for workers) from the
 * spawn cost that {@link SleepThroughputBenchmark} also pays. The primary score, the time per
 * fan-out, is only context; the histogram is the result.
 *
 * <p>Two ways to have a million timers armed, which answer two questions. {@code tasks=1000000}
 * arms them all within the time it takes to spawn them, so they also fall due within that time:
 * lateness then says how fast the runtime expires, wakes and runs a burst of timers.
 * {@code armed=1000000} keeps a million other tasks asleep (for {@link #ARMED_SLEEP}, started
 * before the trial and cancelled after it) while the fan-out's {@code tasks} timers come and go
 * among them: lateness then says whether arming, firing and waking cost more when a million
 * timers wait beside them (a timer wheel should not; a heap of deadlines pays log n).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimerLatenessBenchmark extends SleepingTasks {

    /** Longer than any trial: the armed tasks never wake while measured. */
    static final Duration ARMED_SLEEP = Duration.ofHours(1);

    /** Tasks asleep besides the fan-out for the whole trial, each with its timer armed. */
    @Param({"0"})
    public int armed;

    private ParkAndWakeTimes lateness;
    private RunningTasks armedTasks;

    @Override
    protected void checkSizes() {
        super.checkSizes();
        Validate.inRange("armed", armed, 0, SleepFanOut.MAX_TASKS);
        OptionalInt bound = provider().maxConcurrentTasks();
        if (armed > 0 && bound.isPresent()) {
            throw new IllegalArgumentException("armed=" + armed + " cannot run on " + runtime + ": it runs at most "
                    + bound.getAsInt() + " tasks at once, and each armed task would hold one of them asleep for "
                    + ARMED_SLEEP.toMinutes() + " minutes; armed needs a runtime that runs every started task at once ("
                    + String.join(", ", unboundedRuntimes()) + ")");
        }
        HeapBudget.requireFits("tasks + armed", (long) tasks + armed, provider().heapBytesPerTask());
    }

    private static List<String> unboundedRuntimes() {
        return TaskRuntimes.providers().values().stream()
                .filter(provider -> provider.maxConcurrentTasks().isEmpty()).map(TaskRuntimeProvider::name).toList();
    }

    @Override
    protected void start() throws Exception {
        super.start();
        lateness = new ParkAndWakeTimes(tasks, sleepers.sleep().toNanos());
        if (armed > 0) {
            armedTasks = taskRuntime.startSleepers(new SleepFanOut(armed, ARMED_SLEEP), SleepObserver.NONE);
            // Tenure the armed tasks before anything is measured. Left young, all of them are
            // copied by the trial's first young collection, which with the pre-touched heap's
            // large young generation can fall in a measured iteration: a pause that says what
            // tenuring a million fresh objects costs, not what a timer costs among them.
            System.gc();
        }
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
        if (armedTasks != null) {
            armedTasks.cancel();
        }
        Map<String, Integer> params = new LinkedHashMap<>();
        params.put("tasks", tasks);
        params.put("sleepMs", sleepMs);
        if (armed > 0) {
            params.put("armed", armed);
        }
        LatencyOutput.publish(new LatencyOutput.Latency(
                "timer-lateness", runtime, params, false, null, lateness.latencies.measured()));
        super.stop();
    }

    /**
     * The observer the tasks call: when each task parked and woke. Task i alone writes slot i,
     * before and after its own sleep, and the fan-out's join orders those writes before
     * {@link #recordAll} turns them into lateness.
     */
    private static final class ParkAndWakeTimes implements SleepObserver {

        private final long[] parkedAt;
        private final long[] wokeAt;
        private final long sleepNanos;
        final MeasuredLatencies latencies = new MeasuredLatencies();
        long early;

        ParkAndWakeTimes(int tasks, long sleepNanos) {
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
