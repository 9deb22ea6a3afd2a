package threadmill.futures.executor;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import threadmill.futures.Context;
import threadmill.futures.Poll;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Task;

/**
 * Threads for blocking work ({@code spawn_blocking}), apart from the workers: up to
 * {@link Tunables#BLOCKING_THREADS} threads made on demand and ended after
 * {@link Tunables#BLOCKING_KEEP_ALIVE_NANOS} idle (tokio's defaults: 512 and 10 s); further jobs
 * queue. Each job is an ordinary {@link Task} whose single poll runs the callable, so its
 * handle, abort and error reporting are those of any task.
 *
 * <p>{@link #close()} completes every job it stops as cancelled: the queued ones directly, and
 * the running ones, which it interrupts, when their callable ends by throwing (see
 * {@link #spawn}). A job whose callable ignores the interrupt and returns keeps its value.
 */
final class BlockingPool implements AutoCloseable {

    static final int MAX_THREADS = Tunables.BLOCKING_THREADS;
    /**
     * How long {@link #close()} waits for the threads to end once it has interrupted the running
     * jobs: a job that ignores its interrupt keeps the pool's close waiting this long, then fails it.
     */
    private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ThreadPoolExecutor threads;
    /**
     * The threads the pool started and that may still be alive, so that {@link #close} can join
     * them: the executor terminates when its last thread is about to end, not once it has. Dead
     * ones are dropped whenever a thread is started, so the set stays within the live threads.
     */
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();
    /** Why {@link #stop} stopped the pool, if its owner failed: the cause its jobs end with. */
    private volatile Throwable failure;

    BlockingPool(String namePrefix) {
        AtomicInteger counter = new AtomicInteger();
        threads = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, Tunables.BLOCKING_KEEP_ALIVE_NANOS,
                TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    started.removeIf(t -> !t.isAlive());
                    Thread t = new Thread(r, namePrefix + counter.incrementAndGet());
                    t.setDaemon(true);
                    started.add(t);
                    return t;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code callable}. If it throws once {@link #close()} has begun, which interrupted
     * it, the job wakes its own task and returns Pending instead of failing: the task is handed
     * back to the shut-down pool, which completes it as cancelled, as it does every task it is
     * handed after close (the failure is the interrupt's doing, not the job's).
     */
    <T> JoinHandle<T> spawn(Callable<T> callable) {
        Task<T> task = Task.create(cx -> {
            try {
                return Poll.ready(callable.call());
            } catch (RuntimeException | Error e) {
                if (threads.isShutdown()) {
                    return handBackToClosedPool(cx);
                }
                throw e;
            } catch (Exception e) {
                if (threads.isShutdown()) {
                    return handBackToClosedPool(cx);
                }
                throw new BlockingCallFailed(e);
            }
        }, this::schedule);
        schedule(task);
        return task;
    }

    /** The task, woken while it runs, is scheduled again when it returns: rejected, it is shut down. */
    private static <T> Poll<T> handBackToClosedPool(Context cx) {
        cx.waker().wake();
        return Poll.pending();
    }

    private void schedule(Task<?> task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException closed) {
            task.shutdown(failure);
        }
    }

    /**
     * Stops the pool without waiting: queued jobs complete as cancelled at once, running ones
     * are interrupted (see {@link #spawn}). {@code cause}, when not null, is the owner's
     * failure, which the jobs' handles get as the cause of their cancellation.
     */
    void stop(Throwable cause) {
        if (cause != null) {
            failure = cause;
        }
        for (Runnable queued : threads.shutdownNow()) {
            ((Task<?>) queued).shutdown(failure);
        }
    }

    /** {@link #stop} the pool, then wait up to {@link #CLOSE_GRACE_NANOS} for its threads to end. */
    @Override
    public void close() {
        stop(null);
        long deadline = System.nanoTime() + CLOSE_GRACE_NANOS;
        try {
            if (threads.awaitTermination(CLOSE_GRACE_NANOS, TimeUnit.NANOSECONDS)) {
                for (Thread t : started) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!threads.isTerminated() || started.stream().anyMatch(Thread::isAlive)) {
            throw new IllegalStateException("blocking pool threads still running "
                    + TimeUnit.NANOSECONDS.toSeconds(CLOSE_GRACE_NANOS) + " s after shutdown");
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
