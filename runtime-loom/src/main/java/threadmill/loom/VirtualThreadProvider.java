package threadmill.loom;

import threadmill.workload.NamedRuntimeProvider;

/** {@code loom}: a virtual thread per task, as found by {@code TaskRuntimes}. */
public final class VirtualThreadProvider extends NamedRuntimeProvider {

    public VirtualThreadProvider() {
        super(VirtualThreadRuntime.NAME,
                "a virtual thread per task; the same blocking Thread.sleep and java.net.Socket code as threads",
                VirtualThreadRuntime::new);
    }
}
