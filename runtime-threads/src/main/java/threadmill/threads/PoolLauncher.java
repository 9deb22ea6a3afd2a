package threadmill.threads;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import threadmill.blocking.FanOutJoin;
import threadmill.blocking.TaskLauncher;
import threadmill.blocking.ThreadLauncher;

/** Submits tasks to a fixed pool of platform threads; tasks beyond its size wait in its queue. */
final class PoolLauncher implements TaskLauncher {

    private static final long SHUTDOWN_MILLIS = 10_000;

    private final ExecutorService pool;

    PoolLauncher(int size) {
        ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(size,
                Thread.ofPlatform().name("pool-worker-", 0).factory());
        try {
            // Start the workers now, so that a run measures the tasks, not the pool filling up,
            // and a pool too big for the OS fails here with the limits named.
            executor.prestartAllCoreThreads();
        } catch (OutOfMemoryError e) {
            int started = executor.getPoolSize();
            executor.shutdownNow();
            throw ThreadLauncher.limitReached(size, started, e);
        }
        this.pool = executor;
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public LaunchedTasks launch(int count, IntFunction<Runnable> task) {
        Future<?>[] futures = new Future<?>[count];
        for (int i = 0; i < count; i++) {
            futures[i] = pool.submit(task.apply(i));
        }
        return new Submitted(futures);
    }

    /** Interrupts what still runs and waits (boundedly) for the pool's threads to end. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS)) {
                System.err.println("pool: tasks still running " + SHUTDOWN_MILLIS + " ms after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The submitted tasks; {@link #join} lets go of each once done, as ThreadLauncher's threads do. */
    private record Submitted(Future<?>[] futures) implements LaunchedTasks, FanOutJoin.Tasks {

        @Override
        public void join() throws InterruptedException {
            FanOutJoin.join(futures.length, this);
        }

        @Override
        public boolean ended(int task) {
            Future<?> future = futures[task];
            return future == null || future.isDone();
        }

        @Override
        public void await(int task) throws InterruptedException {
            try {
                futures[task].get();
            } catch (ExecutionException | CancellationException e) {
                // Tasks report their own failures; a cancelled one is done.
            }
        }

        @Override
        public void release(int task) {
            futures[task] = null;
        }

        @Override
        public void interrupt() {
            for (Future<?> future : futures) {
                if (future != null) {
                    future.cancel(true);
                }
            }
        }
    }
}
