package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocking sleep where the runtime expects waiting to yield. On a single-threaded futures
 * executor a task that blocks its thread blocks every other task, so {@code tasks} sleeps of
 * {@code sleepMs} take tasks x sleepMs; awaiting an async sleep takes sleepMs. A virtual
 * thread's blocking sleep unmounts from its carrier, so it takes sleepMs even with a single
 * carrier. This class runs the virtual-thread side; {@link FuturesSleepPitfall} the other.
 */
final class BlockingSleepPitfall {

    static final String NAME = "blocking-sleep-in-future";

    private BlockingSleepPitfall() {
    }

    static PitfallResult onVirtualThreads(PitfallSpec spec) throws InterruptedException {
        int tasks = (int) spec.param("tasks");
        Duration sleep = Duration.ofMillis(spec.param("sleepMs"));
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            threads.add(Thread.ofVirtual().start(() -> sleepBlocking(sleep)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new PitfallResult(PitfallResult.millisSince(start), (double) sleep.toMillis(), null, null, null,
                "virtual threads: Thread.sleep unmounts, so " + tasks + " blocking sleeps overlap even on "
                        + System.getProperty("jdk.virtualThreadScheduler.parallelism", "the default number of")
                        + " carrier(s)");
    }

    /** Thread.sleep without the checked exception, for task bodies that cannot throw it. */
    static void sleepBlocking(Duration sleep) {
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
    }
}
