package threadmill.coroutines.pitfalls

import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import java.time.Duration
import java.util.concurrent.Executors
import kotlin.time.toKotlinDuration

/**
 * The coroutine side of the suite's pitfalls. Each runs its coroutines on a dispatcher of one
 * thread made for the run (`Executors.newSingleThreadExecutor().asCoroutineDispatcher()`), so
 * "one worker" needs no JVM flag ([JVM_FLAGS] is empty), and the process-wide
 * Dispatchers.Default is left alone. A `delay` on that dispatcher is timed by kotlinx's own
 * timer thread (DefaultExecutor) and resumed on the one worker, as a virtual thread's sleep is
 * timed by the JDK's scheduler and resumed on its one carrier: the worker has to be free for a
 * woken coroutine to run.
 */
object CoroutinePitfalls {

    /** The JVM flags that make the pitfalls' "one worker" true: none, see above. */
    @JvmField
    val JVM_FLAGS: List<String> = emptyList()

    /**
     * Launches [tasks] coroutines on one thread, each sleeping [sleep], and returns when all
     * have ended. [blocking]: each calls `Thread.sleep`, the mistake, which holds the only
     * thread, so the sleeps run one after another (tasks × sleep); otherwise each calls
     * `delay`, which suspends, so the sleeps overlap (about one sleep in all).
     */
    @JvmStatic
    fun sleepOnOneThread(tasks: Int, sleep: Duration, blocking: Boolean) {
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
    }

    /**
     * Launches [sleepers] on one thread, each sleeping [SleeperRounds.sleep] [SleeperRounds.rounds]
     * times in a row and reporting every wake to [wakes] with the deadline it was due at
     * (fixed before it slept: asked-for time plus the sleep), and, with a [hog], one coroutine
     * that waits [CpuHog.after] with `delay` and then spins [CpuHog.spin] without suspending,
     * as CPU-bound code does. Nothing preempts a coroutine, so sleepers due while the hog spins
     * wake only when it is done. Returns when all have ended.
     */
    @JvmStatic
    fun sleepersBesideHog(sleepers: SleeperRounds, hog: CpuHog?, wakes: WakeObserver) {
        val sleep = sleepers.sleep.toKotlinDuration()
        val sleepNanos = sleepers.sleep.toNanos()
        oneThread("threadmill-cpu-hog-pitfall").use { worker ->
            runBlocking(worker) {
                repeat(sleepers.tasks) {
                    launch {
                        repeat(sleepers.rounds) { round ->
                            val deadline = System.nanoTime() + sleepNanos
                            delay(sleep)
                            wakes.woke(round, deadline)
                        }
                    }
                }
                if (hog != null) {
                    launch {
                        delay(hog.after.toKotlinDuration())
                        spin(hog.spin)
                    }
                }
            }
        }
    }

    /** [tasks] coroutines that each sleep [sleep] [rounds] times. */
    data class SleeperRounds(val tasks: Int, val rounds: Int, val sleep: Duration) {
        init {
            require(tasks >= 1) { "tasks must be at least 1, was $tasks" }
            require(rounds >= 1) { "rounds must be at least 1, was $rounds" }
            require(!sleep.isNegative) { "sleep must be zero or positive, was $sleep" }
        }
    }

    /** A coroutine that waits [after], then spins on its thread for [spin]. */
    data class CpuHog(val after: Duration, val spin: Duration)

    /** Told of each wake of a sleeper; called on the worker, so it must be cheap. */
    fun interface WakeObserver {
        /** Round [round] of a sleeper woke now; it was due at [deadlineNanos] (System.nanoTime). */
        fun woke(round: Int, deadlineNanos: Long)
    }

    private fun oneThread(name: String): ExecutorCoroutineDispatcher =
        Executors.newSingleThreadExecutor { task -> Thread(task, name) }.asCoroutineDispatcher()

    /** Busy work that never suspends or blocks, as a CPU-bound computation would. */
    private fun spin(length: Duration) {
        val end = System.nanoTime() + length.toNanos()
        var sink = 0L
        while (System.nanoTime() < end) {
            sink += sink * 31 + 7
        }
        if (sink == 42L) {
            print("") // keeps the loop from being removed
        }
    }
}
