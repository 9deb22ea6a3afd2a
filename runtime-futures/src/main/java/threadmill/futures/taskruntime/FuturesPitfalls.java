package threadmill.futures.taskruntime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.executor.LocalExecutor;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinHandle;
import threadmill.workload.RuntimePitfalls;

/**
 * The futures side of the pitfalls, on one executor thread made in code (no JVM flag needed):
 * a {@code Thread.sleep} inside {@code poll} holds that thread, so blocking sleeps run one after
 * another while awaited sleeps overlap; a poll that spins holds the one worker, so sleepers on
 * it wake late by as long.
 */
final class FuturesPitfalls implements RuntimePitfalls {

    private static final String BLOCKING = "blocking-sleep";
    private static final String AWAITED = "async-sleep";

    @Override
    public List<Variant> blockingSleepVariants() {
        return List.of(new Variant(BLOCKING, List.of()), new Variant(AWAITED, List.of()));
    }

    @Override
    public Expectation runBlockingSleep(String variant, int tasks, Duration sleep) {
        boolean blocking = switch (variant) {
            case BLOCKING -> true;
            case AWAITED -> false;
            default -> throw new IllegalArgumentException("unknown blocking-sleep variant '" + variant
                    + "' of the futures runtime; known: " + BLOCKING + ", " + AWAITED);
        };
        try (LocalExecutor executor = new LocalExecutor()) {
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                handles.add(executor.spawnLocal(blocking ? blockingSleep(sleep) : Futures.sleep(sleep)));
            }
            executor.blockOn(Futures.joinAll(handles));
        }
        return blocking
                ? new Expectation((double) tasks * sleep.toMillis(), "futures, one executor thread: a Thread.sleep"
                        + " inside poll blocks every task, the sleeps run one after another")
                : new Expectation(sleep.toMillis(), "futures, one executor thread: awaited sleeps overlap, the"
                        + " executor waits on the timer");
    }

    /** A future whose poll blocks its thread: the mistake this pitfall shows. */
    private static Future<Void> blockingSleep(Duration sleep) {
        return Futures.pollFn(cx -> {
            RuntimePitfalls.sleepBlocking(sleep);
            return Poll.ready(null);
        });
    }

    @Override
    public Optional<List<String>> oneWorkerJvmFlags() {
        return Optional.of(List.of());
    }

    @Override
    public String runCpuHog(CpuHogRun run, WakeObserver observer) {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < run.sleepers(); i++) {
                handles.add(pool.spawn(sleeper(run.rounds(), run.sleep(), observer)));
            }
            if (run.hog()) {
                handles.add(pool.spawn(hog(run.hogDelay(), run.hogLength())));
            }
            pool.blockOn(Futures.joinAll(handles));
        }
        return "futures on one worker: a poll that spins holds the worker, sleepers wait for it";
    }

    /** Sleeps {@code rounds} times in a row, reporting each wake; a sleep's deadline is fixed when it is made. */
    private static Future<Void> sleeper(int rounds, Duration sleep, WakeObserver observer) {
        return Futures.repeat(rounds, round -> {
            long deadline = System.nanoTime() + sleep.toNanos();
            return Futures.sleep(sleep).map(woke -> {
                observer.woke(round, deadline);
                return null;
            });
        });
    }

    /** Waits {@code delay} asynchronously, then spins for {@code length} inside one poll. */
    private static Future<Void> hog(Duration delay, Duration length) {
        return Futures.sleep(delay).map(waited -> {
            RuntimePitfalls.spin(length);
            return null;
        });
    }
}
