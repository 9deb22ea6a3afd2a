package threadmill.coroutines.pitfalls

import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import threadmill.workload.RuntimePitfalls
import threadmill.workload.RuntimePitfalls.CpuHogRun
import threadmill.workload.RuntimePitfalls.Expectation
import threadmill.workload.RuntimePitfalls.Variant
import threadmill.workload.RuntimePitfalls.WakeObserver
import java.time.Duration
import java.util.Optional
import java.util.concurrent.Executors
import kotlin.time.toKotlinDuration

/**
 * The coroutine side of the suite's pitfalls. Each run launches its coroutines on a dispatcher
 * of one thread made for the run (`Executors.newSingleThreadExecutor().asCoroutineDispatcher()`),
 * so "one worker" needs no JVM flag, and the process-wide Dispatchers.Default is left alone. A
 * `delay` on that dispatcher is timed by kotlinx's own timer thread (DefaultExecutor) and resumed
 * on the one worker, as a virtual thread's sleep is timed by the JDK's scheduler and resumed on
 * its one carrier: the worker has to be free for a woken coroutine to run.
 */
class CoroutinePitfalls : RuntimePitfalls {

    override fun blockingSleepVariants(): List<Variant> =
        listOf(Variant(BLOCKING, emptyList()), Variant(SUSPENDING, emptyList()))

    /**
     * Launches [tasks] coroutines on one thread, each sleeping [sleep], and returns when all have
     * ended. [BLOCKING]: each calls `Thread.sleep`, the mistake, which holds the only thread, so
     * the sleeps run one after another (tasks × sleep); [SUSPENDING]: each calls `delay`, which
     * suspends, so the sleeps overlap (about one sleep in all).
     */
    override fun runBlockingSleep(variant: String, tasks: Int, sleep: Duration): Expectation {
        val blocking = when (variant) {
            BLOCKING -> true
            SUSPENDING -> false
            else -> throw IllegalArgumentException(
                "unknown blocking-sleep variant '$variant' of the coroutines runtime; known: $BLOCKING, $SUSPENDING")
        }
        require(tasks >= 1) { "tasks must be at least 1, was $tasks" }
        val suspending = sleep.toKotlinDuration()
        oneThread("threadmill-sleep-pitfall").use { worker ->
            runBlocking(worker) {
                repeat(tasks) {
                    launch {
                        if (blocking) {
                            Thread.sleep(sleep)
                        } else {
                            delay(suspending)
                        }
                    }
                }
            }
        }
        return if (blocking) {
            Expectation(tasks.toDouble() * sleep.toMillis(), "coroutines, one dispatcher thread: a Thread.sleep"
                + " inside a coroutine holds the thread, the sleeps run one after another")
        } else {
            Expectation(sleep.toMillis().toDouble(), "coroutines, one dispatcher thread: delays suspend and overlap,"
                + " kotlinx's timer thread resumes them")
        }
    }

    /** One worker is a dispatcher of one thread made in code: no JVM flag. */
    override fun oneWorkerJvmFlags(): Optional<List<String>> = Optional.of(emptyList())

    /**
     * Launches the sleepers on one thread, each sleeping [CpuHogRun.sleep] [CpuHogRun.rounds]
     * times in a row and reporting every wake to [observer] with the deadline it was due at
     * (fixed before it slept), and, with a hog, one coroutine that waits [CpuHogRun.hogDelay]
     * with `delay` and then spins [CpuHogRun.hogLength] without suspending, as CPU-bound code
     * does. Nothing preempts a coroutine, so sleepers due while the hog spins wake only when it
     * is done. Returns when all have ended.
     */
    override fun runCpuHog(run: CpuHogRun, observer: WakeObserver): String {
        require(run.sleepers() >= 1) { "sleepers must be at least 1, was ${run.sleepers()}" }
        require(run.rounds() >= 1) { "rounds must be at least 1, was ${run.rounds()}" }
        val sleep = run.sleep().toKotlinDuration()
        val sleepNanos = run.sleep().toNanos()
        oneThread("threadmill-cpu-hog-pitfall").use { worker ->
            runBlocking(worker) {
                repeat(run.sleepers()) {
                    launch {
                        repeat(run.rounds()) { round ->
                            val deadline = System.nanoTime() + sleepNanos
                            delay(sleep)
                            observer.woke(round, deadline)
                        }
                    }
                }
                if (run.hog()) {
                    launch {
                        delay(run.hogDelay().toKotlinDuration())
                        RuntimePitfalls.spin(run.hogLength())
                    }
                }
            }
        }
        return "coroutines on one dispatcher thread: a coroutine that spins is not preempted, sleepers wait for it"
    }

    private fun oneThread(name: String): ExecutorCoroutineDispatcher =
        Executors.newSingleThreadExecutor { task -> Thread(task, name) }.asCoroutineDispatcher()

    companion object {
        /** `Thread.sleep` inside the coroutine: the mistake. */
        const val BLOCKING = "blocking-sleep"

        /** `delay`: the runtime's own sleep (the variant name the futures runtime's awaited sleep has too). */
        const val SUSPENDING = "async-sleep"
    }
}
