package threadmill.futures.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Loop;
import threadmill.futures.Pair;
import threadmill.futures.Poll;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.time.Elapsed;

/**
 * The usage examples in the Javadoc of {@link Future} and {@link Futures}, run (see
 * {@link ExecutorExamplesTest} for how they get there).
 */
class FuturesExamplesTest {

    private final WorkerPool pool = new WorkerPool(2);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void mapAndThen() {
        // @start region="map-then"
        Future<String> reply = Futures.sleep(Duration.ofMillis(10))
                .map(slept -> 20)                              // the output passed through a function
                .then(n -> Futures.ready(n + 1).map(m -> m * 2)) // then the future built from it
                .map(n -> "answer " + n);
        String answer = pool.blockOn(reply);
        // @end
        assertEquals("answer 42", answer);
    }

    @Test
    void sleep() {
        // @start region="sleep"
        // The deadline is fixed here, at creation; the timer is armed when the future is first polled.
        Future<String> later = Futures.sleep(Duration.ofMillis(20)).map(slept -> "20 ms later");
        String done = pool.blockOn(later);
        // @end
        assertEquals("20 ms later", done);
    }

    @Test
    void join() {
        // @start region="join"
        // Both run at once, inside one task: the pair is ready after the slower one.
        Future<Pair<String, Integer>> both = Futures.join(
                Futures.sleep(Duration.ofMillis(20)).map(slept -> "a"),
                Futures.sleep(Duration.ofMillis(10)).map(slept -> 2));
        Pair<String, Integer> outputs = pool.blockOn(both);
        // @end
        assertEquals(new Pair<>("a", 2), outputs);
    }

    @Test
    void joinAll() {
        // @start region="join-all"
        List<JoinHandle<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            tasks.add(pool.spawn(Futures.sleep(Duration.ofMillis(10)).map(slept -> n)));
        }
        // Handles are awaited in order with one waker; the outputs keep the order of the list.
        List<Integer> outputs = pool.blockOn(Futures.joinAll(tasks));
        // @end
        assertEquals(1_000, outputs.size());
        assertEquals(999, outputs.get(999));
    }

    @Test
    void select() {
        // @start region="select"
        // The first to finish wins; the other is cancelled (its timer leaves the wheel).
        Future<String> first = Futures.select(
                Futures.sleep(Duration.ofDays(1)).map(slept -> "tomorrow"),
                Futures.sleep(Duration.ofMillis(10)).map(slept -> "now"));
        String winner = pool.blockOn(first);
        // @end
        assertEquals("now", winner);
        assertEquals(0, pool.armedTimers());
    }

    @Test
    void timeout() {
        // @start region="timeout"
        Future<String> slow = Futures.sleep(Duration.ofDays(1)).map(slept -> "too late");
        String outcome;
        try {
            outcome = pool.blockOn(Futures.timeout(slow, Duration.ofMillis(10)));
        } catch (Elapsed e) {
            outcome = e.getMessage(); // "deadline of 10 ms elapsed"; slow was cancelled
        }
        // @end
        assertEquals("deadline of 10 ms elapsed", outcome);
        assertEquals(0, pool.armedTimers());
    }

    @Test
    void yieldNow() {
        // @start region="yield-now"
        // Between two steps of a long computation, let the other tasks on this worker run.
        Future<Integer> steps = Futures.ready(1)
                .then(one -> Futures.yieldNow().map(yielded -> one + 1));
        int two = pool.blockOn(steps);
        // @end
        assertEquals(2, two);
    }

    @Test
    void pollFn() {
        // @start region="poll-fn"
        // A hand-written poll: Pending only after arranging a wake (here: wake at once, i.e. yield).
        int[] polls = {0};
        Future<String> thirdPoll = Futures.pollFn(cx -> {
            if (++polls[0] < 3) {
                return CoopBudget.yieldTo(cx);
            }
            return Poll.ready("ready on poll " + polls[0]);
        });
        String ready = pool.blockOn(thirdPoll);
        // @end
        assertEquals("ready on poll 3", ready);
    }

    @Test
    void loopFn() {
        // @start region="loop-fn"
        // Sum 1..100, one await per step, in constant stack and heap: no recursion, no nesting.
        Future<Integer> sum = Futures.loopFn(new int[] {0, 1}, state -> Futures.yieldNow().map(yielded -> {
            int total = state[0] + state[1];
            return state[1] == 100 ? Loop.<int[], Integer>breakWith(total)
                    : Loop.<int[], Integer>continueWith(new int[] {total, state[1] + 1});
        }));
        int total = pool.blockOn(sum);
        // @end
        assertEquals(5050, total);
    }

    @Test
    void repeat() {
        // @start region="repeat"
        // Three round trips, one after another; here each is a short sleep.
        AtomicInteger done = new AtomicInteger();
        pool.blockOn(Futures.repeat(3, i -> Futures.sleep(Duration.ofMillis(5)).map(slept -> done.incrementAndGet())));
        // done.get() == 3
        // @end
        assertEquals(3, done.get());
    }
}
