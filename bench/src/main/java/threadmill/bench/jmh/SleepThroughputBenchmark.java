package threadmill.bench.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

import threadmill.workload.SleepFanOut;
import threadmill.workload.Validate;

/**
 * Sleep throughput: N tasks each sleep D, all joined, over and over. A runtime that keeps up
 * completes N tasks every D, so the ideal is {@code tasks * 1000 / sleepMs} tasks per second;
 * the secondary metric {@code completedTasks} (tasks per second, see {@link TaskCounter}) is
 * to be read against that figure. What falls short of it is spawn cost, timer cost and, for a
 * bounded pool, the queueing of sleepers behind its few threads (a pool of P threads cannot
 * complete more than P / D tasks per second: a result, not a flaw of the benchmark).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC"})
public class SleepThroughputBenchmark extends RuntimeBenchmark {

    @Param({"10000", "100000"})
    public int tasks;

    /** At least 1: a zero sleep is the creation workload, see {@link CreationBenchmark}. */
    @Param({"10", "100"})
    public int sleepMs;

    private SleepFanOut sleepers;

    @Override
    protected void checkSizes() {
        Validate.inRange("sleepMs", sleepMs, 1, Integer.MAX_VALUE);
        sleepers = new SleepFanOut(tasks, Duration.ofMillis(sleepMs));
        HeapBudget.requireFits("tasks", tasks, HeapBudget.BYTES_PER_TASK);
    }

    @Benchmark
    public long sleepAll(TaskCounter counter) throws InterruptedException {
        return counter.completed(tasks, taskRuntime.sleepFanOut(sleepers));
    }
}
