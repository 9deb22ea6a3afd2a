package threadmill.futures.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.futures.task.Waker;

/** The wheel driven by hand: time is whatever {@code now} the test passes to expire. */
class TimerWheelTest {

    private final TimerWheel wheel = new TimerWheel();
    private final List<String> fired = new ArrayList<>();
    private final long start = Clock.nowMillis();

    private Entry arm(String name, Duration delay) {
        Entry e = new Entry(delay);
        assertFalse(wheel.arm(e, () -> fired.add(name), start), name + " must not be due at once");
        return e;
    }

    private long due(Entry e) {
        return e.deadlineNear(start);
    }

    private void advanceTo(long now) {
        List<Waker> due = new ArrayList<>();
        while (wheel.expire(now, due, 2)) {
            due.forEach(Waker::wake);
            due.clear();
        }
        due.forEach(Waker::wake);
    }

    @Test
    void firesInDeadlineOrderAndNeverEarly() {
        arm("c", Duration.ofMillis(300));
        Entry a = arm("a", Duration.ofMillis(5));
        arm("b", Duration.ofMillis(70));
        Entry d = arm("d", Duration.ofMillis(4_100));
        advanceTo(due(a) - 1);
        assertEquals(List.of(), fired);
        for (long t = due(a); t <= due(d); t++) {
            advanceTo(t);
        }
        assertEquals(List.of("a", "b", "c", "d"), fired);
        assertEquals(0, wheel.size());
    }

    @Test
    void nextDeadlineIsTheEarliestSlot() {
        assertEquals(TimerWheel.NONE, wheel.nextDeadline());
        arm("x", Duration.ofMillis(40));
        Entry y = arm("y", Duration.ofMillis(10));
        // Either y's own tick, or earlier: the start of the higher-level slot it must cascade from.
        long next = wheel.nextDeadline();
        assertTrue(next > start && next <= due(y), "next " + next + ", y due at " + due(y));
        advanceTo(next);
        assertEquals(next == due(y) ? List.of("y") : List.of(), fired);
        if (next < due(y)) {
            assertEquals(due(y), wheel.nextDeadline(), "after the cascade the wheel knows y's own tick");
        }
    }

    @Test
    void cancelRemovesAnEntryInConstantTime() {
        Entry keep = arm("keep", Duration.ofMillis(20));
        Entry drop = arm("drop", Duration.ofMillis(20));
        wheel.disarm(drop);
        wheel.disarm(drop);
        assertEquals(1, wheel.size());
        advanceTo(start + 1_000);
        assertEquals(List.of("keep"), fired);
        assertTrue(wheel.poll(keep, Waker.noop()), "a fired entry reports elapsed");
    }

    @Test
    void farDeadlinesBeyondOneRotationCascadeDown() {
        Entry hour = arm("hour", Duration.ofHours(1));
        Entry day = arm("day", Duration.ofDays(1));
        Entry sixDays = arm("six-days", Duration.ofDays(6));
        advanceTo(due(hour) - 1);
        assertEquals(List.of(), fired);
        advanceTo(due(hour));
        assertEquals(List.of("hour"), fired);
        advanceTo(due(day) - 1);
        assertEquals(List.of("hour"), fired);
        advanceTo(due(day));
        assertEquals(List.of("hour", "day"), fired);
        advanceTo(due(sixDays));
        assertEquals(List.of("hour", "day", "six-days"), fired);
    }

    @Test
    void aDeadlineAlreadyPastIsElapsedWithoutArming() {
        Entry e = new Entry(Duration.ZERO);
        assertTrue(wheel.arm(e, Waker.noop(), Clock.nowMillis() + 1));
        assertEquals(0, wheel.size());
    }

    @Test
    void delaysBeyondTheWheelAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Entry(Duration.ofDays(30)));
        assertTrue(e.getMessage().contains("PT720H"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Entry(Duration.ofMillis(-1)));
    }

    @Test
    void drainHandsOverEveryWaker() {
        for (int i = 0; i < 100; i++) {
            arm("e" + i, Duration.ofMillis(1 + i * 97L));
        }
        List<Waker> all = new ArrayList<>();
        wheel.drainTo(all);
        assertEquals(100, all.size());
        assertEquals(0, wheel.size());
        assertEquals(TimerWheel.NONE, wheel.nextDeadline());
    }

    private static final class Entry extends TimerEntry {
        Entry(Duration delay) {
            super(delay);
        }
    }
}
