package threadmill.futures.time;

import java.time.Duration;

/**
 * The runtime's monotonic clock, counted in ticks of a quarter millisecond. Deadlines are
 * rounded up to the next tick and a timer fires once the clock has reached its deadline, so a
 * sleep is never shorter than asked.
 *
 * <p>Why a quarter and not tokio's whole millisecond: the round-up is lateness that every timer
 * pays, half a tick on average, and every timer armed within one tick falls due at the same
 * instant, a batch the workers then run one after another. A quarter-millisecond tick cuts the
 * round-up to a quarter and splits such a batch in four, spread as the timers were armed; it
 * costs the driver more wake-ups only when timers are due in more distinct ticks.
 */
public final class TickClock {

    /** The length of one tick. */
    public static final long TICK_NANOS = 250_000;

    /**
     * The longest sleep or timeout: 2^30 ticks less one (3.1 days), so that a deadline kept as
     * an int tick is within 2^31 ticks of the wheel's time even when that lags behind.
     */
    public static final Duration MAX_DELAY = Duration.ofNanos(((1L << 30) - 1) * TICK_NANOS);

    private static final long ORIGIN = System.nanoTime();

    private TickClock() {
    }

    /** Ticks since the runtime's time origin. */
    public static long nowTicks() {
        return (System.nanoTime() - ORIGIN) / TICK_NANOS;
    }

    /**
     * Nanoseconds from now until tick {@code tick} starts (negative once it has). A driver waits
     * this long rather than a whole number of ticks from a truncated "now", which would
     * overshoot by up to a tick.
     */
    public static long nanosUntil(long tick) {
        return tick * TICK_NANOS - (System.nanoTime() - ORIGIN);
    }

    /** The first tick at or after now + delay. */
    static long deadlineTick(Duration delay) {
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException(
                    "delay must be between 0 and " + MAX_DELAY.toMillis() + " ms, was " + delay);
        }
        return (System.nanoTime() - ORIGIN + delay.toNanos() + TICK_NANOS - 1) / TICK_NANOS;
    }
}
