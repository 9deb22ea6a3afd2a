package threadmill.coroutines

import kotlinx.coroutines.CompletableJob
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.runBlocking
import threadmill.workload.ResourceLimitException
import threadmill.workload.RunningTasks
import java.util.concurrent.CancellationException

/**
 * The launched tasks of a sleep fan-out: the children of one [Job], so that joining that job
 * joins them all (one wait, woken once, however many tasks) and cancelling it cancels them.
 * The job keeps no list of handles beyond the child links every launched coroutine has.
 *
 * A task that fails cancels the fan-out's job and so the other tasks (a plain Job's children
 * fail together, as in `coroutineScope`); the job completes with that failure as its cause,
 * which [join] throws. The failure is also reported to the default handler, since the fan-out
 * has no CoroutineExceptionHandler: an element more in the context the tasks inherit would
 * cost every task more CombinedContext nodes when its own context is built.
 */
internal class LaunchedSleepers private constructor(
    private val fanOut: CompletableJob,
    private val sleepers: Sleepers,
) : RunningTasks {

    /** The failure the fan-out's job completed with; set before anyone joining it resumes. */
    @Volatile
    private var failure: Throwable? = null

    init {
        fanOut.invokeOnCompletion { cause ->
            if (cause != null && cause !is CancellationException) failure = cause
        }
    }

    /** Waits for every task, then throws the first failure of any or returns the sum. */
    @Throws(InterruptedException::class)
    override fun join(): Long {
        runBlocking { fanOut.join() }
        when (val failed = failure) {
            null -> return sleepers.sum()
            is RuntimeException, is Error -> throw failed
            else -> throw IllegalStateException("a task failed: ${failed.message}", failed)
        }
    }

    override fun cancel() {
        fanOut.cancel()
    }

    companion object {

        /**
         * Launches every task of [sleepers] from the calling thread, as children of a new job
         * under [runtime]'s, and returns once all are launched (they may not all run yet).
         *
         * @throws ResourceLimitException when the heap runs out while launching; the tasks
         *         launched so far are cancelled when this is thrown, and end as soon as the
         *         dispatcher runs them
         */
        fun launch(runtime: CoroutineScope, sleepers: Sleepers): LaunchedSleepers {
            val fanOut = Job(runtime.coroutineContext[Job])
            val launched = LaunchedSleepers(fanOut, sleepers)
            val tasks = CoroutineScope(runtime.coroutineContext + fanOut)
            var started = 0
            try {
                while (started < sleepers.tasks) {
                    sleepers.launch(tasks, started)
                    started++
                }
            } catch (e: OutOfMemoryError) {
                throw heapRanOut(fanOut, sleepers.tasks, "after $started were launched", e)
            }
            fanOut.complete()
            // A task that ran while others were still being launched may have hit the limit first.
            (launched.failure as? OutOfMemoryError)?.let {
                throw heapRanOut(fanOut, sleepers.tasks, "while they were launched", it)
            }
            return launched
        }

        /**
         * Cancels the fan-out and says why, allocating as little as it can: the heap is full of
         * the tasks launched so far until the cancelled ones have ended, which happens on the
         * dispatcher's threads after this returns.
         */
        private fun heapRanOut(fanOut: Job, tasks: Int, whenItRanOut: String, cause: OutOfMemoryError): ResourceLimitException {
            fanOut.cancel()
            val maxHeapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024)
            return ResourceLimitException(
                "could not launch $tasks coroutines: the heap ran out $whenItRanOut (max heap $maxHeapMiB MiB)", cause)
        }
    }
}
