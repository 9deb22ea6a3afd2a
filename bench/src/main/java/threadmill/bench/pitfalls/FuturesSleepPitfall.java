package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.executor.LocalExecutor;
import threadmill.futures.task.JoinHandle;

/** The futures side of {@link BlockingSleepPitfall}: one executor thread, blocking vs awaited sleeps. */
final class FuturesSleepPitfall {

    private FuturesSleepPitfall() {
    }

    static PitfallResult run(PitfallSpec spec) {
        int tasks = (int) spec.param("tasks");
        Duration sleep = Duration.ofMillis(spec.param("sleepMs"));
        boolean blocking = spec.variant().equals("blocking-sleep");
        long start = System.nanoTime();
        try (LocalExecutor executor = new LocalExecutor()) {
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                handles.add(executor.spawnLocal(blocking ? blockingSleep(sleep) : Futures.sleep(sleep)));
            }
            executor.blockOn(Futures.joinAll(handles));
        }
        double expected = blocking ? (double) tasks * sleep.toMillis() : sleep.toMillis();
        return new PitfallResult(PitfallResult.millisSince(start), expected, null, null, null, blocking
                ? "futures, one executor thread: a Thread.sleep inside poll blocks every task, the sleeps run one after another"
                : "futures, one executor thread: awaited sleeps overlap, the executor waits on the timer");
    }

    /** A future whose poll blocks its thread: the mistake this pitfall shows. */
    private static Future<Void> blockingSleep(Duration sleep) {
        return Futures.pollFn(cx -> {
            BlockingSleepPitfall.sleepBlocking(sleep);
            return Poll.ready(null);
        });
    }
}
