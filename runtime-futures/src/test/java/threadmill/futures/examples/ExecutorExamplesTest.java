package threadmill.futures.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.executor.LocalExecutor;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.task.Waker;

/**
 * The usage examples in the Javadoc of the executors and of {@link JoinHandle}: each region
 * between {@code @start} and {@code @end} is shown there ({@code {@snippet class=... region=...}},
 * javadoc's {@code --snippet-path src/test/java}), and runs here, so an example that stops
 * compiling or working fails the build.
 */
class ExecutorExamplesTest {

    @Test
    void workerPool() {
        // @start region="worker-pool"
        String value;
        try (WorkerPool pool = new WorkerPool(2)) {
            JoinHandle<String> greeting = pool.spawn(Futures.sleep(Duration.ofMillis(10)).map(slept -> "hello"));
            value = pool.blockOn(greeting);
        } // closing cancels the tasks still running and joins the pool's threads
        // @end
        assertEquals("hello", value);
    }

    @Test
    void spawnFromInsideATask() {
        try (WorkerPool pool = new WorkerPool(2)) {
            // @start region="spawn"
            // From any thread, a worker's included: a parent task spawns its children and awaits them.
            Future<Integer> parent = Futures.ready(10).then(n -> {
                List<JoinHandle<Integer>> children = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    int child = i;
                    children.add(pool.spawn(Futures.sleep(Duration.ofMillis(child)).map(slept -> child)));
                }
                return Futures.joinAll(children).map(outputs -> outputs.stream().mapToInt(Integer::intValue).sum());
            });
            int sum = pool.blockOn(pool.spawn(parent));
            // @end
            assertEquals(55, sum);
        }
    }

    @Test
    void spawnBlocking(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("greeting.txt"), "hello from a file");
        try (WorkerPool pool = new WorkerPool(2)) {
            // @start region="spawn-blocking"
            // A blocking call runs on the blocking pool, not on a worker; its handle is awaited like any other.
            JoinHandle<String> contents = pool.spawnBlocking(() -> Files.readString(path));
            String text = pool.blockOn(contents);
            // @end
            assertEquals("hello from a file", text);
        }
    }

    @Test
    void blockOnIsForOutsideTheRuntime() {
        try (WorkerPool pool = new WorkerPool(2)) {
            // @start region="block-on"
            // The calling thread parks until the future is ready, while the workers run the tasks.
            JoinHandle<Integer> task = pool.spawn(Futures.ready(21).map(x -> x * 2));
            int answer = pool.blockOn(task);
            // Inside a task, never block: await by composing, e.g. task.map(...) or Futures.joinAll(...).
            // @end
            assertEquals(42, answer);
        }
    }

    @Test
    void closeCancelsWhatIsLeft() {
        // @start region="close"
        WorkerPool pool = new WorkerPool(1);
        JoinHandle<Void> sleeper = pool.spawn(Futures.sleep(Duration.ofDays(1)));
        pool.close(); // stops and joins the workers; the sleeper completes as cancelled
        boolean finished = sleeper.isFinished(); // true
        // @end
        assertTrue(finished);
        JoinError error = assertThrows(JoinError.class, () -> sleeper.poll(Context.of(Waker.noop())));
        assertTrue(error.isCancelled());
    }

    @Test
    void abort() {
        try (WorkerPool pool = new WorkerPool(2)) {
            // @start region="abort"
            JoinHandle<Void> sleeper = pool.spawn(Futures.sleep(Duration.ofDays(1)));
            sleeper.abort(); // cancelled on its worker: the sleep leaves the timer wheel
            boolean cancelled;
            try {
                pool.blockOn(sleeper);
                cancelled = false;
            } catch (JoinError e) {
                cancelled = e.isCancelled(); // true
            }
            // @end
            assertTrue(cancelled);
            assertEquals(0, pool.armedTimers());
        }
    }

    @Test
    void joinHandleFailure() {
        try (WorkerPool pool = new WorkerPool(2)) {
            // @start region="join-handle"
            JoinHandle<Integer> failing = pool.spawn(Futures.ready(0).map(zero -> 1 / zero));
            Throwable cause = null;
            try {
                pool.blockOn(failing);
            } catch (JoinError e) {
                cause = e.getCause(); // the ArithmeticException the task threw; e.isCancelled() is false
            }
            // @end
            assertTrue(cause instanceof ArithmeticException, String.valueOf(cause));
        }
    }

    @Test
    void localExecutor() {
        // @start region="local-executor"
        // Everything on the calling thread: the main future, the spawned tasks, timers and sockets.
        List<String> both;
        try (LocalExecutor executor = new LocalExecutor()) {
            JoinHandle<String> first = executor.spawnLocal(Futures.sleep(Duration.ofMillis(20)).map(slept -> "first"));
            JoinHandle<String> second = executor.spawnLocal(Futures.sleep(Duration.ofMillis(20)).map(slept -> "second"));
            both = executor.blockOn(Futures.joinAll(List.of(first, second))); // the two sleeps overlap
        }
        // @end
        assertEquals(List.of("first", "second"), both);
    }
}
