package threadmill.futures.executor;

import java.util.ArrayDeque;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Task;
import threadmill.futures.task.Waker;

/**
 * A single-threaded executor (smol's {@code LocalExecutor}, tokio's current-thread runtime
 * with a {@code LocalSet}): {@link #blockOn} runs a future on the calling thread and, while it
 * is pending, the tasks started with {@link #spawnLocal}, the timers and the sockets of this
 * executor, all on that one thread. When nothing can run, the thread blocks in the selector
 * until the next timer deadline or a wake-up: no busy polling.
 * {@snippet class=threadmill.futures.examples.ExecutorExamplesTest region=local-executor}
 *
 * <p>Because everything shares one thread, a future that blocks the thread (Thread.sleep, a
 * blocking read) stalls every other task until it returns: two tasks that each block for a
 * while take twice that, where two tasks awaiting {@code Futures.sleep} of the same while take
 * it once. Blocking calls belong on {@link WorkerPool#spawnBlocking}.
 *
 * <p>Thread rules: the executor belongs to the thread that created it; only that thread may
 * call {@link #spawnLocal}, {@link #blockOn} and {@link #close}. Wakers may be called from any
 * thread: a wake from another thread goes through a lock-protected queue and wakes the selector.
 */
public final class LocalExecutor implements AutoCloseable {

    /** Spawned tasks per round, and rounds per driver turn ({@link Tunables#FAIRNESS_INTERVAL}). */
    private static final int EVENT_INTERVAL = Tunables.FAIRNESS_INTERVAL;

    private final Thread owner = Thread.currentThread();
    private final Driver driver = new Driver();
    private final ArrayDeque<Task<?>> ready = new ArrayDeque<>();
    private final Injector remote = new Injector();
    private volatile boolean closed;
    private boolean interrupted;

    /**
     * Spawns a task that this thread polls while it is inside {@link #blockOn} ({@code spawn_local});
     * see the example above. Owner thread only.
     */
    public <T> JoinHandle<T> spawnLocal(Future<T> future) {
        checkOwner("spawnLocal");
        if (closed) {
            throw new IllegalStateException("spawnLocal on a closed LocalExecutor");
        }
        Task<T> task = Task.create(future, this::schedule);
        ready.add(task);
        return task;
    }

    /**
     * Polls {@code future} to completion on this thread, running spawned tasks, timers and I/O
     * while it is pending, and returns its output (or throws what it threw); see the example
     * above. Owner thread only, and not from inside a runtime thread (await there instead).
     */
    public <T> T blockOn(Future<T> future) {
        checkOwner("blockOn");
        if (closed) {
            throw new IllegalStateException("blockOn on a closed LocalExecutor");
        }
        if (Driver.insideRuntime()) {
            throw new IllegalStateException("blockOn called from inside a runtime thread ("
                    + owner.getName() + "); await the future instead");
        }
        Driver.Previous previous = driver.enter();
        try {
            return run(future);
        } finally {
            previous.restore();
            if (interrupted) {
                interrupted = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> T run(Future<T> future) {
        MainWaker main = new MainWaker();
        int ticks = 0;
        for (;;) {
            if (main.take()) {
                Poll<T> p = future.poll(main);
                if (p.isReady()) {
                    return p.value();
                }
            }
            Task<?> task;
            while ((task = remote.pop()) != null) {
                ready.add(task);
            }
            for (int budget = EVENT_INTERVAL; budget > 0 && !main.notified && (task = ready.poll()) != null; budget--) {
                task.run();
            }
            if (++ticks % EVENT_INTERVAL == 0 || !ready.isEmpty() || main.notified) {
                driver.turn(false);
                continue;
            }
            // A pending interrupt would make every select return at once: keep it for later.
            interrupted |= Thread.interrupted();
            driver.prepareToPark();
            boolean work = main.notified || !remote.isEmpty();
            if (work) {
                driver.cancelPark();
            }
            driver.turn(!work);
        }
    }

    private void schedule(Task<?> task) {
        if (closed) {
            task.shutdown();
        } else if (Thread.currentThread() == owner) {
            ready.add(task);
        } else {
            remote.push(task);
            driver.reactor().wakeup();
            if (closed) {
                drainRemote();
            }
        }
    }

    /**
     * Cancels every task that has not finished (their timers and sockets are released) and
     * closes the selector.
     */
    @Override
    public void close() {
        checkOwner("close");
        if (Driver.insideRuntime()) {
            throw new IllegalStateException("a LocalExecutor cannot be closed from inside blockOn");
        }
        if (closed) {
            return;
        }
        closed = true;
        Task<?> task;
        while ((task = ready.poll()) != null) {
            task.shutdown();
        }
        drainRemote();
        driver.close();
    }

    private void drainRemote() {
        Task<?> task;
        while ((task = remote.pop()) != null) {
            task.shutdown();
        }
    }

    private void checkOwner(String operation) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(operation + " called on " + Thread.currentThread().getName()
                    + ", but this LocalExecutor belongs to " + owner.getName());
        }
    }

    /** The main future's waker: a flag, plus a selector wakeup when woken from another thread. */
    private final class MainWaker implements Waker, Context {

        volatile boolean notified = true;

        boolean take() {
            if (notified) {
                notified = false;
                return true;
            }
            return false;
        }

        @Override
        public void wake() {
            notified = true;
            driver.reactor().wakeup();
        }

        @Override
        public Waker waker() {
            return this;
        }
    }
}
