package threadmill.workload;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds platform threads that a piece of code left running. The JDK's own lazily started
 * threads (virtual-thread carriers, the virtual-thread scheduler's timer — a DelayScheduler
 * since JDK 25 —, cleaners) and the test framework's are not counted: they belong to neither
 * the runtime nor the test. A runtime's own ForkJoinPool would still show: its workers are
 * ForkJoinWorkerThreads, which are counted.
 *
 * <p>The same holds for kotlinx.coroutines' process-wide scheduler, the threads behind
 * {@code Dispatchers.Default} and {@code Dispatchers.IO}: the library starts them on first use
 * and ends them after a minute idle, whoever used them, as the JDK does with carriers. Its
 * timer thread ({@code kotlinx.coroutines.DefaultExecutor}) is counted: it ends one second after
 * the last delay, so a runtime that leaves a delay pending shows. A dispatcher a runtime
 * creates itself (an executor's {@code asCoroutineDispatcher()}) runs on threads of that
 * executor, which are counted.
 */
public final class ThreadLeaks {

    private static final Set<String> JDK_THREAD_CLASSES = Set.of(
            "jdk.internal.misc.CarrierThread", "jdk.internal.misc.InnocuousThread", "java.util.concurrent.DelayScheduler");
    private static final String KOTLINX_SHARED_WORKER = "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker";

    private ThreadLeaks() {
    }

    /** The threads alive now. */
    public static Set<Thread> snapshot() {
        return Thread.getAllStackTraces().keySet();
    }

    /**
     * Waits up to {@code patience} for the threads started since {@code before} to end, and
     * returns the names of those still alive (empty when none leaked).
     */
    public static List<String> leakedSince(Set<Thread> before, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Thread> leaked = snapshot().stream()
                    .filter(thread -> !before.contains(thread) && thread.isAlive() && !sharedOrTests(thread))
                    .toList();
            if (leaked.isEmpty() || System.nanoTime() - deadline > 0) {
                return leaked.stream().map(Thread::getName).sorted().collect(Collectors.toList());
            }
            Thread.sleep(20);
        }
    }

    private static boolean sharedOrTests(Thread thread) {
        return JDK_THREAD_CLASSES.contains(thread.getClass().getName())
                || thread.getClass().getName().equals(KOTLINX_SHARED_WORKER)
                || thread.getName().startsWith("junit-")
                || thread.getName().equals("process reaper");
    }
}
