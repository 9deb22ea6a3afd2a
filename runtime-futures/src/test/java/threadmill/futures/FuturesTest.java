package threadmill.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.TaskLocal;
import threadmill.futures.task.Waker;
import threadmill.futures.testing.AsyncTest;
import threadmill.futures.testing.WaitLog;
import threadmill.futures.time.Elapsed;

class FuturesTest {

    private static final Context NOOP = Context.of(Waker.noop());

    @Test
    void readyIsReadyOnceAndNeverPolledAgain() {
        Future<String> f = Futures.ready("x");
        assertEquals("x", f.poll(NOOP).value());
        assertThrows(IllegalStateException.class, () -> f.poll(NOOP));
    }

    @Test
    void mapAndThenChainOutputs() {
        Future<Integer> f = Futures.ready(20).map(x -> x + 1).then(x -> Futures.ready(x * 2));
        assertEquals(42, AsyncTest.run(f));
    }

    @Test
    void mapDoesNotPollItsChildAfterReady() {
        Future<Integer> f = Futures.ready(1).map(x -> x);
        f.poll(NOOP);
        assertThrows(IllegalStateException.class, () -> f.poll(NOOP));
    }

    /** Both sleeps wait at once: each is Pending before either is done. */
    @Test
    void joinWaitsForBothAndRunsThemConcurrently() {
        WaitLog log = new WaitLog();
        Pair<String, Integer> both = AsyncTest.run(Futures.join(
                log.trace("a", Futures.sleep(Duration.ofMillis(200))).map(v -> "a"),
                log.trace("b", Futures.sleep(Duration.ofMillis(200))).map(v -> 2)));
        assertEquals(new Pair<>("a", 2), both);
        assertEquals(List.of("a waits", "b waits"), log.events().subList(0, 2), "two sleeps joined must overlap: " + log.events());
        assertEquals(2, log.mostWaitingAtOnce());
    }

    @Test
    void joinPropagatesAFailureAndCancelsTheOther() {
        CancelProbe<Integer> other = new CancelProbe<>();
        Future<Pair<Integer, Integer>> f = Futures.join(
                Futures.pollFn(cx -> {
                    throw new IllegalArgumentException("boom");
                }), other);
        assertThrows(IllegalArgumentException.class, () -> AsyncTest.run(f));
        assertTrue(other.cancelled);
    }

    @Test
    void joinAllKeepsInputOrder() {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int v = i;
            futures.add(Futures.sleep(Duration.ofMillis(50 - 10 * i)).map(x -> v));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), AsyncTest.run(Futures.joinAll(futures)));
    }

    @Test
    void joinAllOfSpawnedHandlesYieldsEveryOutput() {
        List<Integer> out = AsyncTest.runOnPool(2, pool -> {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int v = i;
                handles.add(pool.spawn(Futures.sleep(Duration.ofMillis(v % 20)).map(x -> v)));
            }
            return Futures.joinAll(handles);
        });
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, out.get(i));
        }
    }

    /**
     * Tasks that finish in the order they were spawned, as a fan-out's usually do, wake a
     * joinAll of their handles about log2(n) times: awaited one after another from the front,
     * it was woken once per task here.
     */
    @Test
    void joinAllOfHandlesFinishingInSpawnOrderWakesTheCallerAboutLog2Times() {
        int tasks = 32;
        AtomicInteger polls = new AtomicInteger();
        List<Integer> out = AsyncTest.runOnPool(1, pool -> {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int v = i;
                handles.add(pool.spawn(Futures.sleep(Duration.ofMillis(10 + 10L * i)).map(x -> v)));
            }
            Future<List<Integer>> all = Futures.joinAll(handles);
            return Futures.pollFn(cx -> {
                polls.incrementAndGet();
                return all.poll(cx);
            });
        });
        for (int i = 0; i < tasks; i++) {
            assertEquals(i, out.get(i));
        }
        // The first poll, then a wake-up at tasks 16, 24, 28, 30 and 31.
        assertTrue(polls.get() <= 6, "polled " + polls.get() + " times");
    }

    @Test
    void selectTakesTheFirstAndCancelsTheLoser() {
        CancelProbe<String> slow = new CancelProbe<>();
        assertEquals("fast", AsyncTest.run(Futures.select(
                Futures.sleep(Duration.ofMillis(20)).map(v -> "fast"), slow)));
        assertTrue(slow.cancelled);
    }

    @Test
    void timeoutPassesAFastFutureThrough() {
        int seven = AsyncTest.run(Futures.timeout(Futures.sleep(Duration.ofMillis(10)).map(v -> 7), Duration.ofSeconds(5)));
        assertEquals(7, seven);
    }

    @Test
    void timeoutCancelsASlowFutureAndThrowsElapsed() {
        CancelProbe<String> never = new CancelProbe<>();
        Elapsed e = assertThrows(Elapsed.class, () -> AsyncTest.run(Futures.timeout(never, Duration.ofMillis(50))));
        assertTrue(e.getMessage().contains("50 ms"));
        assertTrue(never.cancelled);
    }

    @Test
    void yieldNowLetsOtherTasksRunFirst() {
        List<String> order = new ArrayList<>();
        AsyncTest.runLocal(executor -> {
            JoinHandle<Void> a = executor.spawnLocal(Futures.pollFn(cx -> {
                order.add("a1");
                return Poll.ready(null);
            }).then(v -> Futures.yieldNow()).map(v -> {
                order.add("a2");
                return null;
            }));
            JoinHandle<Void> b = executor.spawnLocal(Futures.pollFn(cx -> {
                order.add("b");
                return Poll.ready(null);
            }));
            return Futures.join(a, b);
        });
        assertEquals(List.of("a1", "b", "a2"), order);
    }

    @Test
    void pollFnIsPolledUntilReady() {
        AtomicInteger polls = new AtomicInteger();
        int result = AsyncTest.run(Futures.pollFn(cx -> {
            if (polls.incrementAndGet() < 3) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(polls.get());
        }));
        assertEquals(3, result);
    }

    @Test
    void loopFnRunsAMillionIterationsWithoutGrowingTheStack() {
        long sum = AsyncTest.run(Futures.loopFn(new long[] {0, 0}, s -> Futures.ready(
                s[0] == 1_000_000 ? Loop.<long[], Long>breakWith(s[1]) : Loop.continueWith(new long[] {s[0] + 1, s[1] + s[0]}))));
        assertEquals(999_999L * 1_000_000L / 2, sum);
    }

    @Test
    void repeatAwaitsEachBodyInTurn() {
        List<Integer> seen = new ArrayList<>();
        AsyncTest.run(Futures.repeat(5, i -> Futures.yieldNow().map(v -> seen.add(i))));
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
        assertThrows(IllegalArgumentException.class, () -> Futures.repeat(-1, i -> Futures.ready(i)));
    }

    @Test
    void taskLocalIsVisibleAcrossAwaitsAndOnlyInsideItsScope() {
        TaskLocal<String> user = new TaskLocal<>("user");
        String seen = AsyncTest.runOnPool(2, pool -> pool.spawn(user.scope("ada",
                Futures.sleep(Duration.ofMillis(5)).then(v -> Futures.yieldNow()).map(v -> user.get()))));
        assertEquals("ada", seen);
        assertFalse(user.tryGet().isPresent());
        assertThrows(IllegalStateException.class, user::get);
        String nested = AsyncTest.run(user.scope("outer", user.scope("inner", Futures.pollFn(cx -> Poll.ready(user.get())))
                .map(inner -> inner + "/" + user.get())));
        assertEquals("inner/outer", nested);
    }

    @Test
    void pollReportsItsState() {
        assertTrue(Poll.ready(1).isReady());
        assertTrue(Poll.pending().isPending());
        assertThrows(java.util.NoSuchElementException.class, () -> Poll.pending().value());
        assertInstanceOf(Poll.class, Poll.ready(null));
    }

    /** A future that never finishes and records whether it was cancelled. */
    static final class CancelProbe<T> implements Future<T> {

        volatile boolean cancelled;

        @Override
        public Poll<T> poll(Context cx) {
            return Poll.pending();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
