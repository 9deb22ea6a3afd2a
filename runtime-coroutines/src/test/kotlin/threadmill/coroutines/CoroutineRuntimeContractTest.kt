package threadmill.coroutines

import threadmill.workload.TaskRuntime
import threadmill.workload.TaskRuntimeContractTest

class CoroutineRuntimeContractTest : TaskRuntimeContractTest() {

    override fun createRuntime(): TaskRuntime = CoroutineRuntime()
}
