package threadmill.futures.executor;

import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import threadmill.futures.Poll;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Task;

/**
 * Threads for blocking work ({@code spawn_blocking}), apart from the workers: up to 512 threads
 * created on demand and retired after 10 s idle (tokio's defaults), further jobs queue. Each
 * job is an ordinary {@link Task} whose single poll runs the callable, so its handle, abort and
 * error reporting are those of any task.
 */
final class BlockingPool implements AutoCloseable {

    static final int MAX_THREADS = 512;

    private final ThreadPoolExecutor threads;

    BlockingPool(String namePrefix) {
        AtomicInteger counter = new AtomicInteger();
        threads = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, namePrefix + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    <T> JoinHandle<T> spawn(Callable<T> callable) {
        Task<T> task = Task.create(cx -> {
            try {
                return Poll.ready(callable.call());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new BlockingCallFailed(e);
            }
        }, this::schedule);
        schedule(task);
        return task;
    }

    private void schedule(Task<?> task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException closed) {
            task.shutdown();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("blocking pool threads still running 10 s after shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a checked exception of a blocking callable to the JoinHandle, as its cause. */
    static final class BlockingCallFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BlockingCallFailed(Exception cause) {
            super(cause);
        }
    }
}
