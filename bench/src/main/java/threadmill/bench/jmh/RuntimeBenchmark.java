package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimes;

/**
 * The runtime under test, shared by the benchmarks that run tasks in the benchmark JVM. It is
 * created once per trial (one fork's run of one parameter set) and reused by every invocation,
 * so that what is measured is running tasks, not starting and stopping worker threads.
 *
 * <p>The sizes are checked before the runtime is created: a bad {@code -p} value is the first
 * and only error of its trial, and no thread is started for it.
 */
@State(Scope.Benchmark)
public abstract class RuntimeBenchmark extends DefaultRun {

    @Param({"threads", "pool", "loom", "futures"})
    public String runtime;

    protected TaskRuntime taskRuntime;

    @Setup(Level.Trial)
    public final void openRuntime() throws Exception {
        checkSizes();
        taskRuntime = TaskRuntimes.create(runtime);
        runtimeOpened();
    }

    @TearDown(Level.Trial)
    public final void closeRuntime() throws Exception {
        try {
            runtimeClosing();
        } finally {
            if (taskRuntime != null) {
                taskRuntime.close();
            }
        }
    }

    /** Throws IllegalArgumentException naming the bad value; runs before any runtime exists. */
    protected abstract void checkSizes();

    /** Prepares what needs the runtime, e.g. a server to talk to. */
    protected void runtimeOpened() throws Exception {
    }

    /** Releases what {@link #runtimeOpened()} prepared and publishes what was recorded. */
    protected void runtimeClosing() throws Exception {
    }
}
