package threadmill.futures.taskruntime;

import java.util.List;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeProvider;

/** Makes the futures runtime known to {@code TaskRuntimes} as {@code futures}. */
public final class FuturesRuntimeProvider implements TaskRuntimeProvider {

    @Override
    public String name() {
        return "futures";
    }

    @Override
    public String description() {
        return "poll-based futures runtime in Rust's model: work-stealing worker pool, 250 µs timer wheel, NIO reactor (JDK only)";
    }

    @Override
    public TaskRuntime create() {
        return new FuturesRuntime();
    }

    /** The task cell and its sleep state. */
    @Override
    public long heapBytesPerTask() {
        return 100;
    }

    /** One more future nested around the sleeping one: a small state machine holding its child. */
    @Override
    public long heapBytesPerDepthLevel() {
        return 24;
    }

    /** The worker pool's threads ({@link FuturesRuntime#WORKERS_PROPERTY}). */
    @Override
    public List<String> jvmFlagsForWorkers(int workers) {
        return TaskRuntimeProvider.workersProperty(FuturesRuntime.WORKERS_PROPERTY, workers);
    }

    @Override
    public RuntimePitfalls pitfalls() {
        return new FuturesPitfalls();
    }
}
