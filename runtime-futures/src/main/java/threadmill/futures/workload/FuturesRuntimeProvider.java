package threadmill.futures.workload;

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
}
