package threadmill.futures.taskruntime;

import threadmill.harness.ServedRuntimeContractTest;
import threadmill.workload.TaskRuntime;

/** The futures runtime under the harness, as the benchmarks run it. */
class FuturesRuntimeServedTest extends ServedRuntimeContractTest {

    @Override
    protected TaskRuntime createRuntime() {
        return new FuturesRuntime();
    }
}
