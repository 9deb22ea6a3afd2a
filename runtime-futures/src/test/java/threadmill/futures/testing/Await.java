package threadmill.futures.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting on the test's own thread for something the runtime does, never through the runtime's
 * timers (which a broken runtime might never fire): polls the condition and fails the test,
 * naming what it waited for, after a generous deadline.
 */
public final class Await {

    /** Long enough for a loaded 2-core machine; reached only when the awaited thing never happens. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Await() {
    }

    /** Waits until {@code condition} holds, for at most {@link #DEADLINE}. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, what, DEADLINE);
    }

    /** Waits until {@code condition} holds, for at most {@code deadline}. */
    public static void until(BooleanSupplier condition, String what, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - end < 0, "timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }
}
