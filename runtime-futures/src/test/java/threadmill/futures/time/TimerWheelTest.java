package threadmill.futures.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import threadmill.futures.task.Waker;

/**
 * The wheel driven by hand, in absolute ticks: the wheel's time starts at {@code START}, every
 * deadline is a tick number, and time is whatever {@code now} the test passes to expire. Nothing
 * reads the real clock, so a test thread that is descheduled changes nothing. {@code START} lies
 * just below 2^31, so the int deadlines of most tests wrap around, as they do after 6.2 days of
 * a runtime's life.
 */
class TimerWheelTest {

    private static final long START = (1L << 31) - 1_000;

    private final TimerWheel wheel = new TimerWheel(START, Waker.noop());
    private final List<String> fired = new ArrayList<>();
    private final long start = START;

    private static Duration ticks(long ticks) {
        return Duration.ofNanos(ticks * TickClock.TICK_NANOS);
    }

    /** An entry due {@code delay} ticks after the start, armed at the start. */
    private Entry arm(String name, long delay) {
        Entry e = new Entry(start + delay);
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
        arm("c", 300);
        Entry a = arm("a", 5);
        arm("b", 70);
        Entry d = arm("d", 4_100);
        advanceTo(due(a) - 1);
        assertEquals(List.of(), fired);
        for (long t = due(a); t <= due(d); t++) {
            advanceTo(t);
        }
        assertEquals(List.of("a", "b", "c", "d"), fired);
        assertEquals(0, wheel.size());
    }

    /**
     * A wheel that is behind (a small batch per tick, less than falls due) keeps half-drained
     * slots across ticks and slot boundaries while short timers armed meanwhile fill the lowest
     * level. It must fire every entry exactly once and never early, and once it is given enough
     * batches per tick it must fire each entry at its own tick: a half-drained higher-level slot
     * must not hide behind lower-level entries that are not due yet.
     */
    @Test
    void halfDrainedSlotsStillFireEveryEntryOnceNeverEarlyAndThenOnTime() {
        int longTimers = 5_000;
        int ticks = 2_400;
        int throttledTicks = 2_150;
        long[] firedAt = new long[longTimers + ticks];
        long[] deadline = new long[longTimers + ticks];
        long[] now = {start};
        for (int i = 0; i < longTimers; i++) {
            deadline[i] = due(armRecording(i, start + 2_000 + (long) i * 300 / longTimers, now, firedAt));
        }
        List<Waker> due = new ArrayList<>();
        for (int tick = 0; tick < ticks; tick++) {
            now[0] = start + tick;
            deadline[longTimers + tick] = due(armRecording(longTimers + tick, now[0] + 10, now, firedAt));
            if (tick < throttledTicks) {
                wheel.expire(now[0], due, 12);
                due.forEach(Waker::wake);
                due.clear();
            } else {
                advanceTo(now[0]);
            }
        }
        for (int i = 0; i < deadline.length; i++) {
            now[0] = Math.max(now[0], deadline[i]);
        }
        advanceTo(now[0]);
        assertEquals(0, wheel.size());
        for (int i = 0; i < deadline.length; i++) {
            assertTrue(firedAt[i] >= deadline[i], "entry " + i + " fired at " + firedAt[i] + ", due " + deadline[i]);
            if (deadline[i] > start + throttledTicks && deadline[i] < start + ticks) {
                assertEquals(deadline[i], firedAt[i], "entry " + i + " fired late once the wheel kept up");
            }
        }
    }

    /**
     * A level-1 slot far larger than a batch is cascaded over many expire calls. Entries that an
     * early call moved down to level 0 must fire at their own tick, ahead of the rest of the
     * slot still waiting above to be moved: a million timers put 200,000 entries in one such slot.
     */
    @Test
    void entriesAlreadyCascadedFireOnTimeWhileTheirSlotIsStillBeingMovedDown() {
        int timers = 4_000;
        int spanMillis = 60;
        long slotStart = (start + 128) & -64L;
        long[] now = {start};
        long[] firedAt = new long[timers];
        long[] deadline = new long[timers];
        for (int i = 0; i < timers; i++) {
            deadline[i] = due(armRecording(i, slotStart + 1 + (long) i * spanMillis / timers, now, firedAt));
        }
        List<Waker> due = new ArrayList<>();
        // 16 entries a tick, far fewer than fall due: the slot takes hundreds of ticks to move down.
        for (; now[0] <= slotStart + 2 * 64; now[0]++) {
            wheel.expire(now[0], due, 16);
            due.forEach(Waker::wake);
            due.clear();
        }
        advanceTo(deadline[timers - 1] + 1_000);
        int onTime = 0;
        for (int i = 0; i < timers; i++) {
            assertTrue(firedAt[i] >= deadline[i], "entry " + i + " fired early");
            if (firedAt[i] == deadline[i]) {
                onTime++;
            }
        }
        // Serving the slot above first, as the wheel once did, fired none of them on time.
        assertTrue(onTime >= 10, "only " + onTime + " entries fired at their own tick while their slot was moved down");
    }

    /**
     * Entries appended to a higher-level slot in deadline order stay in it and fire from its
     * front: the wheel is due at the first entry's own tick, not at the slot's start, and every
     * entry fires at its tick even with a batch far smaller than the slot.
     */
    @Test
    void aSlotInDeadlineOrderIsDueAtItsFirstEntryAndFiresFromTheFront() {
        long slotStart = (start + 256) & -64L;
        long[] now = {start};
        int timers = 600;
        long[] firedAt = new long[timers];
        long[] deadline = new long[timers];
        // Deadlines in order, 20 per tick.
        for (int i = 0; i < timers; i++) {
            deadline[i] = due(armRecording(i, slotStart + 3 + i / 20, now, firedAt));
        }
        assertEquals(deadline[0], wheel.nextDeadline(), "due at its first entry, not at the slot's start");
        List<Waker> due = new ArrayList<>();
        for (now[0] = start; now[0] <= deadline[timers - 1]; now[0]++) {
            // 50 a tick: more than fall due in one (20), far fewer than the slot holds.
            wheel.expire(now[0], due, 50);
            due.forEach(Waker::wake);
            due.clear();
        }
        for (int i = 0; i < timers; i++) {
            assertEquals(deadline[i], firedAt[i], "entry " + i + " fired off its tick");
        }
        assertEquals(0, wheel.size());
    }

    /**
     * Random delays, some in runs of the same duration and some not, and random cancels: with
     * enough batch every entry fires exactly once at its own tick, with a small batch exactly
     * once and never early, and no cancelled entry fires.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 10_000})
    void randomTimersFireOnceAtTheirTickOrLaterAndCancelledOnesNever(int batch) {
        Random random = new Random(42);
        int timers = 3_000;
        long[] now = {start};
        long[] firedAt = new long[timers];
        long[] deadline = new long[timers];
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < timers; i++) {
            long delay = random.nextInt(4) == 0 ? 1 + random.nextInt(9_000) : 2_000 + i / 7;
            Entry e = armRecording(i, start + delay, now, firedAt);
            deadline[i] = due(e);
            entries.add(e);
        }
        boolean[] cancelled = new boolean[timers];
        for (int i = 0; i < timers / 10; i++) {
            int victim = random.nextInt(timers);
            cancelled[victim] = true;
            wheel.disarm(entries.get(victim));
        }
        List<Waker> due = new ArrayList<>();
        long last = 0;
        for (long d : deadline) {
            last = Math.max(last, d);
        }
        for (now[0] = start; now[0] <= last + 20_000 && wheel.size() > 0; now[0]++) {
            wheel.expire(now[0], due, batch);
            due.forEach(Waker::wake);
            due.clear();
        }
        assertEquals(0, wheel.size(), "batch " + batch);
        for (int i = 0; i < timers; i++) {
            if (cancelled[i]) {
                assertEquals(0, firedAt[i], "cancelled entry " + i + " fired");
            } else if (batch == 10_000) {
                assertEquals(deadline[i], firedAt[i], "entry " + i + " fired off its tick");
            } else {
                assertTrue(firedAt[i] >= deadline[i], "entry " + i + " fired early (batch " + batch + ")");
            }
        }
    }

    /** Arms an entry due at tick {@code deadline} that records the {@code now} it fired at. */
    private Entry armRecording(int index, long deadline, long[] now, long[] firedAt) {
        Entry e = new Entry(deadline);
        assertFalse(wheel.arm(e, () -> {
            assertEquals(0, firedAt[index], "entry " + index + " fired twice");
            firedAt[index] = now[0];
        }, now[0]));
        return e;
    }

    @Test
    void nextDeadlineIsTheEarliestSlot() {
        assertEquals(TimerWheel.NONE, wheel.nextDeadline());
        arm("x", 40);
        Entry y = arm("y", 10);
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
        Entry keep = arm("keep", 20);
        Entry drop = arm("drop", 20);
        wheel.disarm(drop);
        wheel.disarm(drop);
        assertEquals(1, wheel.size());
        advanceTo(start + 1_000);
        assertEquals(List.of("keep"), fired);
        assertTrue(wheel.poll(keep, Waker.noop()), "a fired entry reports elapsed");
    }

    @Test
    void farDeadlinesBeyondOneRotationCascadeDown() {
        Entry hour = arm("hour", Duration.ofHours(1).toNanos() / TickClock.TICK_NANOS);
        Entry day = arm("day", Duration.ofDays(1).toNanos() / TickClock.TICK_NANOS);
        Entry threeDays = arm("three-days", Duration.ofDays(3).toNanos() / TickClock.TICK_NANOS);
        advanceTo(due(hour) - 1);
        assertEquals(List.of(), fired);
        advanceTo(due(hour));
        assertEquals(List.of("hour"), fired);
        advanceTo(due(day) - 1);
        assertEquals(List.of("hour"), fired);
        advanceTo(due(day));
        assertEquals(List.of("hour", "day"), fired);
        advanceTo(due(threeDays));
        assertEquals(List.of("hour", "day", "three-days"), fired);
    }

    @Test
    void aDeadlineAlreadyPastIsElapsedWithoutArming() {
        Entry e = new Entry(start);
        assertTrue(wheel.arm(e, Waker.noop(), start + 1));
        assertEquals(0, wheel.size());
    }

    /**
     * Another thread read the clock, then the wheel's owner advanced the wheel past that reading
     * before the thread took the lock to arm (a WorkerPool.blockOn timer is armed from outside
     * in worker 0's wheel). An entry whose deadline the wheel's own time has passed is due at
     * once: inserted behind the wheel's position, it would fire a whole turn of its level late.
     */
    @Test
    void anEntryArmedWithAStaleClockReadingIsDueByTheWheelsOwnTime() {
        advanceTo(start + 100);
        for (long deadline : new long[] {start + 50, start + 99, start + 100}) {
            Entry late = new Entry(deadline);
            assertTrue(wheel.arm(late, () -> fired.add("late"), start),
                    "due at " + (deadline - start) + ", wheel at 100, caller's clock at 0: due at once");
            assertTrue(wheel.poll(late, Waker.noop()), "and reads as elapsed afterwards");
        }
        assertEquals(0, wheel.size());
        Entry next = new Entry(start + 101);
        assertFalse(wheel.arm(next, () -> fired.add("next"), start));
        advanceTo(start + 101);
        assertEquals(List.of("next"), fired, "an entry due after the wheel's time still waits for its tick");
    }

    @Test
    void delaysBeyondTheWheelAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Entry(Duration.ofDays(30)));
        assertTrue(e.getMessage().contains("PT720H"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Entry(ticks(-1)));
    }

    @Test
    void drainHandsOverEveryWaker() {
        for (int i = 0; i < 100; i++) {
            arm("e" + i, 1 + i * 97L);
        }
        List<Waker> all = new ArrayList<>();
        wheel.drainTo(all);
        assertEquals(100, all.size());
        assertEquals(0, wheel.size());
        assertEquals(TimerWheel.NONE, wheel.nextDeadline());
    }

    /**
     * A runtime that shuts down drains its wheel and wakes the waiters: what they then poll must
     * read as cancelled, not as elapsed (a 10 s sleep would otherwise end early, silently), and
     * a timer armed afterwards must fail rather than wait in a wheel nobody advances.
     */
    @Test
    void drainedEntriesReadAsCancelledAndAClosedWheelRefusesNewOnes() {
        Entry armed = arm("armed", 40);
        Entry fired = arm("fired", 10);
        advanceTo(start + 10);
        wheel.drainTo(new ArrayList<>());
        CancellationException e = assertThrows(CancellationException.class, () -> wheel.poll(armed, Waker.noop()));
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
        assertTrue(wheel.poll(fired, Waker.noop()), "an entry that fired before the shutdown has elapsed");
        assertThrows(CancellationException.class, () -> wheel.arm(new Entry(start + 50), Waker.noop(), start + 10));
        assertThrows(CancellationException.class, () -> wheel.arm(new Entry(start), Waker.noop(), start + 10),
                "even one already due: the wheel's runtime is gone");
        assertEquals(0, wheel.size());
    }

    private static final class Entry extends TimerEntry {
        /** Due at tick {@code deadline}, with no clock involved. */
        Entry(long deadline) {
            this.deadline = (int) deadline;
        }

        /** Due {@code delay} after the real clock's now, as a Sleep is. */
        Entry(Duration delay) {
            super(delay);
        }
    }
}
