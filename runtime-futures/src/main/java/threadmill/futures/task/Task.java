package threadmill.futures.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;

/**
 * The task cell: one object that is the task's future holder, its {@link Waker}, the
 * {@link Context} it is polled with, and its {@link JoinHandle}, so spawning allocates this cell
 * and nothing else: a 12-byte header and five fields of 4 bytes with compressed oops, 32 bytes.
 *
 * <p>The state is one int of four bits (tokio's {@code state.rs}), changed by CAS only, and only
 * by the named transitions below, each of which asserts what must hold before it:
 * <pre>
 * transition             from                          to                   caller schedules
 * transitionToNotified   not NOTIFIED, not COMPLETE    + NOTIFIED           if it was idle
 * transitionToRunning    NOTIFIED, not RUNNING         - NOTIFIED + RUNNING
 * transitionToIdle       RUNNING                       - RUNNING            if NOTIFIED was set
 * transitionToComplete   RUNNING                       COMPLETE
 * transitionToCancelled  not COMPLETE, not CANCELLED   + CANCELLED NOTIFIED if it was idle
 * transitionToShutdown   not RUNNING, not COMPLETE     RUNNING + CANCELLED
 * </pre>
 * Idle is none of NOTIFIED, RUNNING and COMPLETE; CANCELLED is kept by every transition once
 * set. The stage field holds the future while the task runs and the output once it is
 * complete (tokio's {@code CoreStage}); it is only touched by the thread that holds RUNNING, or
 * by the joiner after it saw COMPLETE, so the state CAS orders every access.
 */
public final class Task<T> implements JoinHandle<T>, Waker, Context, Runnable {

    /**
     * Owed a poll: the task is in a run queue, or a wake came while it ran. Set by a wake (and
     * at spawn); whoever sets it while neither NOTIFIED nor RUNNING was set schedules the task,
     * exactly once. Cleared by the run that takes it.
     */
    private static final int NOTIFIED = 1;
    /**
     * A thread holds the task: it is polling the future, or cancelling it and completing the
     * task. Only that thread touches the stage until it clears the bit; a wake meanwhile only
     * sets NOTIFIED, and the holder schedules the task again when the poll returns Pending, so a
     * wake that races a poll is never lost and never starts a second one.
     */
    private static final int RUNNING = 1 << 1;
    /** The output (value, failure or cancellation) is stored. Terminal: no transition leaves it. */
    private static final int COMPLETE = 1 << 2;
    /** Abort was requested: the next run cancels the future instead of polling it. Never cleared. */
    private static final int CANCELLED = 1 << 3;
    /** What {@link #transitionToRunning()} returns when the task may not run now. */
    private static final int NOT_RUNNABLE = -1;

    private static final Object CANCELLED_OUTPUT = new Object();
    private static final Object CONSUMED = new Object();
    private static final VarHandle STATE;
    private static final VarHandle NEXT;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Task.class, "state", int.class);
            NEXT = MethodHandles.lookup().findVarHandle(Task.class, "next", Task.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    private Object stage;
    private final Schedule scheduler;
    private volatile Waker joinWaker;
    private Task<?> next;

    private Task(Future<T> future, Schedule scheduler) {
        // A plain store: a volatile one would fence every spawn, and the queue that publishes
        // the task (an atomic exchange, or a release store into a ring) orders it anyway.
        STATE.set(this, NOTIFIED);
        this.stage = future;
        this.scheduler = scheduler;
    }

    /**
     * A new task, already NOTIFIED: the caller must queue it exactly once (that first queueing
     * is the spawn).
     */
    public static <T> Task<T> create(Future<T> future, Schedule scheduler) {
        if (future == null) {
            throw new IllegalArgumentException("cannot spawn a null future");
        }
        return new Task<>(future, scheduler);
    }

    /** Intrusive link for an executor's injection queue; only the queue holding the task uses it. */
    public Task<?> next() {
        return next;
    }

    public void setNext(Task<?> next) {
        this.next = next;
    }

    /** {@link #next()} for a lock-free queue: sees the task a {@link #publishNext} linked. */
    public Task<?> nextAcquire() {
        return (Task<?>) NEXT.getAcquire(this);
    }

    /** {@link #setNext} for a lock-free queue: the linked task's fields are visible with it. */
    public void publishNext(Task<?> next) {
        NEXT.setRelease(this, next);
    }

    @Override
    public Waker waker() {
        return this;
    }

    @Override
    public void wake() {
        if (transitionToNotified()) {
            scheduler.schedule(this);
        }
    }

    @Override
    public void abort() {
        if (transitionToCancelled()) {
            scheduler.schedule(this);
        }
    }

    @Override
    public boolean isFinished() {
        return (state & COMPLETE) != 0;
    }

    /**
     * Polls the future once; called by the executor that took the task off its run queue. A
     * task that throws (or returns null) is complete with that failure; the executor's thread
     * carries on. Nothing the task's own code throws leaves this method: not its poll, not its
     * cancel, not its joiner's waker (those two go to the thread's uncaught-exception handler).
     */
    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        int s = transitionToRunning();
        if (s == NOT_RUNNABLE) {
            return;
        }
        if ((s & CANCELLED) != 0) {
            cancelFuture();
            complete(CANCELLED_OUTPUT);
            return;
        }
        Poll<T> p;
        try {
            p = ((Future<T>) stage).poll(this);
            if (p == null) {
                throw new NullPointerException("poll returned null, neither Poll.pending() nor Poll.ready(value)");
            }
        } catch (Throwable t) {
            cancelFuture();
            complete(new Failure(t, false));
            return;
        }
        if (p.isReady()) {
            complete(p.value());
            return;
        }
        if (transitionToIdle()) {
            scheduler.schedule(this);
        }
    }

    /**
     * Completes the task as cancelled without polling it: what an executor that has shut down
     * does with every task it is handed. No effect if another thread is polling it (that thread
     * will hand the task back to the closed executor) or if it has finished.
     */
    public void shutdown() {
        shutdown(null);
    }

    /**
     * {@link #shutdown()} for an executor that stopped because it failed: the handle's
     * {@link JoinError} is cancelled with {@code cause} (what ended the executor) as its cause.
     * A null cause is a plain shutdown.
     */
    public void shutdown(Throwable cause) {
        if (!transitionToShutdown()) {
            return;
        }
        cancelFuture();
        complete(cause == null ? CANCELLED_OUTPUT : new Failure(cause, true));
    }

    @Override
    public Poll<T> poll(Context cx) {
        if ((state & COMPLETE) == 0) {
            Waker w = cx.waker();
            if (joinWaker != w) {
                joinWaker = w;
            }
            if ((state & COMPLETE) == 0) {
                return Poll.pending();
            }
        }
        return Poll.ready(takeOutput());
    }

    @SuppressWarnings("unchecked")
    private T takeOutput() {
        Object out = stage;
        if (out == CONSUMED) {
            throw new IllegalStateException("JoinHandle polled after it returned Ready");
        }
        stage = CONSUMED;
        joinWaker = null;
        if (out == CANCELLED_OUTPUT) {
            throw JoinError.cancelled();
        }
        if (out instanceof Failure f) {
            throw f.cancelled ? JoinError.cancelled(f.cause) : JoinError.failed(f.cause);
        }
        return (T) out;
    }

    /**
     * Cancels the future being torn down. A cancel that throws (an Error included) is reported
     * to the thread's uncaught-exception handler: it must not take the executor's thread with it.
     */
    private void cancelFuture() {
        Object future = stage;
        stage = null;
        if (future instanceof Future<?> f) {
            try {
                f.cancel();
            } catch (Throwable e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    private void complete(Object output) {
        stage = output;
        transitionToComplete();
        Waker w = joinWaker;
        if (w != null) {
            Waker.wakeGuarded(w);
        }
    }

    /**
     * A wake: sets NOTIFIED unless it is set already or the task is complete (wakes collapse).
     * Returns true when the caller must schedule the task: it was idle, neither queued nor
     * running. A task that is running is scheduled again by its runner instead
     * ({@link #transitionToIdle()}).
     */
    private boolean transitionToNotified() {
        for (;;) {
            int s = state;
            if ((s & (NOTIFIED | COMPLETE)) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s | NOTIFIED)) {
                return (s & RUNNING) == 0;
            }
        }
    }

    /**
     * An abort: sets CANCELLED, and NOTIFIED so that the cancel runs on the executor. Returns
     * true when the caller must schedule the task (it was idle); no effect once the task is
     * complete or was aborted before.
     */
    private boolean transitionToCancelled() {
        for (;;) {
            int s = state;
            if ((s & (COMPLETE | CANCELLED)) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s | CANCELLED | NOTIFIED)) {
                return (s & (RUNNING | NOTIFIED)) == 0;
            }
        }
    }

    /**
     * The executor took the task off a run queue: NOTIFIED becomes RUNNING. Returns the state
     * before (CANCELLED in it means cancel instead of poll), or {@link #NOT_RUNNABLE} if another
     * thread holds the task (a shutdown) or it is complete. A task is only queued once NOTIFIED,
     * and NOTIFIED stays set until this transition, so a task that may run was notified.
     */
    private int transitionToRunning() {
        for (;;) {
            int s = state;
            if ((s & (RUNNING | COMPLETE)) != 0) {
                return NOT_RUNNABLE;
            }
            assert (s & NOTIFIED) != 0 : "run() of a task that was not scheduled: " + this;
            if (STATE.compareAndSet(this, s, (s & ~NOTIFIED) | RUNNING)) {
                return s;
            }
        }
    }

    /**
     * The poll returned Pending: clears RUNNING. Returns true when a wake came during the poll
     * (NOTIFIED is set): the runner then schedules the task again, at the back of the queue.
     */
    private boolean transitionToIdle() {
        for (;;) {
            int s = state;
            assert (s & RUNNING) != 0 && (s & COMPLETE) == 0 : "transitionToIdle from " + s;
            if (STATE.compareAndSet(this, s, s & ~RUNNING)) {
                return (s & NOTIFIED) != 0;
            }
        }
    }

    /**
     * The output is stored: RUNNING and NOTIFIED become COMPLETE, for good. Only the thread that
     * holds RUNNING completes the task, so the caller's store of the output happens before any
     * joiner's read of it.
     */
    private void transitionToComplete() {
        for (;;) {
            int s = state;
            assert (s & RUNNING) != 0 && (s & COMPLETE) == 0 : "transitionToComplete from " + s;
            if (STATE.compareAndSet(this, s, (s & ~(RUNNING | NOTIFIED)) | COMPLETE)) {
                return;
            }
        }
    }

    /**
     * A closed executor was handed the task: takes it as a run would, marked CANCELLED, so that
     * the caller cancels the future and completes the task. False if another thread holds the
     * task (it will hand it back to the closed executor) or it is complete.
     */
    private boolean transitionToShutdown() {
        for (;;) {
            int s = state;
            if ((s & (RUNNING | COMPLETE)) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, (s & ~NOTIFIED) | RUNNING | CANCELLED)) {
                return true;
            }
        }
    }

    /**
     * A task's exception, told apart from a task whose output is a Throwable; or, when
     * {@code cancelled}, the failure of the executor that shut the task down.
     */
    private record Failure(Throwable cause, boolean cancelled) {
    }

    @Override
    public String toString() {
        return "Task[state=" + state + "]";
    }
}
