package threadmill.coroutines

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.io.File
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * The flags the provider names for a server on N CPUs do what its comment says, in a JVM
 * started with them: Dispatchers.IO runs N + 1 blocking tasks at once instead of 64, and
 * Dispatchers.Default N.
 */
@Timeout(60)
class CoroutineCpuSizingTest {

    @Test
    fun aJvmStartedWithTheFlagsForOneCpuRunsTwoIoTasksAndOneDefaultTaskAtOnce() {
        assertEquals(listOf("io=2", "default=1"), concurrencyIn(CoroutineRuntimeProvider().jvmFlagsForCpus(1)))
    }

    @Test
    fun withoutThemIoRunsManyMore() {
        val io = concurrencyIn(emptyList())[0]
        assertEquals("io=8", io, "all eight blocking tasks at once under kotlinx's default IO limit of 64")
    }

    @Test
    fun aCpuCountOutsideTheRangeIsRefusedByName() {
        val error = assertThrows(IllegalArgumentException::class.java) { CoroutineRuntimeProvider().jvmFlagsForCpus(0) }
        assertEquals(true, error.message!!.contains("cpus"), error.message)
    }

    /** Runs [MostAtOnce] in a JVM started with [flags] and returns what it printed. */
    private fun concurrencyIn(flags: List<String>): List<String> {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val command = listOf(java) + flags + listOf("-cp", System.getProperty("java.class.path"), MostAtOnce::class.java.name)
        val process = ProcessBuilder(command).redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readLines()
        check(process.waitFor(30, TimeUnit.SECONDS)) { "the child JVM did not end" }
        assertEquals(0, process.exitValue(), output.joinToString("\n"))
        return output.filter { it.startsWith("io=") || it.startsWith("default=") }
    }
}

/** Prints how many of eight tasks that each hold their thread ran at once on Dispatchers.IO, then on Default. */
object MostAtOnce {
    @JvmStatic
    fun main(args: Array<String>) {
        println("io=" + mostAtOnce { Thread.sleep(300) }.let { runOn(Dispatchers.IO, it) })
        println("default=" + mostAtOnce { val end = System.nanoTime() + 300_000_000; while (System.nanoTime() < end) Thread.onSpinWait() }
            .let { runOn(Dispatchers.Default, it) })
    }

    private fun mostAtOnce(hold: () -> Unit): (AtomicInteger, AtomicInteger) -> Unit = { running, most ->
        most.accumulateAndGet(running.incrementAndGet(), ::maxOf)
        hold()
        running.decrementAndGet()
    }

    private fun runOn(dispatcher: kotlinx.coroutines.CoroutineDispatcher, task: (AtomicInteger, AtomicInteger) -> Unit): Int {
        val running = AtomicInteger()
        val most = AtomicInteger()
        runBlocking { repeat(8) { launch(dispatcher) { task(running, most) } } }
        return most.get()
    }
}
