package threadmill.loom;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeContractTest;

class VirtualThreadRuntimeContractTest extends TaskRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new VirtualThreadRuntime();
    }
}
