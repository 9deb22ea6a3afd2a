package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * A CPU-bound task that never yields, on a runtime with one worker: {@code tasks} sleepers
 * each sleep {@code sleepMs} {@code rounds} times and record how late they wake, while one
 * task spins for {@code hogMs} after {@code hogDelayMs}. A futures worker or a single
 * virtual-thread carrier cannot run the sleepers while the hog holds it, so their lateness
 * grows to the hog's length; platform threads are preempted by the kernel and stay on time.
 * Variant {@code no-hog} is the same run without the hog. The futures side is
 * {@link FuturesCpuHog}.
 */
final class CpuHogPitfall {

    static final String NAME = "cpu-hog-timer-lateness";

    private CpuHogPitfall() {
    }

    /** Sleepers and hog as threads from {@code factory}: virtual (one carrier) or platform. */
    static PitfallResult onThreads(PitfallSpec spec, ThreadFactory factory, Lateness lateness)
            throws InterruptedException {
        int tasks = (int) spec.param("tasks");
        int rounds = (int) spec.param("rounds");
        Duration sleep = Duration.ofMillis(spec.param("sleepMs"));
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            threads.add(factory.newThread(() -> {
                for (int round = 0; round < rounds; round++) {
                    long deadline = System.nanoTime() + sleep.toNanos();
                    BlockingSleepPitfall.sleepBlocking(sleep);
                    lateness.woke(round, deadline);
                }
            }));
        }
        if (hogs(spec)) {
            threads.add(factory.newThread(() -> {
                BlockingSleepPitfall.sleepBlocking(Duration.ofMillis(spec.param("hogDelayMs")));
                spin(Duration.ofMillis(spec.param("hogMs")));
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return result(spec, start, lateness);
    }

    static boolean hogs(PitfallSpec spec) {
        return spec.variant().equals("cpu-hog");
    }

    /** Busy work that never blocks or yields, as a CPU-bound computation would. */
    static void spin(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += sink * 31 + 7;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being removed
        }
    }

    static PitfallResult result(PitfallSpec spec, long startNanos, Lateness lateness) {
        String note = switch (spec.runtime()) {
            case "threads" -> "platform threads: the kernel preempts the spinning thread, sleepers stay on time";
            case "loom" -> "virtual threads on one carrier: a spinning virtual thread is not preempted,"
                    + " sleepers wait for it";
            default -> "futures on one worker: a poll that spins holds the worker, sleepers wait for it";
        };
        return new PitfallResult(PitfallResult.millisSince(startNanos),
                (double) spec.param("rounds") * spec.param("sleepMs"), null, null, lateness.summary(),
                hogs(spec) ? note : "baseline without the spinning task");
    }
}
