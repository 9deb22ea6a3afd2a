package threadmill.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Sleep throughput: N tasks each sleep D, all joined, over and over. A runtime that keeps up
 * completes N tasks every D, so the ideal is {@code tasks * 1000 / sleepMs} tasks per second;
 * the secondary metric {@code completed} (tasks per second, see {@link Completions}) is to be
 * read against that figure. What falls short of it is spawn cost, timer cost and, for a
 * bounded pool, the queueing of sleepers behind its few threads (a pool of P threads cannot
 * complete more than P / D tasks per second: a result, not a flaw of the benchmark).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SleepThroughputBenchmark extends SleepingTasks {

    @Benchmark
    public long sleepAll(Completions tasksCompleted) throws InterruptedException {
        return tasksCompleted.add(tasks, taskRuntime.sleepFanOut(sleepers));
    }
}
