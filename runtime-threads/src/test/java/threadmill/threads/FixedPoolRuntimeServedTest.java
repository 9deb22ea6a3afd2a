package threadmill.threads;

import threadmill.harness.ServedRuntimeContractTest;
import threadmill.workload.TaskRuntime;

class FixedPoolRuntimeServedTest extends ServedRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new FixedPoolRuntime();
    }
}
