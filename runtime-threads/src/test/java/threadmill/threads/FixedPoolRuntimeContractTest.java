package threadmill.threads;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeContractTest;

class FixedPoolRuntimeContractTest extends TaskRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new FixedPoolRuntime();
    }
}
