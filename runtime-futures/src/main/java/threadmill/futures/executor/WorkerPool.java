package threadmill.futures.executor;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import threadmill.futures.Future;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Schedule;
import threadmill.futures.task.Task;

/**
 * A multi-threaded runtime (tokio's multi-thread scheduler): {@code workers} threads, each
 * with its own run queue, timer wheel and selector; idle workers steal half of a busy worker's
 * queue; tasks spawned or woken from other threads go through a shared injection queue.
 *
 * <p>A task woken on a worker thread is queued on that worker (its data is in that cache); a
 * worker that queues work while another worker is parked wakes one parked worker, which then
 * steals. Timers are armed in the driver of the worker that polls them and fire there, waking
 * the task wherever it runs next; a socket registers in the less loaded of that driver's
 * reactor and another one chosen at random (see
 * {@link threadmill.futures.net.Reactor#forNewChannel()}), and its readiness wakes the task
 * onto that worker.
 *
 * <p>Spawn tasks from any thread, await them from outside the pool with {@link #blockOn}, and
 * close the pool when done:
 * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=worker-pool}
 *
 * <p>{@link #close()} stops the workers and the blocking pool, and joins their threads; tasks
 * that had not finished complete as cancelled.
 *
 * <p>A worker thread never dies of what a task's code throws. If one dies anyway (a bug, a
 * selector that fails), the pool fails: it stops as if closed, every task not finished completes
 * as cancelled with that error as its {@link threadmill.futures.task.JoinError}'s cause, and
 * {@link #spawn}, {@link #spawnBlocking} and {@link #blockOn} throw an
 * {@link IllegalStateException} naming the worker and caused by the error. Carrying on with the
 * other workers would leave the dead one's tasks, timers and sockets waiting forever.
 */
public final class WorkerPool implements AutoCloseable {

    /** The largest pool: beyond this, more workers only add stealing traffic. */
    public static final int MAX_WORKERS = 1024;
    private static final int INJECTION_BATCH = Tunables.INJECTION_BATCH;
    private static final AtomicInteger POOLS = new AtomicInteger();

    final Worker[] workers;
    final Injector injector = new Injector();
    final AtomicInteger parked = new AtomicInteger();
    private final Thread[] threads;
    private final BlockingPool blocking;
    private final Schedule scheduler = this::schedule;
    private volatile boolean closed;
    /** What a worker died of; set, with {@link #failedWorker}, before {@link #closed}. */
    private volatile Throwable failure;
    private String failedWorker;

    /** {@link Tunables#WORKERS} workers: one per available processor unless set. */
    public WorkerPool() {
        this(Tunables.WORKERS);
    }

    public WorkerPool(int workers) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", was " + workers);
        }
        int id = POOLS.incrementAndGet();
        this.workers = new Worker[workers];
        this.threads = new Thread[workers];
        Driver[] drivers = new Driver[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker(this, i);
            drivers[i] = this.workers[i].driver;
        }
        Driver.shareChannels(drivers);
        this.blocking = new BlockingPool("threadmill-pool-" + id + "-blocking-");
        for (int i = 0; i < workers; i++) {
            threads[i] = new WorkerThread(this.workers[i], "threadmill-pool-" + id + "-worker-" + i);
            threads[i].start();
        }
    }

    /**
     * Spawns a task ({@code tokio::spawn}); callable from any thread, inside the pool or not.
     * The task starts running at once on some worker; the handle awaits its output.
     * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=spawn}
     *
     * @throws IllegalStateException if a worker of this pool died (the pool failed); on a pool
     *         that was closed, the task completes as cancelled instead
     */
    public <T> JoinHandle<T> spawn(Future<T> future) {
        Task<T> task = Task.create(future, scheduler);
        if (closed) {
            if (failure != null) {
                throw failed("spawn");
            }
            task.shutdown();
            return task;
        }
        queue(task);
        return task;
    }

    /**
     * Runs {@code callable} on the blocking pool, off the workers ({@code spawn_blocking}): for
     * work that blocks its thread (file I/O, a blocking library) and would stall every task
     * queued behind it on a worker. A checked exception it throws is the cause of the handle's
     * {@link threadmill.futures.task.JoinError}, wrapped once.
     * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=spawn-blocking}
     */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> callable) {
        if (failure != null) {
            throw failed("spawnBlocking");
        }
        return blocking.spawn(callable);
    }

    /**
     * Runs {@code future} to completion on the calling thread, which parks (no busy polling)
     * whenever it is pending, while spawned tasks run on the workers ({@code Runtime::block_on}).
     * Its timers and sockets are armed in worker 0's driver. Must not be called from inside a
     * runtime thread: that would block a thread tasks depend on.
     * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=block-on}
     *
     * @throws IllegalStateException if called on a runtime thread, or the pool is closed
     */
    public <T> T blockOn(Future<T> future) {
        if (Driver.insideRuntime()) {
            throw new IllegalStateException("blockOn called from inside a runtime thread ("
                    + Thread.currentThread().getName() + "); await the future instead");
        }
        if (closed) {
            throw failure != null ? failed("blockOn") : new IllegalStateException("blockOn on a closed WorkerPool");
        }
        Driver.Previous previous = workers[0].driver.enter();
        try {
            return ThreadParker.runToCompletion(future);
        } finally {
            previous.restore();
        }
    }

    /** Timers armed across all workers: for tests and monitoring. */
    public long armedTimers() {
        long n = 0;
        for (Worker w : workers) {
            n += w.driver.timer().size();
        }
        return n;
    }

    public int workers() {
        return workers.length;
    }

    boolean isClosed() {
        return closed;
    }

    /** What a worker died of, or null while none did. */
    Throwable failure() {
        return failure;
    }

    /**
     * A worker's thread is ending with {@code death}: the pool fails. Called on that thread. The
     * first death is the pool's failure; the other workers see the pool closed and stop at their
     * next turn, each cancelling its tasks with the failure as their cause, and the blocking
     * pool stops too. {@link #close()} still joins the threads.
     */
    void workerDied(Throwable death) {
        synchronized (this) {
            if (failure == null) {
                failedWorker = Thread.currentThread().getName();
                failure = death;
            }
        }
        closed = true;
        for (Worker w : workers) {
            w.driver.reactor().wakeup();
        }
        blocking.stop(failure);
    }

    private IllegalStateException failed(String operation) {
        return new IllegalStateException(operation + " on a failed WorkerPool: its worker thread " + failedWorker
                + " died of " + failure, failure);
    }

    /** A task was woken (or spawned by {@link #spawn}): run queue, or cancelled if the pool closed. */
    private void schedule(Task<?> task) {
        if (closed) {
            task.shutdown(failure);
            return;
        }
        queue(task);
    }

    private void queue(Task<?> task) {
        if (Thread.currentThread() instanceof WorkerThread t && t.worker.pool == this) {
            t.worker.schedule(task);
        } else {
            notifyParked(injector.push(task));
            if (closed) {
                drainInjector();
            }
        }
    }

    /**
     * Work was queued and {@code backlog} tasks now wait in that queue: wakes one parked worker
     * if every worker is parked (nobody else would see the work), or if the backlog is more than
     * an awake worker takes at once. Waking costs a syscall on both sides, so a trickle of work
     * that the awake workers keep up with wakes nobody (tokio's rule: no wake while a worker is
     * searching).
     */
    void notifyParked(int backlog) {
        int asleep = parked.get();
        if (asleep == 0 || (asleep < workers.length && backlog <= injectorShare())) {
            return;
        }
        for (Worker w : workers) {
            if (w.driver.reactor().wakeup()) {
                return;
            }
        }
    }

    /**
     * How many tasks a worker takes from the injection queue at once: its fair share of
     * {@link Tunables#INJECTION_BATCH}, which says why it is not tied to the ring's size.
     */
    int injectorShare() {
        return workers.length == 1 ? INJECTION_BATCH : 1 + INJECTION_BATCH / workers.length;
    }

    /** True when some worker has tasks in its local queue (a parking worker could steal them). */
    boolean anyQueued() {
        for (Worker w : workers) {
            if (!w.queue.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the workers and the blocking pool and waits for their threads to end. Tasks that
     * had not finished complete as cancelled; their timers and sockets are released. Every call
     * waits, a second one made while the first is still closing included; once closed, a call
     * returns at once.
     * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=close}
     *
     * @throws IllegalStateException if called on one of this pool's workers
     */
    @Override
    public void close() {
        if (Thread.currentThread() instanceof WorkerThread t && t.worker.pool == this) {
            throw new IllegalStateException("a WorkerPool cannot be closed from its own worker "
                    + t.getName() + ": it would wait for itself to stop");
        }
        closed = true;
        for (Worker w : workers) {
            w.driver.reactor().wakeup();
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        drainInjector();
        blocking.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cancels every task in the injection queue: the pool has closed. */
    void drainInjector() {
        Throwable cause = failure;
        Task<?> task;
        while ((task = injector.pop()) != null) {
            task.shutdown(cause);
        }
    }

    /** A worker's thread; lets {@link #schedule} find the worker it runs on without a lookup. */
    private static final class WorkerThread extends Thread {

        final Worker worker;

        WorkerThread(Worker worker, String name) {
            super(worker, name);
            this.worker = worker;
            setDaemon(true);
        }
    }
}
