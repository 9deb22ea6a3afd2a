package threadmill.blocking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.RuntimePitfalls.CpuHogRun;
import threadmill.workload.RuntimePitfalls.WakeObserver;

/**
 * The pitfalls' tasks as threads of one factory, sleeping with {@code Thread.sleep}, for the
 * runtimes whose tasks are threads: they differ in the factory (platform or virtual) and in
 * the JVM flags their child JVM runs with (one carrier), not in this code.
 */
public final class BlockingPitfalls {

    private BlockingPitfalls() {
    }

    /** {@code tasks} threads each sleep {@code sleep} once; returns when all have ended. */
    public static void runSleepers(ThreadFactory threads, int tasks, Duration sleep) throws InterruptedException {
        List<Thread> sleepers = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            sleepers.add(threads.newThread(() -> RuntimePitfalls.sleepBlocking(sleep)));
        }
        startAndJoin(sleepers);
    }

    /** The sleepers and, with {@link CpuHogRun#hog()}, the hog, as threads; returns when all have ended. */
    public static void runCpuHog(ThreadFactory threads, CpuHogRun run, WakeObserver observer) throws InterruptedException {
        List<Thread> tasks = new ArrayList<>();
        for (int i = 0; i < run.sleepers(); i++) {
            tasks.add(threads.newThread(() -> {
                for (int round = 0; round < run.rounds(); round++) {
                    long deadline = System.nanoTime() + run.sleep().toNanos();
                    RuntimePitfalls.sleepBlocking(run.sleep());
                    observer.woke(round, deadline);
                }
            }));
        }
        if (run.hog()) {
            tasks.add(threads.newThread(() -> {
                RuntimePitfalls.sleepBlocking(run.hogDelay());
                RuntimePitfalls.spin(run.hogLength());
            }));
        }
        startAndJoin(tasks);
    }

    private static void startAndJoin(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
