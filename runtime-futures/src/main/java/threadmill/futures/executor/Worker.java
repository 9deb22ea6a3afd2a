package threadmill.futures.executor;

import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.Task;

/**
 * One thread of a {@link WorkerPool}: runs tasks from its local queue, takes from the injection
 * queue, steals from other workers, and when there is nothing to run, parks in its driver until
 * I/O, a timer, or a wakeup from a thread that queued work.
 *
 * <p>Fairness (tokio's intervals, {@link Tunables#FAIRNESS_INTERVAL}): every
 * {@code INTERVAL}th task is taken from the injection queue first, so tasks queued from outside
 * are not starved by tasks that wake each other. The driver is turned without blocking once
 * the worker has run the tasks its queue held after the previous turn, and never fewer than
 * {@code INTERVAL} of them, so I/O and timers are not starved by a busy queue, however full: a
 * socket that becomes ready waits at most one pass of the queue (at most its capacity) before
 * a select reports it. A turn wakes no more tasks, sockets and timers together, than the local
 * queue has room for, but at least one of each (see {@link Driver#turn(boolean, int)}).
 *
 * <p>Why a pass and not tokio's fixed interval: the JDK's selector is level-triggered, so a
 * select reports every socket whose data is still unread, including those whose tasks it
 * already woke and which wait further back in the queue. Selecting every {@code INTERVAL}
 * tasks with thousands of busy connections queued reports each of them again and again before
 * it runs (tokio's edge-triggered epoll reports a socket once). A task a select wakes runs
 * after the queue ahead of it either way, so selecting once per pass finds it no later.
 */
final class Worker implements Runnable {

    private static final int INTERVAL = Tunables.FAIRNESS_INTERVAL;

    final WorkerPool pool;
    final int index;
    final LocalQueue queue = new LocalQueue();
    final Driver driver = new Driver();
    private int ticks;
    /** Tasks left to run before the next turn of the driver while the queue is busy. */
    private int untilTurn = INTERVAL;
    private int random;

    Worker(WorkerPool pool, int index) {
        this.pool = pool;
        this.index = index;
        this.random = index * 0x9E3779B9 + 1;
    }

    /**
     * The worker's loop, until the pool closes. Tasks cannot end it ({@link Task#run} keeps
     * whatever their code throws); if it ends anyway, of a bug or a failing selector, the whole
     * pool fails with that error before this thread dies of it (see
     * {@link WorkerPool#workerDied}): its run queue, timers and sockets would otherwise wait
     * for a thread that is gone, while the others carried on as if nothing had happened.
     */
    @Override
    public void run() {
        Driver.Previous previous = driver.enter();
        try {
            serve();
        } catch (Throwable death) {
            pool.workerDied(death);
            throw death;
        } finally {
            shutDown();
            previous.restore();
        }
    }

    private void serve() {
        while (!pool.isClosed()) {
            Task<?> task = next();
            if (task == null) {
                turnWhileBusy();
                task = queue.isEmpty() ? steal() : queue.pop();
            }
            if (task != null) {
                task.run();
                ticks++;
                if (--untilTurn <= 0) {
                    turnWhileBusy();
                }
            } else {
                park();
            }
        }
    }

    /**
     * Turns the driver without blocking, and counts down to the next such turn from what the
     * queue holds now: the tasks queued ahead of those this turn woke, and those.
     */
    private void turnWhileBusy() {
        driver.turn(false, queue.room());
        untilTurn = Math.max(INTERVAL, queue.length());
    }

    /**
     * The pool has closed or failed: cancels what is left in the run queue, wakes whatever waits
     * on this driver's timers and sockets (their tasks find the pool closed), and cancels what
     * is left in the injection queue. Each step is kept apart, so a failure of one (the selector
     * of a dying worker may be gone) is reported and the others still run.
     */
    private void shutDown() {
        Throwable cause = pool.failure();
        try {
            Task<?> left;
            while ((left = queue.pop()) != null) {
                left.shutdown(cause);
            }
        } catch (Throwable e) {
            report(e);
        }
        try {
            driver.close();
        } catch (Throwable e) {
            report(e);
        }
        pool.drainInjector();
    }

    private static void report(Throwable e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }

    /**
     * From the owning thread: queue a task that was spawned or woken here. With more than one
     * task waiting, a parked worker is woken to steal some.
     */
    void schedule(Task<?> task) {
        int backlog = queue.push(task, pool.injector);
        if (backlog > 1) {
            pool.notifyParked(Integer.MAX_VALUE);
        }
    }

    private Task<?> next() {
        if (ticks % INTERVAL == 0) {
            Task<?> task = pool.injector.pop();
            if (task != null) {
                ticks++;
                return task;
            }
        }
        Task<?> task = queue.pop();
        if (task != null) {
            return task;
        }
        task = pool.injector.popInto(queue, Math.min(pool.injectorShare(), queue.room()));
        if (task != null && !pool.injector.isEmpty()) {
            pool.notifyParked(pool.injector.size());
        }
        return task;
    }

    private Task<?> steal() {
        Worker[] workers = pool.workers;
        int n = workers.length;
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        int start = Math.floorMod(random, n);
        for (int i = 0; i < n; i++) {
            Worker victim = workers[(start + i) % n];
            if (victim != this && victim.queue.stealInto(queue) > 0) {
                return queue.pop();
            }
        }
        return null;
    }

    private void park() {
        if (yieldFindsWork()) {
            return;
        }
        pool.parked.incrementAndGet();
        driver.prepareToPark();
        boolean work = pool.isClosed() || !pool.injector.isEmpty() || pool.anyQueued();
        if (work) {
            driver.cancelPark();
        }
        try {
            driver.turn(!work, queue.room());
        } finally {
            pool.parked.decrementAndGet();
        }
    }

    /**
     * Before parking, give the CPU away once and look at the injection queue again. A thread
     * spawning a burst of tasks from outside usually shares a core with the workers; without
     * this, each time a worker catches up with it, the worker parks and the spawner pays a
     * selector wakeup for its next task. Costs one sched_yield per park when there is truly no
     * work.
     */
    private boolean yieldFindsWork() {
        Thread.yield();
        return !pool.injector.isEmpty() || pool.isClosed();
    }
}
