package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import threadmill.futures.Context;
import threadmill.futures.time.Clock;
import threadmill.futures.time.TimerEntry;

class DriverTest {

    /**
     * A worker passes the room left in its run queue: a turn must wake no more timers than
     * that, and leave the rest due in the wheel for the next turn rather than drop them.
     */
    @Test
    void aTurnWakesNoMoreTimersThanItsLimitAndTheNextTurnWakesTheRest() throws InterruptedException {
        AtomicInteger woken = new AtomicInteger();
        Context cx = Context.of(woken::incrementAndGet);
        try (Driver driver = new Driver()) {
            Driver previous = Driver.enter(driver);
            try {
                for (int i = 0; i < 300; i++) {
                    assertFalse(new Timer(Duration.ofMillis(1)).elapsed(cx));
                }
                long allDue = Clock.nowTicks() + Duration.ofMillis(1).toNanos() / Clock.TICK_NANOS + 1;
                while (Clock.nowTicks() < allDue) {
                    Thread.sleep(1);
                }
                driver.turn(false, 100);
                assertEquals(100, woken.get());
                assertEquals(200, driver.timer().size());
                driver.turn(false, 1_000);
                assertEquals(300, woken.get());
                assertEquals(0, driver.timer().size());
            } finally {
                Driver.exit(previous);
            }
        }
    }

    private static final class Timer extends TimerEntry {
        Timer(Duration delay) {
            super(delay);
        }

        boolean elapsed(Context cx) {
            return pollElapsed(cx);
        }
    }
}
