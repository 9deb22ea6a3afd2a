package threadmill.futures.time;

import java.time.Duration;

/**
 * The runtime's monotonic millisecond clock. Deadlines are rounded up to the next whole
 * millisecond and a timer fires once the clock has reached its deadline, so a sleep is never
 * shorter than asked.
 */
public final class Clock {

    /** The longest sleep or timeout: 2^29 ms (6.2 days), so that deadlines fit in an int. */
    public static final Duration MAX_DELAY = Duration.ofMillis((1L << 29) - 1);

    private static final long ORIGIN = System.nanoTime();

    private Clock() {
    }

    /** Milliseconds since the runtime's time origin. */
    public static long nowMillis() {
        return (System.nanoTime() - ORIGIN) / 1_000_000;
    }

    /** The first tick at or after now + delay. */
    static long deadlineMillis(Duration delay) {
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException(
                    "delay must be between 0 and " + MAX_DELAY.toMillis() + " ms, was " + delay);
        }
        return (System.nanoTime() - ORIGIN + delay.toNanos() + 999_999) / 1_000_000;
    }
}
