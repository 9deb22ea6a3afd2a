package threadmill.threads;

import threadmill.harness.ServedRuntimeContractTest;
import threadmill.workload.TaskRuntime;

class ThreadPerTaskRuntimeServedTest extends ServedRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new ThreadPerTaskRuntime();
    }
}
