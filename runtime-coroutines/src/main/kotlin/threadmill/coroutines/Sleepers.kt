package threadmill.coroutines

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import threadmill.workload.SleepFanOut
import threadmill.workload.SleepObserver
import java.util.concurrent.atomic.LongAdder
import kotlin.time.toKotlinDuration

/**
 * What every sleeper of one fan-out shares, held once rather than captured by each task, and
 * the body of one sleeper at the fan-out's depth.
 *
 * Each sleeper adds its index to [sum], the fan-out's check that every task ran, and returns
 * nothing: `async { i }` and awaiting each Deferred would box an Int per task and keep a
 * Deferred per task until the join, costs that neither a Kotlin team fanning out sleeps nor
 * the other runtimes pay.
 */
internal open class Sleepers(workload: SleepFanOut, private val observer: SleepObserver) {

    val tasks: Int = workload.tasks()
    private val depth = workload.depth()
    private val sleeps = workload.sleeps()

    /** kotlinx.coroutines times delays in whole milliseconds and rounds a finer Duration up. */
    private val sleep = workload.sleep().toKotlinDuration()

    private val sum = LongAdder()

    fun sum(): Long = sum.sum()

    /**
     * Launches task [task] in [scope]: `launch { delay(d) }` with the observer calls around the
     * delay. At depth 1 the launched lambda itself delays (its own state machine is the only
     * continuation); deeper, it calls down [depth] − 1 suspend functions, of which the last,
     * [innermost], delays. Open for tests that make launching fail.
     */
    open fun launch(scope: CoroutineScope, task: Int): Job = scope.launch {
        val carried = when (depth) {
            1 -> sleep(task, task)
            2 -> innermost(task, task)
            else -> descend(depth - 1, task, task)
        }
        sum.add(carried.toLong())
    }

    /**
     * The sleep itself: inline, so it becomes part of its caller's state machine instead of a
     * suspend call (and a continuation object) of its own.
     */
    @Suppress("NOTHING_TO_INLINE")
    private suspend inline fun sleep(task: Int, carried: Int): Int {
        observer.parking(task)
        if (sleeps) {
            delay(sleep)
            observer.woke(task)
        }
        return carried
    }

    /**
     * One of the calls between the body and [innermost], [calls] suspend calls above the sleep
     * counting itself, as nested suspend functions compile: each call that suspends leaves a
     * continuation object of its own on the heap, linked to its caller's and holding what the
     * function keeps across the call. Each level works like ordinary code: it passes a value
     * down ([carried] plus its level), keeps its level across the call and undoes its part on
     * the way back, so the body gets its task index back (the fan-out's sum checks it), and
     * the call is not in tail position: a suspend function whose every suspending call is a
     * tail call gets no continuation of its own from the Kotlin compiler (it hands its
     * caller's down).
     */
    private suspend fun descend(calls: Int, task: Int, carried: Int): Int {
        val passedDown = carried + calls
        val returned = if (calls == 2) innermost(task, passedDown) else descend(calls - 1, task, passedDown)
        return returned - calls
    }

    /**
     * The innermost call of a task that sleeps below its body: a function of its own, so that
     * what it keeps across the delay is in its continuation alone, not in every level's (the
     * compiler gives each suspend function one continuation class holding the union of what
     * any of its suspension points keeps).
     */
    private suspend fun innermost(task: Int, carried: Int): Int = sleep(task, carried)
}
