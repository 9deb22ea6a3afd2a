package threadmill.coroutines

import threadmill.coroutines.pitfalls.CoroutinePitfalls
import threadmill.workload.NamedRuntimeProvider
import threadmill.workload.TaskRuntimeProvider
import threadmill.workload.RuntimePitfalls
import java.util.Optional

/** `coroutines`: Kotlin coroutines, as found by `TaskRuntimes`. */
class CoroutineRuntimeProvider : NamedRuntimeProvider(
    CoroutineRuntime.NAME,
    "Kotlin coroutines (kotlinx.coroutines ${LibraryVersions.KOTLINX_COROUTINES}): launch + delay on Dispatchers.Default;"
        + " ktor-network ${LibraryVersions.KTOR} sockets on one SelectorManager",
    ::CoroutineRuntime,
) {
    /**
     * A parked `launch { delay(d) }`: the coroutine object (its job and continuation), its
     * delayed-task entry in the DefaultExecutor's heap and its cancellation handle (README.md).
     */
    override fun heapBytesPerTask(): Long = 400

    /** Each level of depth is one more continuation object of a suspend function. */
    override fun heapBytesPerDepthLevel(): Long = 80

    override fun pitfalls(): RuntimePitfalls = CoroutinePitfalls()

    override fun runtimeVersion(): Optional<String> = Optional.of(LibraryVersions.KOTLINX_COROUTINES)

    /**
     * Dispatchers.Default's core pool, which its scheduler reads once, when it starts: the
     * threads that run CPU work, one per processor unless set.
     */
    override fun jvmFlagsForWorkers(workers: Int): List<String> =
        TaskRuntimeProvider.workersProperty("kotlinx.coroutines.scheduler.core.pool.size", workers)
}
