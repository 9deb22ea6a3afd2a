package threadmill.coroutines.pitfalls

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import threadmill.workload.RuntimePitfalls.CpuHogRun
import java.time.Duration
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import java.util.concurrent.atomic.AtomicLongArray

/**
 * The pitfalls show what they claim. Bounds are one-sided where the behaviour makes them
 * certain (serialised sleeps cannot take less than their sum, a sleeper due during a spin
 * cannot wake before it ends) and generous where they are not.
 */
@Timeout(120)
class CoroutinePitfallsTest {

    private val pitfalls = CoroutinePitfalls()

    @Test
    fun blockingSleepsOnOneThreadRunOneAfterAnother() {
        val elapsed = timeMillis { pitfalls.runBlockingSleep(CoroutinePitfalls.BLOCKING, 3, Duration.ofMillis(200)) }

        assertTrue(elapsed >= 600, "3 blocking sleeps of 200 ms on one thread took $elapsed ms")
    }

    @Test
    fun delaysOnOneThreadOverlap() {
        // One after another they would take 1500 ms; overlapping, about 300.
        val elapsed = timeMillis { pitfalls.runBlockingSleep(CoroutinePitfalls.SUSPENDING, 5, Duration.ofMillis(300)) }

        assertTrue(elapsed < 1500, "5 delays of 300 ms on one thread took $elapsed ms")
    }

    @Test
    fun aSpinningCoroutineHoldsTheSleepersOfItsThread() {
        val latest = AtomicLong()

        pitfalls.runCpuHog(CpuHogRun(100, 10, Duration.ofMillis(10), true, Duration.ofMillis(50), Duration.ofMillis(500))) { _, deadline ->
            latest.accumulateAndGet(System.nanoTime() - deadline, ::maxOf)
        }

        // A sleeper due 10 ms into the spin wakes when it ends, 490 ms late.
        assertTrue(latest.get() >= TimeUnit.MILLISECONDS.toNanos(400), "latest wake: ${latest.get() / 1_000_000} ms late")
    }

    @Test
    fun withoutAHogEverySleeperWakesEachRoundInOrderAndNeverEarly() {
        val tasks = 100
        val rounds = 10
        val wakesPerRound = AtomicLongArray(rounds)
        val early = AtomicLong()

        pitfalls.runCpuHog(CpuHogRun(tasks, rounds, Duration.ofMillis(5), false, Duration.ZERO, Duration.ZERO)) { round, deadline ->
            wakesPerRound.incrementAndGet(round)
            if (System.nanoTime() < deadline) early.incrementAndGet()
        }

        for (round in 0 until rounds) {
            assertEquals(tasks.toLong(), wakesPerRound.get(round), "wakes of round $round")
        }
        assertEquals(0, early.get(), "wakes before their deadline")
    }

    private fun timeMillis(block: () -> Unit): Long {
        val start = System.nanoTime()
        block()
        return (System.nanoTime() - start) / 1_000_000
    }
}
