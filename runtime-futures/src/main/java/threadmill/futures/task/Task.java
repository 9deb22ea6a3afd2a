package threadmill.futures.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;

/**
 * The task cell: one object that is the task's future holder, its {@link Waker}, the
 * {@link Context} it is polled with, and its {@link JoinHandle}, so spawning allocates this cell
 * and nothing else (32 bytes with compressed oops).
 *
 * <p>State bits (one int, changed by CAS only):
 * <ul>
 * <li>NOTIFIED: the task is in a run queue or is owed one more poll. Set by a wake; whoever sets
 *     it while neither NOTIFIED nor RUNNING was set must {@link Schedule#schedule} the task.</li>
 * <li>RUNNING: a thread is polling the future. {@link #run} turns NOTIFIED into RUNNING; a wake
 *     during the poll only sets NOTIFIED, and the runner re-schedules the task when the poll
 *     returns Pending: that is how a wake racing with a poll is never lost.</li>
 * <li>COMPLETE: the output (value, failure or cancellation) is stored; terminal.</li>
 * <li>CANCELLED: abort was requested; the next run cancels the future instead of polling it.</li>
 * </ul>
 * The stage field holds the future while the task runs and the output once it is complete
 * (tokio's {@code CoreStage}); it is only touched by the thread that holds RUNNING, or by the
 * joiner after it saw COMPLETE, so the state CAS orders every access.
 */
public final class Task<T> implements JoinHandle<T>, Waker, Context, Runnable {

    private static final int NOTIFIED = 1;
    private static final int RUNNING = 1 << 1;
    private static final int COMPLETE = 1 << 2;
    private static final int CANCELLED = 1 << 3;

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
        for (;;) {
            int s = state;
            if ((s & (NOTIFIED | COMPLETE)) != 0) {
                return;
            }
            if (STATE.compareAndSet(this, s, s | NOTIFIED)) {
                if ((s & RUNNING) == 0) {
                    scheduler.schedule(this);
                }
                return;
            }
        }
    }

    @Override
    public void abort() {
        for (;;) {
            int s = state;
            if ((s & (COMPLETE | CANCELLED)) != 0) {
                return;
            }
            if (STATE.compareAndSet(this, s, s | CANCELLED | NOTIFIED)) {
                if ((s & (RUNNING | NOTIFIED)) == 0) {
                    scheduler.schedule(this);
                }
                return;
            }
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
        int s;
        do {
            s = state;
            if ((s & (RUNNING | COMPLETE)) != 0) {
                return;
            }
        } while (!STATE.compareAndSet(this, s, (s & ~NOTIFIED) | RUNNING));
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
        for (;;) {
            s = state;
            if (STATE.compareAndSet(this, s, s & ~RUNNING)) {
                if ((s & NOTIFIED) != 0) {
                    scheduler.schedule(this);
                }
                return;
            }
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
        int s;
        do {
            s = state;
            if ((s & (RUNNING | COMPLETE)) != 0) {
                return;
            }
        } while (!STATE.compareAndSet(this, s, (s & ~NOTIFIED) | RUNNING | CANCELLED));
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
        int s;
        do {
            s = state;
        } while (!STATE.compareAndSet(this, s, (s & ~(RUNNING | NOTIFIED)) | COMPLETE));
        Waker w = joinWaker;
        if (w != null) {
            Waker.wakeGuarded(w);
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
