package threadmill.futures.taskruntime;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeContractTest;

/** The futures runtime under the contract every runtime passes. */
class FuturesRuntimeContractTest extends TaskRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new FuturesRuntime();
    }
}
