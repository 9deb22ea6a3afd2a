package threadmill.loom;

import threadmill.harness.ServedRuntimeContractTest;
import threadmill.workload.TaskRuntime;

class VirtualThreadRuntimeServedTest extends ServedRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new VirtualThreadRuntime();
    }
}
