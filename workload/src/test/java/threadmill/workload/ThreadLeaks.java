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
 */
public final class ThreadLeaks {

    private static final Set<String> JDK_THREAD_CLASSES = Set.of(
            "jdk.internal.misc.CarrierThread", "jdk.internal.misc.InnocuousThread", "java.util.concurrent.DelayScheduler");

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
                    .filter(thread -> !before.contains(thread) && thread.isAlive() && !belongsToJdkOrTests(thread))
                    .toList();
            if (leaked.isEmpty() || System.nanoTime() - deadline > 0) {
                return leaked.stream().map(Thread::getName).sorted().collect(Collectors.toList());
            }
            Thread.sleep(20);
        }
    }

    private static boolean belongsToJdkOrTests(Thread thread) {
        return JDK_THREAD_CLASSES.contains(thread.getClass().getName())
                || thread.getName().startsWith("junit-")
                || thread.getName().equals("process reaper");
    }
}
