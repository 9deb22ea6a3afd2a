package threadmill.loom;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeProvider;

/** {@code loom}: a virtual thread per task, as found by {@code TaskRuntimes}. */
public final class VirtualThreadProvider implements TaskRuntimeProvider {

    @Override
    public String name() {
        return VirtualThreadRuntime.NAME;
    }

    @Override
    public String description() {
        return "a virtual thread per task; the same blocking Thread.sleep and java.net.Socket code as threads";
    }

    @Override
    public TaskRuntime create() {
        return new VirtualThreadRuntime();
    }
}
