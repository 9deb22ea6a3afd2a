package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import threadmill.futures.Context;
import threadmill.futures.time.TickClock;
import threadmill.futures.time.TimerEntry;

/**
 * The driver fires its timers against a clock the test moves: nothing waits for real time, and
 * a test thread descheduled for a while changes nothing (the timers are 10 s long and armed at
 * once, so only a 10 s stall between creating one and arming it could make it due early).
 */
class DriverTest {

    private static final long TEN_SECONDS = Duration.ofSeconds(10).toNanos() / TickClock.TICK_NANOS;

    /**
     * A worker passes the room left in its run queue: a turn must wake no more timers than
     * that, and leave the rest due in the wheel for the next turn rather than drop them.
     */
    @Test
    void aTurnWakesNoMoreTimersThanItsLimitAndTheNextTurnWakesTheRest() {
        AtomicInteger woken = new AtomicInteger();
        Context cx = Context.of(woken::incrementAndGet);
        long[] now = {TickClock.nowTicks()};
        try (Driver driver = new Driver(() -> now[0])) {
            Driver.Previous previous = driver.enter();
            try {
                for (int i = 0; i < 300; i++) {
                    assertFalse(new TestTimer(Duration.ofSeconds(10)).elapsed(cx));
                }
                driver.turn(false, 1_000);
                assertEquals(0, woken.get(), "none is due before its 10 s");

                now[0] = TickClock.nowTicks() + TEN_SECONDS + 1;
                driver.turn(false, 100);
                assertEquals(100, woken.get());
                assertEquals(200, driver.timer().size());
                driver.turn(false, 1_000);
                assertEquals(300, woken.get());
                assertEquals(0, driver.timer().size());
            } finally {
                previous.restore();
            }
        }
    }

    private static final class TestTimer extends TimerEntry {
        TestTimer(Duration delay) {
            super(delay);
        }

        boolean elapsed(Context cx) {
            return pollElapsed(cx);
        }
    }
}
