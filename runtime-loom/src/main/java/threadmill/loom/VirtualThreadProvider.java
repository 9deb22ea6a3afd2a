package threadmill.loom;

import java.util.List;
import threadmill.workload.NamedRuntimeProvider;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.TaskRuntimeProvider;

/** {@code loom}: a virtual thread per task, as found by {@code TaskRuntimes}. */
public final class VirtualThreadProvider extends NamedRuntimeProvider {

    public VirtualThreadProvider() {
        super(VirtualThreadRuntime.NAME,
                "a virtual thread per task; the same blocking Thread.sleep and java.net.Socket code as threads",
                VirtualThreadRuntime::new);
    }

    @Override
    public boolean tasksAreVirtualThreads() {
        return true;
    }

    /**
     * The virtual thread, its continuation and the stack chunk its frames are copied into when
     * it parks, on the heap.
     */
    @Override
    public long heapBytesPerTask() {
        return 2560;
    }

    /** A parked virtual thread's stack chunk holds each frame of its call chain. */
    @Override
    public long heapBytesPerDepthLevel() {
        return 64;
    }

    /**
     * The carriers: the default scheduler's ForkJoinPool parallelism, one per processor unless
     * set. Its pool may grow past that only to compensate for a carrier pinned in a blocking
     * call, which these workloads do not make.
     */
    @Override
    public List<String> jvmFlagsForWorkers(int workers) {
        return TaskRuntimeProvider.workersProperty("jdk.virtualThreadScheduler.parallelism", workers);
    }

    @Override
    public RuntimePitfalls pitfalls() {
        return new VirtualThreadPitfalls();
    }
}
