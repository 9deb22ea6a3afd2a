package threadmill.coroutines

import threadmill.coroutines.pitfalls.CoroutinePitfalls
import threadmill.workload.NamedRuntimeProvider
import threadmill.workload.RuntimePitfalls

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
}
