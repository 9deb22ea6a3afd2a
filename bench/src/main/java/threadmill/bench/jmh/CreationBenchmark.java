package threadmill.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creation cost: spawn N tasks that do nothing, let them run and join them all: the whole life
 * of a task, from making it to reading its output ({@link SpawnBenchmark} times the spawning
 * alone).
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
public class CreationBenchmark extends EmptyTasks {

    @Benchmark
    public long spawnAndJoin(Completions tasksCompleted) throws InterruptedException {
        return tasksCompleted.add(tasks, taskRuntime.sleepFanOut(emptyTasks));
    }
}
