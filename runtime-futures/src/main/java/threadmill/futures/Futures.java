package threadmill.futures;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.time.Sleep;

/**
 * The futures a Rust async programmer reaches for, as plain objects: {@code ready},
 * {@code sleep}, {@code join!}, {@code join_all}, {@code select!}, {@code timeout},
 * {@code yield_now}, {@code poll_fn}, and loops that do not grow the stack.
 *
 * <p>Every combinator follows the {@link Future} contract: it polls a child only while the child
 * is pending, and cancels the children it abandons.
 */
public final class Futures {

    private Futures() {
    }

    /** A future that is ready with {@code value} at once ({@code std::future::ready}). */
    public static <T> Future<T> ready(T value) {
        return new Ready<>(value);
    }

    /**
     * Completes after {@code duration} ({@code tokio::time::sleep}). The deadline is fixed now,
     * at creation; the timer entry is the returned object itself, armed in the timer wheel of
     * the thread that first polls it, rounded up to the wheel's 250 µs tick, never early.
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=sleep}
     */
    public static Sleep sleep(Duration duration) {
        return new Sleep(duration);
    }

    /**
     * Both outputs, once both futures are ready ({@code join!(a, b)}). Both are polled by the
     * task that polls the join, so they wait at once; if one throws, the other is cancelled.
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=join}
     */
    public static <A, B> Future<Pair<A, B>> join(Future<A> a, Future<B> b) {
        return new Join<>(a, b);
    }

    /**
     * All outputs in input order, once every future is ready ({@code join_all}). A list of
     * {@link JoinHandle}s is awaited one handle at a time (the tasks run by themselves), so
     * joining a million spawned tasks needs no per-task waker, O(n) polls in all, and, when they
     * finish in about the order they were spawned, about log2(n) wake-ups.
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=join-all}
     */
    public static <T> Future<List<T>> joinAll(List<? extends Future<? extends T>> futures) {
        for (Future<? extends T> f : futures) {
            if (!(f instanceof JoinHandle)) {
                return new JoinAll<>(futures);
            }
        }
        return new JoinHandlesInOrder<>(futures);
    }

    /**
     * The output of whichever future finishes first; the other is cancelled ({@code select!}
     * in {@code biased;} mode: {@code a} is polled first).
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=select}
     */
    public static <T> Future<T> select(Future<? extends T> a, Future<? extends T> b) {
        return new Select<>(a, b);
    }

    /**
     * The future's output if it finishes within {@code limit}; otherwise it is cancelled and
     * polling throws {@link threadmill.futures.time.Elapsed} ({@code tokio::time::timeout}).
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=timeout}
     */
    public static <T> Future<T> timeout(Future<T> future, Duration limit) {
        return new Timeout<>(future, limit);
    }

    /**
     * Pending once, so that the other ready tasks run first ({@code task::yield_now}).
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=yield-now}
     */
    public static Future<Void> yieldNow() {
        return new YieldNow();
    }

    /**
     * A future whose poll is {@code f} ({@code std::future::poll_fn}). {@code f} follows the
     * {@link Future#poll} contract: it returns Pending only after arranging for
     * {@code cx.waker()} to be woken.
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=poll-fn}
     */
    public static <T> Future<T> pollFn(Function<? super Context, Poll<T>> f) {
        return new PollFn<>(f);
    }

    /**
     * A loop as a single state machine (futures 0.1's {@code loop_fn}): {@code body(state)} is
     * awaited, and its {@link Loop} says whether to go round again with a new state or to stop
     * with a result. Iterations do not nest, so a million of them use constant stack and heap.
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=loop-fn}
     */
    public static <S, R> Future<R> loopFn(S initial, Function<? super S, ? extends Future<Loop<S, R>>> body) {
        return new LoopFn<>(initial, body);
    }

    /**
     * Awaits {@code body(0)}, ..., {@code body(times - 1)} one after another, e.g. R round trips:
     * a {@link #loopFn} whose state is the iteration count.
     * {@snippet class=threadmill.futures.examples.FuturesExamplesTest region=repeat}
     */
    public static Future<Void> repeat(int times, IntFunction<? extends Future<?>> body) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be zero or positive, was " + times);
        }
        return loopFn(0, (Integer done) -> done == times ? ready(Loop.<Integer, Void>breakWith(null))
                : body.apply(done).map(ignored -> Loop.<Integer, Void>continueWith(done + 1)));
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> listOf(Object[] outputs) {
        return Collections.unmodifiableList((List<T>) Arrays.asList(outputs));
    }
}
