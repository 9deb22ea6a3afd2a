package threadmill.futures;

import java.util.function.Function;

/**
 * An asynchronous computation that is driven by polling, as Rust's {@code std::future::Future}.
 *
 * <p>{@link #poll} either finishes ({@link Poll#ready}) or returns {@link Poll#pending()} after
 * arranging for {@code cx.waker()} to be woken once progress is possible; the executor then
 * polls again. A future that returned Ready is never polled again; a future that is abandoned
 * while pending gets {@link #cancel()} instead (Rust drops it), which must release whatever it
 * registered: a timer entry, a socket registration, child futures.
 *
 * <p>A future is polled by one thread at a time (the executor guarantees it), so its fields need
 * no synchronisation; wakers it hands out may be called from any thread.
 *
 * <p>Futures compose without running: {@link #map} and {@link #then} (an {@code .await} followed
 * by more code) build a bigger future, which an executor then runs.
 * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=map-then}
 *
 * @param <T> what the future produces
 */
public interface Future<T> {

    /** Makes as much progress as possible without blocking the thread. */
    Poll<T> poll(Context cx);

    /**
     * The future will never be polled again although it did not finish: release everything it
     * registered. Called at most once, by the thread that would have polled it. Rust's drop of a
     * pending future; a no-op for futures that hold nothing.
     */
    default void cancel() {
    }

    /** {@code future.map(f)}: the output passed through {@code f} when it is ready. */
    default <U> Future<U> map(Function<? super T, ? extends U> f) {
        return new MapOutput<>(this, f);
    }

    /** {@code future.then(f)} (Rust's {@code and_then} / an {@code .await} followed by more code). */
    default <U> Future<U> then(Function<? super T, ? extends Future<U>> f) {
        return new Then<>(this, f);
    }
}
