package threadmill.coroutines

import io.ktor.network.selector.SelectorManager
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.runBlocking
import threadmill.workload.RequestFanOut
import threadmill.workload.RequestObserver
import threadmill.workload.RunningServer
import threadmill.workload.RunningTasks
import threadmill.workload.Shutdown
import threadmill.workload.SleepFanOut
import threadmill.workload.SleepObserver
import threadmill.workload.TaskRuntime
import java.io.IOException
import java.net.InetSocketAddress
import java.util.concurrent.atomic.AtomicBoolean

/**
 * `coroutines`: the workloads as a Kotlin team writes them with kotlinx.coroutines.
 *
 * Every task is a coroutine launched on [Dispatchers.Default] (one worker per processor,
 * work-stealing) under this runtime's [root] job, so that [close] cancels whatever is still
 * running and waits for it: structured concurrency, not bookkeeping of our own. Sockets are
 * ktor-network's, on one [SelectorManager] whose selection loop runs on [Dispatchers.IO];
 * ktor itself runs each socket's read and write pumps on Dispatchers.IO (the module's
 * README.md has the whole layout and why ktor).
 *
 * Both dispatchers are process-wide and owned by kotlinx.coroutines, as the virtual-thread
 * scheduler is owned by the JDK: closing stops every coroutine and the selector this runtime
 * started, and leaves the shared worker threads to the library, which ends idle ones itself.
 *
 * The contract's calls block their caller; each bridges into coroutines once, with
 * [runBlocking] around a wait, never per task.
 */
class CoroutineRuntime : TaskRuntime {

    /** Parent of every coroutine this runtime starts; a supervisor, so one failed workload leaves the others running. */
    private val root = SupervisorJob()

    /**
     * A job and a dispatcher, nothing more: a launched coroutine's context is the scope's with
     * the coroutine in place of the scope's job, and each further element (a CoroutineName, an
     * exception handler) makes building it copy more CombinedContext nodes, for every task.
     */
    private val scope = CoroutineScope(root + Dispatchers.Default)

    /**
     * Parent of the selector's loop, so that [close] can wait for it to end. The selector is
     * opened on first use: a runtime that only sleeps holds no selector.
     */
    private val selectorJob = Job()
    private val selectorOnce = lazy { SelectorManager(Dispatchers.IO + selectorJob) }
    private val selector by selectorOnce

    private val closed = AtomicBoolean()

    override fun name(): String = NAME

    override fun startSleepers(workload: SleepFanOut, observer: SleepObserver): RunningTasks {
        checkOpen()
        return LaunchedSleepers.launch(scope, Sleepers(workload, observer))
    }

    @Throws(IOException::class, InterruptedException::class)
    override fun requestFanOut(workload: RequestFanOut, observer: RequestObserver): Long {
        checkOpen()
        val fanOut = scope.async { requestFanOut(selector, workload, observer) }
        try {
            return runBlocking { fanOut.await() }
        } catch (e: InterruptedException) {
            fanOut.cancel()
            throw e
        }
    }

    @Throws(IOException::class)
    override fun startEchoServer(bind: InetSocketAddress): RunningServer {
        checkOpen()
        return CoroutineEchoServer.start(scope, selector, bind)
    }

    /**
     * Cancels every coroutine of this runtime (sleepers nobody joined, fan-outs, echo servers
     * and their connections) and waits until they have ended, then closes the selector and
     * waits for its loop to end.
     */
    override fun close() {
        if (!closed.compareAndSet(false, true)) {
            return
        }
        Shutdown.awaitUninterruptibly {
            runBlocking {
                root.cancelAndJoin()
                if (selectorOnce.isInitialized()) {
                    selector.close()
                }
                selectorJob.complete()
                selectorJob.join()
            }
        }
    }

    /** What this runtime started and has not ended: its coroutines' jobs, and the selector's while its loop runs. */
    internal fun unfinishedJobs(): List<Job> =
        root.children.toList() + listOfNotNull(selectorJob.takeUnless { it.isCompleted })

    private fun checkOpen() {
        check(!closed.get()) { "runtime $NAME is closed" }
    }

    companion object {
        const val NAME = "coroutines"
    }
}
