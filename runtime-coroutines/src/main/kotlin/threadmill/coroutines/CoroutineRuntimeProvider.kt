package threadmill.coroutines

import threadmill.coroutines.pitfalls.CoroutinePitfalls
import threadmill.workload.NamedRuntimeProvider
import threadmill.workload.TaskRuntimeProvider
import threadmill.workload.RuntimePitfalls
import threadmill.workload.Validate
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
        TaskRuntimeProvider.workersProperty(CORE_POOL_SIZE, workers)

    /**
     * Dispatchers.Default's core pool at [cpus] (kotlinx's floor is two workers, whatever the
     * processor count), and Dispatchers.IO's parallelism at [cpus] + 1 instead of its 64. ktor
     * runs every socket's read and write pumps on Dispatchers.IO, and IO's limit is sized for
     * tasks that block; ktor's pumps never block, but its selection loop does, in
     * `Selector.select`, holding one IO slot. At 64, a server's pumps spread over up to 64
     * threads on its few CPUs, and each hand-off between pump, selector and connection
     * coroutine is a thread switch; at [cpus] + 1 the selector keeps its slot and the pumps
     * have one per CPU. Both are kotlinx's documented system properties, read once when the
     * scheduler starts.
     */
    override fun jvmFlagsForCpus(cpus: Int): List<String> {
        Validate.inRange("cpus", cpus, 1, TaskRuntimeProvider.MAX_WORKERS)
        return listOf("-D$CORE_POOL_SIZE=$cpus", "-D$IO_PARALLELISM=${cpus + 1}")
    }

    private companion object {
        const val CORE_POOL_SIZE = "kotlinx.coroutines.scheduler.core.pool.size"
        const val IO_PARALLELISM = "kotlinx.coroutines.io.parallelism"
    }
}
