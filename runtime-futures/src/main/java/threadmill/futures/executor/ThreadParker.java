package threadmill.futures.executor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.task.Waker;

/**
 * The waker of a future driven by a plain thread ({@code futures::executor::block_on}): waking
 * sets a flag and unparks the thread; the thread polls again only after a wake, and otherwise
 * sleeps in {@link LockSupport#park}. Only the first wake after a poll pays for the unpark.
 */
final class ThreadParker implements Waker, Context {

    private static final VarHandle NOTIFIED;

    static {
        try {
            NOTIFIED = MethodHandles.lookup().findVarHandle(ThreadParker.class, "notified", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread = Thread.currentThread();
    private volatile boolean notified;

    /**
     * Polls {@code future} on the calling thread until it is ready, parking in between. An
     * interrupt does not end the wait (a future has no way to be told); it is kept and set again
     * on return, rather than left set, which would make every park return at once and spin.
     */
    static <T> T runToCompletion(Future<T> future) {
        ThreadParker parker = new ThreadParker();
        boolean interrupted = false;
        try {
            for (;;) {
                Poll<T> p = future.poll(parker);
                if (p.isReady()) {
                    return p.value();
                }
                while (!(boolean) NOTIFIED.getAndSet(parker, false)) {
                    LockSupport.park(parker);
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void wake() {
        if (!(boolean) NOTIFIED.getAndSet(this, true)) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public Waker waker() {
        return this;
    }
}
