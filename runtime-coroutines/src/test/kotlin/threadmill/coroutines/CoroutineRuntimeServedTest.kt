package threadmill.coroutines

import threadmill.harness.ServedRuntimeContractTest
import threadmill.workload.TaskRuntime

/** The coroutines runtime under the harness, as the benchmarks run it. */
class CoroutineRuntimeServedTest : ServedRuntimeContractTest() {

    override fun createRuntime(): TaskRuntime = CoroutineRuntime()
}
