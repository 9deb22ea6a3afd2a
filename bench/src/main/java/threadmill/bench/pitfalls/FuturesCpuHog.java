package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinHandle;

/** The futures side of {@link CpuHogPitfall}: sleepers and the hog on a pool of one worker. */
final class FuturesCpuHog {

    private FuturesCpuHog() {
    }

    static PitfallResult run(PitfallSpec spec, Lateness lateness) {
        int tasks = (int) spec.param("tasks");
        int rounds = (int) spec.param("rounds");
        Duration sleep = Duration.ofMillis(spec.param("sleepMs"));
        long start = System.nanoTime();
        try (WorkerPool pool = new WorkerPool(1)) {
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                handles.add(pool.spawn(sleeper(rounds, sleep, lateness)));
            }
            if (CpuHogPitfall.hogs(spec)) {
                handles.add(pool.spawn(hog(Duration.ofMillis(spec.param("hogDelayMs")),
                        Duration.ofMillis(spec.param("hogMs")))));
            }
            pool.blockOn(Futures.joinAll(handles));
        }
        return CpuHogPitfall.result(spec, start, lateness);
    }

    /** Sleeps {@code rounds} times in a row, recording each wake's lateness; a sleep's deadline is fixed when it is made. */
    private static Future<Void> sleeper(int rounds, Duration sleep, Lateness lateness) {
        return Futures.repeat(rounds, round -> {
            long deadline = System.nanoTime() + sleep.toNanos();
            return Futures.sleep(sleep).map(woke -> {
                lateness.woke(round, deadline);
                return null;
            });
        });
    }

    /** Waits {@code delay} asynchronously, then spins for {@code length} inside one poll. */
    private static Future<Void> hog(Duration delay, Duration length) {
        return Futures.sleep(delay).map(waited -> {
            CpuHogPitfall.spin(length);
            return null;
        });
    }
}
