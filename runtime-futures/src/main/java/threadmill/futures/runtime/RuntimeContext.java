package threadmill.futures.runtime;

/**
 * One handle of the runtime the calling thread belongs to (tokio's {@code runtime::context}):
 * what a future polled on a runtime thread finds there without being handed it. The time
 * package declares the timer wheel that timers arm in as one
 * ({@code TimerWheel.CONTEXT}), the net package the reactor that sockets register with
 * ({@code Reactor.CONTEXT}); an executor enters both on every thread that polls its futures (its
 * workers, and a thread inside its {@code blockOn}) and exits them when the thread leaves it.
 *
 * <p>Why one context per handle and not one object holding both: this package lies below time
 * and net, which read the context, and below executor, which provides it, so it can name neither
 * the wheel's type nor the reactor's; each package declares its handle with its own type, and
 * the packages layer without a cycle (see {@code runtime-futures/DESIGN.md}, "Layout").
 *
 * <p>Thread rules: each thread sees only what it entered itself; a handle is read on the thread
 * that polls, with one {@link ThreadLocal} lookup.
 *
 * @param <T> the handle's type
 */
public final class RuntimeContext<T> {

    private final ThreadLocal<T> current = new ThreadLocal<>();
    private final String use;

    /**
     * A context for handles that {@code use} needs, e.g. "a timer": named in the error a thread
     * outside any runtime gets.
     */
    public RuntimeContext(String use) {
        this.use = use;
    }

    /**
     * The calling thread's handle.
     *
     * @throws IllegalStateException if the thread is not running a runtime's futures
     */
    public T get() {
        T handle = current.get();
        if (handle == null) {
            throw new IllegalStateException("no threadmill runtime on thread " + Thread.currentThread().getName()
                    + ": " + use + " must be polled inside LocalExecutor.blockOn, WorkerPool.blockOn or a spawned task");
        }
        return handle;
    }

    /** True while the calling thread has entered a handle here. */
    public boolean isEntered() {
        return current.get() != null;
    }

    /** Makes {@code handle} the calling thread's; returns the one it replaces, or null. */
    public T enter(T handle) {
        if (handle == null) {
            throw new IllegalArgumentException("cannot enter a null handle for " + use);
        }
        T previous = current.get();
        current.set(handle);
        return previous;
    }

    /** Undoes {@link #enter}: {@code previous} is what it returned. */
    public void exit(T previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }
}
