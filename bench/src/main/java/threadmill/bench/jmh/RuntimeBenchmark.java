package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The runtime under test, named by the {@code runtime} parameter of every benchmark. The
 * parameter has no values of its own: they come from the registry at run time ({@code -p
 * runtime=loom,futures}; the suite passes its runtimes, and {@link JmhMain}, the shaded jar's
 * main, passes every runtime on the class path when none is given). By default
 * it is created in the benchmark JVM once per trial (one fork's run of one parameter set) and
 * reused by every invocation, so that what is measured is running tasks, not starting and
 * stopping worker threads; a benchmark of the runtime as a server runs it in the server's JVM
 * instead (see {@link ServedRuntime}).
 *
 * <p>The sizes and the name are checked before anything starts: a bad {@code -p} value is the
 * first and only error of its trial, and no thread or process is started for it.
 */
@State(Scope.Benchmark)
public abstract class RuntimeBenchmark extends DefaultRun {

    @Param({})
    public String runtime;

    protected TaskRuntime taskRuntime;

    @Setup(Level.Trial)
    public final void setUpTrial() throws Exception {
        TaskRuntimes.provider(runtime);
        checkSizes();
        start();
    }

    /** What the registry says about the runtime under test. */
    protected final TaskRuntimeProvider provider() {
        return TaskRuntimes.provider(runtime);
    }

    @TearDown(Level.Trial)
    public final void tearDownTrial() throws Exception {
        stop();
    }

    /** Throws IllegalArgumentException naming the bad value and the limit. */
    protected abstract void checkSizes();

    /** Creates the runtime; an override that needs more calls this first. */
    protected void start() throws Exception {
        taskRuntime = TaskRuntimes.create(runtime);
    }

    /** Closes the runtime; an override that publishes or stops more calls this last. */
    protected void stop() throws Exception {
        if (taskRuntime != null) {
            taskRuntime.close();
        }
    }
}
