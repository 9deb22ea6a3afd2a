package threadmill.bench.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

import threadmill.workload.SleepFanOut;

/**
 * Creation cost: spawn N tasks that do nothing (a {@link SleepFanOut} with a zero sleep), let
 * them run and join them all. With no waiting inside a task, what is left is the runtime's own
 * bookkeeping: making a task, scheduling it, completing it, joining it.
 *
 * <p>{@code tasks=1} is the lone spawn-and-join round trip (a worker must wake up for it);
 * larger N is a burst, as in a fan-out, where spawning overlaps running. The primary score is
 * per fan-out; the secondary {@code completed} is per task (see {@link Completions}).
 * With {@code -prof gc}, allocation per task is {@code gc.alloc.rate.norm / tasks}, since
 * gc.alloc.rate.norm is per operation and an operation is one fan-out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CreationBenchmark extends RuntimeBenchmark {

    @Param({"1", "1000", "100000"})
    public int tasks;

    private SleepFanOut emptyTasks;

    @Override
    protected void checkSizes() {
        emptyTasks = new SleepFanOut(tasks, Duration.ZERO);
        HeapBudget.requireFits("tasks", tasks, HeapBudget.BYTES_PER_TASK);
    }

    @Benchmark
    public long spawnAndJoin(Completions tasksCompleted) throws InterruptedException {
        return tasksCompleted.add(tasks, taskRuntime.sleepFanOut(emptyTasks));
    }
}
