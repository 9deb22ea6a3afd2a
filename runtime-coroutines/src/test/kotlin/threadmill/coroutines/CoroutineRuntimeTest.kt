package threadmill.coroutines

import kotlinx.coroutines.Job
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.condition.EnabledOnOs
import org.junit.jupiter.api.condition.OS
import threadmill.workload.RequestFanOut
import threadmill.workload.RunningTasks
import threadmill.workload.SleepFanOut
import threadmill.workload.SleepObserver
import threadmill.harness.echo.NeutralEchoServer
import threadmill.workload.Sockets
import java.io.File
import java.io.IOException
import java.lang.management.ManagementFactory
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicIntegerArray
import kotlin.concurrent.thread

/** What the coroutine runtime does beyond the contract: where tasks run, what a parked one holds, how it fails and closes. */
@Timeout(120)
class CoroutineRuntimeTest {

    private val runtime = CoroutineRuntime()

    @AfterEach
    fun close() {
        runtime.close()
    }

    /**
     * ktor closes a listener by cancelling its selection key; the JDK closes the descriptor
     * only when the selector thread deregisters that key. Closing many servers back to back
     * and connecting at once catches a close() that returns inside that window.
     */
    @Test
    fun aClosedEchoServerRefusesConnectionsAsSoonAsCloseReturns() {
        repeat(200) { attempt ->
            val server = runtime.startEchoServer(Sockets.DEFAULT_BIND)
            server.close()
            Socket().use { late ->
                assertThrows(IOException::class.java, { late.connect(server.address(), 2000) },
                    "attempt $attempt: still accepting after close()")
            }
        }
    }

    @Test
    fun sleepersRunOnTheSharedDefaultDispatcher() {
        val threads = ConcurrentHashMap.newKeySet<Thread>()
        val workload = SleepFanOut(1000, Duration.ofMillis(5))

        runtime.startSleepers(workload, object : SleepObserver {
            override fun parking(task: Int) {
                threads.add(Thread.currentThread())
            }
        }).join()

        assertTrue(threads.isNotEmpty())
        for (thread in threads) {
            assertEquals("kotlinx.coroutines.scheduling.CoroutineScheduler\$Worker", thread.javaClass.name, thread.name)
            assertTrue(thread.name.startsWith("DefaultDispatcher-worker-"), thread.name)
        }
    }

    /**
     * Depth is nested suspend calls, each of which leaves a continuation object on the heap
     * while the task is parked: 20,000 tasks parked 32 levels deeper hold 640,000 more, each a
     * small object (header, caller link, context, state, the level kept across the call).
     */
    @Test
    fun eachLevelOfDepthKeepsOneContinuationObjectPerParkedTask() {
        val tasks = 20_000
        runtime.sleepFanOut(SleepFanOut(tasks, Duration.ofMillis(1), 33)) // loads and compiles the code first
        val shallow = heapOfParked(tasks, 1)
        val deep = heapOfParked(tasks, 33)

        val bytesPerLevel = (deep - shallow).toDouble() / (tasks * 32L)

        assertTrue(bytesPerLevel in 16.0..80.0, "heap per level of depth per parked task: $bytesPerLevel B")
    }

    @Test
    fun aFailingTaskFailsTheFanOutAndCancelsTheOthers() {
        val woke = AtomicIntegerArray(1000)
        val failure = IllegalStateException("task 7 fails")
        val running = runtime.startSleepers(SleepFanOut(1000, Duration.ofMinutes(10)), object : SleepObserver {
            override fun parking(task: Int) {
                if (task == 7) throw failure
            }

            override fun woke(task: Int) {
                woke.incrementAndGet(task)
            }
        })

        val thrown = assertThrows(IllegalStateException::class.java) { running.join() }

        assertEquals(failure.message, thrown.message)
        for (task in 0 until 1000) {
            assertEquals(0, woke.get(task), "task $task slept to the end")
        }
    }

    @Test
    fun aServerThatHangsUpFailsTheFanOutWithAnErrorNamingIt() {
        ServerSocket(0, 50, InetAddress.getLoopbackAddress()).use { listener ->
            val hangsUp = thread(name = "hangs-up") {
                try {
                    while (true) listener.accept().close()
                } catch (closed: IOException) {
                    // The test is over.
                }
            }
            val target = listener.localSocketAddress as InetSocketAddress

            val error = assertThrows(IOException::class.java) {
                runtime.requestFanOut(RequestFanOut(5, 3, 64, target))
            }

            assertTrue(error.message!!.contains(Sockets.format(target)), error.message)
            listener.close()
            hangsUp.join()
        }
    }

    @Test
    fun workAfterCloseIsRefusedWithAClearError() {
        runtime.close()

        val error = assertThrows(IllegalStateException::class.java) {
            runtime.startSleepers(SleepFanOut(1, Duration.ZERO), SleepObserver.NONE)
        }

        assertEquals("runtime coroutines is closed", error.message)
    }

    @Test
    fun closeEndsEveryCoroutineAndTheSelectorLoopBeforeItReturns() {
        NeutralEchoServer.start(Sockets.DEFAULT_BIND, 1).use { target ->
            useEverything(runtime, target.address())
        }

        assertEquals(emptyList<Job>(), runtime.unfinishedJobs())
    }

    /**
     * Closing gives back every file descriptor the runtime opened: the selector's and every
     * socket's, including a server connection a client still holds open and the sockets of a
     * fan-out that close() interrupted. ktor closes a socket asynchronously, so the count is
     * awaited. A first runtime, used and closed, opens the jars and JDK files that stay open.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    fun closeGivesBackTheSelectorAndEverySocket() {
        NeutralEchoServer.start(Sockets.DEFAULT_BIND, 1).use { target ->
            useEverything(CoroutineRuntime(), target.address())
            val baseline = openFileDescriptors()

            useEverything(runtime, target.address())
            runtime.close()

            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
            while (openFileDescriptors() > baseline && System.nanoTime() < deadline) {
                Thread.sleep(20)
            }
            // At most the baseline: descriptors of the warm-up runtime may still be closing when
            // the baseline is taken, and are gone by now.
            val after = openFileDescriptors()
            assertTrue(after <= baseline, "open file descriptors after close(): $after, before: $baseline")
        }
    }

    /** Sleepers left parked, a fan-out, and an echo server with a connection still open, then close. */
    private fun useEverything(used: CoroutineRuntime, target: InetSocketAddress) {
        used.startSleepers(SleepFanOut(100, Duration.ofMinutes(10)), SleepObserver.NONE)
        assertEquals(6400L, used.requestFanOut(RequestFanOut(10, 10, 64, target)))
        val server = used.startEchoServer(Sockets.DEFAULT_BIND)
        Socket().use { client ->
            client.connect(server.address())
            client.getOutputStream().write(1)
            assertEquals(1, client.getInputStream().read())
            used.close()
            assertEquals(-1, client.getInputStream().read(), "the connection stayed open after close()")
        }
    }

    private fun heapOfParked(tasks: Int, depth: Int): Long {
        val baseline = heapUsedAfterGc()
        val parked = CountDownLatch(tasks)
        val running: RunningTasks = runtime.startSleepers(SleepFanOut(tasks, Duration.ofMinutes(10), depth), object : SleepObserver {
            override fun parking(task: Int) {
                parked.countDown()
            }
        })
        assertTrue(parked.await(60, TimeUnit.SECONDS), "tasks did not all park")
        Thread.sleep(100) // the last ones are between parking() and their delay
        val used = heapUsedAfterGc() - baseline
        running.cancel()
        return used
    }

    private companion object {

        fun heapUsedAfterGc(): Long {
            repeat(2) {
                System.gc()
                Thread.sleep(100)
            }
            return ManagementFactory.getMemoryMXBean().heapMemoryUsage.used
        }

        fun openFileDescriptors(): Int = File("/proc/self/fd").list()!!.size
    }
}
