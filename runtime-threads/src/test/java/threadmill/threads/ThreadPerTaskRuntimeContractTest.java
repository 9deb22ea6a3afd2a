package threadmill.threads;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeContractTest;

class ThreadPerTaskRuntimeContractTest extends TaskRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new ThreadPerTaskRuntime();
    }
}
