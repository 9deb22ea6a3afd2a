package threadmill.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import threadmill.workload.RunningTasks;
import threadmill.workload.SleepObserver;

/**
 * Spawn cost: the time the spawning thread takes to start N tasks that do nothing, which is
 * what "spawning costs X ns" means (tokio's and Loom's figures). The tasks run on the runtime's
 * threads while the loop spawns, as they would in a program, and compete with it for the
 * cores; collections that fall inside the loop are in the score. The join is not: a teardown
 * after each invocation joins the fan-out and checks its sum, so every invocation starts with
 * no task of the previous one alive ({@link CreationBenchmark} times spawn, run and join).
 *
 * <p>An invocation spawns a whole fan-out, milliseconds at the least, so JMH's per-invocation
 * teardown costs it nothing measurable; the secondary {@code completed} is per task.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpawnBenchmark extends EmptyTasks {

    private RunningTasks spawned;

    @Benchmark
    public RunningTasks spawn(Completions tasksSpawned) {
        spawned = taskRuntime.startSleepers(emptyTasks, SleepObserver.NONE);
        tasksSpawned.completed += tasks;
        return spawned;
    }

    @TearDown(Level.Invocation)
    public void joinSpawned() throws InterruptedException {
        emptyTasks.verify(spawned.join());
        spawned = null;
    }
}
