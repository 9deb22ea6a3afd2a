package threadmill.coroutines

import threadmill.workload.NamedRuntimeProvider

/** `coroutines`: Kotlin coroutines, as found by `TaskRuntimes`. */
class CoroutineRuntimeProvider : NamedRuntimeProvider(
    CoroutineRuntime.NAME,
    "Kotlin coroutines (kotlinx.coroutines ${LibraryVersions.KOTLINX_COROUTINES}): launch + delay on Dispatchers.Default;"
        + " ktor-network ${LibraryVersions.KTOR} sockets on one SelectorManager",
    ::CoroutineRuntime,
)
