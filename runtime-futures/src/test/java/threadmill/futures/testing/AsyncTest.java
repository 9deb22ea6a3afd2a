package threadmill.futures.testing;

import java.time.Duration;
import java.util.function.Function;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.executor.LocalExecutor;
import threadmill.futures.executor.WorkerPool;

/**
 * {@code #[tokio::test]} for JUnit: runs a future to completion on a fresh runtime that is
 * closed afterwards, with a generous deadline so that a lost wake-up fails the test instead of
 * hanging it.
 */
public final class AsyncTest {

    /** How long a test future may take before it is failed as hung. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private AsyncTest() {
    }

    /** {@code #[tokio::test]} (current-thread flavour): a LocalExecutor on the test thread. */
    public static <T> T run(Future<T> future) {
        try (LocalExecutor executor = new LocalExecutor()) {
            return executor.blockOn(Futures.timeout(future, DEADLINE));
        }
    }

    /** The same with the executor at hand, for tests that spawn local tasks. */
    public static <T> T runLocal(Function<LocalExecutor, Future<T>> test) {
        try (LocalExecutor executor = new LocalExecutor()) {
            return executor.blockOn(Futures.timeout(test.apply(executor), DEADLINE));
        }
    }

    /** {@code #[tokio::test(flavor = "multi_thread", worker_threads = n)]}. */
    public static <T> T runOnPool(int workers, Function<WorkerPool, Future<T>> test) {
        try (WorkerPool pool = new WorkerPool(workers)) {
            return pool.blockOn(Futures.timeout(test.apply(pool), DEADLINE));
        }
    }
}
