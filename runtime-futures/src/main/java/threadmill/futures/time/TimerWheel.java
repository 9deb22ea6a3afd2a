package threadmill.futures.time;

import java.util.List;
import java.util.concurrent.CancellationException;
import threadmill.futures.runtime.RuntimeContext;
import threadmill.futures.task.Waker;

/**
 * A hierarchical timing wheel in ticks of the {@link TickClock} (250 µs; the shape of tokio's
 * time driver, which ticks at 1 ms): 6 levels of 64 slots; a level {@code l} slot covers 64^l
 * ticks, so the wheel spans 2^36 ticks, more than the longest allowed delay. An entry sits in
 * the level of the highest 6-bit group in which its deadline differs from the wheel's time; when
 * time reaches a slot of a higher level, its entries cascade to lower levels. Insert and cancel
 * are O(1) (intrusive circular lists behind one sentinel per slot); finding the next deadline is
 * a few bit scans per level; the cost of advancing is proportional to the entries that fire or
 * cascade, never to how many are armed.
 *
 * <p>A higher-level slot whose entries were appended in deadline order (the common case: many
 * tasks sleeping, or timing out after, the same duration) is not cascaded: it is fired from its
 * front, as its entries fall due, so each entry is touched once, when it fires, instead of once
 * more to be moved down (a move is a cache miss per entry). A slot that receives an entry
 * earlier than its last one is cascaded as usual.
 *
 * <p>Each executor thread's driver owns one wheel, which it enters as the thread's
 * {@link #CONTEXT}: a timer polled on that thread arms there, and fires there.
 *
 * <p>Thread rules: the owning driver's thread advances the wheel; any thread may arm, poll and
 * disarm entries, and one that arms wakes the owner ({@link #wakeOwner()}) to recompute how long
 * it may block. All of it happens under this object's monitor, which is uncontended unless a
 * task migrated to another worker since it armed its timer.
 *
 * <p>Shutdown: {@link #drainTo} closes the wheel. Entries still armed then are cancelled, not
 * elapsed: polling one throws {@link CancellationException}, and so does arming a new one.
 */
public final class TimerWheel {

    private static final int LEVELS = 6;
    private static final int SLOT_BITS = 6;
    private static final int SLOTS = 1 << SLOT_BITS;

    /** {@link #nextDeadline()} when nothing is armed. */
    public static final long NONE = Long.MAX_VALUE;

    /** The wheel of the runtime thread polling a timer: where the timer arms itself. */
    public static final RuntimeContext<TimerWheel> CONTEXT = new RuntimeContext<>("a timer");

    /**
     * The {@code next} link of an entry that fired, for good (an entry is never armed twice):
     * the task it wakes reads it without the lock, since the wake that follows the firing
     * orders the write before the task's poll. A stale read only sends the poll to the locked
     * path. So a woken sleeper does not take the wheel's monitor again to learn that it fired,
     * which on another worker than the wheel's owner would wait behind a whole expiry batch.
     */
    static final TimerEntry FIRED = new SlotHead();
    /**
     * The {@code next} link of an entry that was still armed when its wheel was drained by a
     * runtime shutting down: polling it throws {@link CancellationException}, arming on a
     * drained wheel too. An entry merely unlinked would read as elapsed, and a sleep awaited by
     * {@code blockOn} would end as soon as its pool closed instead of failing.
     */
    static final TimerEntry CANCELLED = new SlotHead();

    private final TimerEntry[] slots = new TimerEntry[LEVELS * SLOTS];
    /** Per slot: an entry was appended with an earlier deadline than the one before it. */
    private final boolean[] unordered = new boolean[LEVELS * SLOTS];
    private final long[] occupied = new long[LEVELS];
    private long elapsed;
    private int armed;
    private int nextLevel;
    private int nextSlot;
    private boolean closed;
    private final Waker owner;

    /**
     * A wheel whose time starts at the {@link TickClock}'s now. {@code owner} wakes the thread
     * that advances it, if that thread is blocked, so that it recomputes its timeout.
     */
    public TimerWheel(Waker owner) {
        this(TickClock.nowTicks(), owner);
    }

    /** A wheel whose time starts at tick {@code now}: tests drive it in absolute ticks. */
    TimerWheel(long now, Waker owner) {
        this.owner = owner;
        for (int i = 0; i < slots.length; i++) {
            TimerEntry head = new SlotHead();
            head.prev = head;
            head.next = head;
            slots[i] = head;
        }
        elapsed = now;
    }

    /**
     * Arms a new entry with {@code waker}; returns true instead if its deadline is already past.
     * {@code now} is the caller's reading of the clock, taken before the lock: by the time the
     * lock is held, the owner may have advanced the wheel beyond it. An entry is therefore due
     * when either that reading or the wheel's own time has reached its deadline (tokio's
     * {@code InsertError::Elapsed}): inserted behind the wheel's position, it would wait a whole
     * turn of its level (16 ms at level 0, a second at level 1, a minute at level 2).
     */
    synchronized boolean arm(TimerEntry entry, Waker waker, long now) {
        if (closed) {
            throw shutDown("cannot arm a timer");
        }
        entry.wheel = this;
        long current = Math.max(now, elapsed);
        if (entry.deadlineNear(current) <= current) {
            entry.next = FIRED;
            return true;
        }
        entry.waker = waker;
        insert(entry);
        armed++;
        return false;
    }

    /**
     * True if the entry has fired; otherwise keeps {@code waker} as the one to wake. Throws
     * {@link CancellationException} if the wheel was drained before the entry fired.
     */
    synchronized boolean poll(TimerEntry entry, Waker waker) {
        if (entry.prev == null) {
            if (entry.next == CANCELLED) {
                throw shutDown("timer cancelled");
            }
            return true;
        }
        entry.waker = waker;
        return false;
    }

    /**
     * An entry was just armed, maybe by another thread than the owner: a blocked owner must
     * recompute how long it may block. Called outside the lock; costs a running owner's waker
     * one volatile read.
     */
    void wakeOwner() {
        owner.wake();
    }

    synchronized void disarm(TimerEntry entry) {
        if (entry.prev != null) {
            unlink(entry);
            entry.waker = null;
            armed--;
        }
    }

    /** How many entries are armed. */
    public synchronized int size() {
        return armed;
    }

    /** The tick at which the next slot is due, or {@link #NONE}. */
    public synchronized long nextDeadline() {
        return findNext(Long.MIN_VALUE);
    }

    /**
     * Advances the wheel to {@code now} and moves the wakers of entries due by then into
     * {@code due}, cascading the others of each due higher-level slot to lower levels. Stops
     * after {@code batch} entries have been fired or cascaded, so the caller can wake them
     * outside the lock and run them before the wheel goes on. Returns true when it stopped early.
     *
     * <p>Why cascades count: a level-1 slot holds 64 ticks (16 ms) of deadlines, every timer of
     * a burst armed within that span, and the timers due in the slot's first tick would wait
     * behind moving all of them. A slot is therefore drained from the front, partly if need be;
     * its list is in arming order, so the entries due first are usually moved first. While a
     * higher-level slot is half drained, a due slot of a lower level is served first (see
     * {@link #findNext}): the entries already cascaded fire on time while the rest of the slot
     * is moved down. A slot in deadline order is served the same way, from the front, but only
     * up to its first entry that is not due: the rest stay where they are, and the slot is due
     * again at that entry's deadline.
     */
    public synchronized boolean expire(long now, List<Waker> due, int batch) {
        int work = 0;
        while (work < batch) {
            long slotStart = findNext(now);
            if (slotStart > now) {
                elapsed = Math.max(elapsed, now);
                return false;
            }
            elapsed = Math.max(elapsed, slotStart);
            int index = nextLevel * SLOTS + nextSlot;
            TimerEntry head = slots[index];
            boolean inOrder = nextLevel > 0 && !unordered[index];
            for (; work < batch && head.next != head; work++) {
                TimerEntry e = head.next;
                boolean isDue = e.deadlineNear(elapsed) <= now;
                if (inOrder && !isDue) {
                    break;
                }
                unlink(e);
                if (isDue) {
                    due.add(e.waker);
                    e.waker = null;
                    e.next = FIRED;
                    armed--;
                } else {
                    insert(e);
                }
            }
            if (head.next == head) {
                occupied[nextLevel] &= ~(1L << nextSlot);
            }
        }
        return true;
    }

    /**
     * For a runtime that shuts down: closes the wheel, unlinks every armed entry, marks it
     * cancelled and hands its waker over. The woken tasks find their timers cancelled
     * ({@link #poll} throws), and arming on the wheel fails from now on.
     */
    public synchronized void drainTo(List<Waker> wakers) {
        closed = true;
        for (int level = 0; level < LEVELS; level++) {
            for (int slot = 0; slot < SLOTS; slot++) {
                TimerEntry head = slots[level * SLOTS + slot];
                while (head.next != head) {
                    TimerEntry e = head.next;
                    wakers.add(e.waker);
                    unlink(e);
                    e.waker = null;
                    e.next = CANCELLED;
                }
            }
            occupied[level] = 0;
        }
        armed = 0;
    }

    private static CancellationException shutDown(String what) {
        return new CancellationException(what + ": the runtime that owns its timer wheel has shut down");
    }

    private void insert(TimerEntry entry) {
        long when = entry.deadlineNear(elapsed);
        long differing = (elapsed ^ when) | (SLOTS - 1);
        int level = Math.min(LEVELS - 1, (63 - Long.numberOfLeadingZeros(differing)) / SLOT_BITS);
        int slot = (int) (when >>> (level * SLOT_BITS)) & (SLOTS - 1);
        int index = level * SLOTS + slot;
        TimerEntry head = slots[index];
        TimerEntry last = head.prev;
        if (last == head) {
            unordered[index] = false;
        } else if (when < last.deadlineNear(elapsed)) {
            unordered[index] = true;
        }
        entry.prev = last;
        entry.next = head;
        last.next = entry;
        head.prev = entry;
        occupied[level] |= 1L << slot;
    }

    private static void unlink(TimerEntry entry) {
        entry.prev.next = entry.next;
        entry.next.prev = entry.prev;
        entry.prev = null;
        entry.next = null;
    }

    /**
     * The start of the slot to serve next, with its level and index left in nextLevel and
     * nextSlot: the slot of the lowest level that is due by {@code now}, or if none is, the
     * earliest occupied slot (on a tie the lower level). Every level is looked at, not just the
     * lowest occupied one, because a higher-level slot whose time has come may still hold
     * entries when {@link #expire} stopped half-way through it; a due lower-level slot goes
     * first because it holds entries already moved down from such a slot, which are due now,
     * while what is left above is mostly due later. A higher-level slot in deadline order is
     * due when its first entry is, not when its time span starts. Bits of slots emptied by
     * cancels are cleared here, lazily.
     */
    private long findNext(long now) {
        long earliest = NONE;
        for (int level = 0; level < LEVELS; level++) {
            while (occupied[level] != 0) {
                int shift = level * SLOT_BITS;
                int position = (int) (elapsed >>> shift) & (SLOTS - 1);
                int slot = (position + Long.numberOfTrailingZeros(Long.rotateRight(occupied[level], position)))
                        & (SLOTS - 1);
                TimerEntry head = slots[level * SLOTS + slot];
                if (head.next == head) {
                    occupied[level] &= ~(1L << slot);
                    continue;
                }
                long levelSpan = 1L << (shift + SLOT_BITS);
                long start = (elapsed & -levelSpan) + ((long) slot << shift);
                if (slot < position) {
                    start += levelSpan;
                }
                if (level > 0 && !unordered[level * SLOTS + slot]) {
                    start = Math.max(start, head.next.deadlineNear(elapsed));
                }
                if (start < earliest) {
                    earliest = start;
                    nextLevel = level;
                    nextSlot = slot;
                }
                if (start <= now) {
                    return start;
                }
                break;
            }
        }
        return earliest;
    }

    /** The sentinel of a slot's circular list; never armed itself. */
    private static final class SlotHead extends TimerEntry {
    }
}
