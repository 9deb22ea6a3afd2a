package threadmill.coroutines

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import threadmill.workload.ResourceLimitException
import threadmill.workload.SleepFanOut
import threadmill.workload.SleepObserver
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/** Launching a fan-out that runs out of heap: the contract's error, and nothing left running. */
@Timeout(60)
class LaunchedSleepersTest {

    private val root = SupervisorJob()
    private val scope = CoroutineScope(root + Dispatchers.Default)

    @AfterEach
    fun cancel() {
        root.cancel()
    }

    @Test
    fun runningOutOfHeapWhileLaunchingCancelsTheLaunchedAndNamesTheLimit() {
        val parked = CountDownLatch(5)
        var fanOut: Job? = null
        val woke = AtomicInteger()
        val sleepers = object : Sleepers(SleepFanOut(100, Duration.ofMinutes(10)), object : SleepObserver {
            override fun parking(task: Int) = parked.countDown()
            override fun woke(task: Int) {
                woke.incrementAndGet()
            }
        }) {
            override fun launch(scope: CoroutineScope, task: Int): Job {
                fanOut = scope.coroutineContext[Job]
                if (task == 5) {
                    assertTrue(parked.await(10, TimeUnit.SECONDS), "the first 5 tasks did not park")
                    throw OutOfMemoryError("Java heap space")
                }
                return super.launch(scope, task)
            }
        }

        val error = assertThrows(ResourceLimitException::class.java) { LaunchedSleepers.launch(scope, sleepers) }

        val maxHeapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024)
        assertEquals("could not launch 100 coroutines: the heap ran out after 5 were launched (max heap $maxHeapMiB MiB)",
            error.message)
        assertTrue(error.cause is OutOfMemoryError)
        val launched = fanOut!!
        assertTrue(launched.isCancelled, "the fan-out was not cancelled")
        runBlocking { withTimeout(10.seconds) { launched.join() } }
        assertEquals(0, woke.get(), "a launched task slept to the end")
    }
}
