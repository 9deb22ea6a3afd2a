package threadmill.futures.time;

import java.time.Duration;
import threadmill.futures.Context;
import threadmill.futures.task.Waker;

/**
 * A timer-wheel node that a future embeds by extending it, the way a Rust async block stores its
 * {@code Sleep} inline: the future is its own wheel entry, so arming a timer allocates nothing
 * and costs 20 bytes of fields with compressed oops (deadline as an int tick, waker, wheel, and
 * the two links of the slot's intrusive doubly-linked list, which make cancel O(1)).
 *
 * <p>States: new ({@code wheel == null}); armed ({@code prev != null}, linked in a slot);
 * elapsed ({@code wheel != null}, unlinked; {@code next == FIRED} once it fired); cancelled by a
 * shutdown ({@code next == CANCELLED}: the wheel was drained first). The links and the waker are
 * guarded by the wheel's lock, except that a fired entry's {@code next} is read without it; the
 * deadline is fixed once the entry is armed.
 */
public abstract class TimerEntry {

    int deadline;
    Waker waker;
    TimerWheel wheel;
    TimerEntry prev;
    TimerEntry next;

    /** An entry whose deadline is now + delay, rounded up to the next tick of the {@link TickClock}. */
    protected TimerEntry(Duration delay) {
        this.deadline = (int) TickClock.deadlineTick(delay);
    }

    /**
     * An entry whose deadline is set by {@link #startTimer} when its future first runs, the way
     * a Rust async block creates its {@code Sleep} only when execution reaches it.
     */
    protected TimerEntry() {
    }

    /** Sets the deadline to now + delay; call before the first {@link #pollElapsed}. */
    protected final void startTimer(Duration delay) {
        if (wheel != null) {
            throw new IllegalStateException("timer already started");
        }
        this.deadline = (int) TickClock.deadlineTick(delay);
    }

    /**
     * True once the deadline has passed. Otherwise arms the entry on first call (in the timer
     * wheel of the polling thread's runtime) or updates its waker, and returns false: the waker
     * is woken when the deadline passes.
     *
     * @throws java.util.concurrent.CancellationException if the runtime that owns the wheel shut
     *         down before the deadline: the timer will never fire
     */
    protected final boolean pollElapsed(Context cx) {
        TimerWheel w = wheel;
        if (w != null) {
            return next == TimerWheel.FIRED || w.poll(this, cx.waker());
        }
        TimerWheel current = TimerWheel.CONTEXT.get();
        if (current.arm(this, cx.waker(), TickClock.nowTicks())) {
            return true;
        }
        current.wakeOwner();
        return false;
    }

    /** True once the entry has been polled: it is armed or has elapsed. */
    protected final boolean started() {
        return wheel != null;
    }

    /** Removes the entry from its wheel if it is armed: O(1). */
    protected final void disarm() {
        TimerWheel w = wheel;
        if (w != null) {
            w.disarm(this);
        }
    }

    /** The full deadline, given a time within 2^31 ticks of it. */
    final long deadlineNear(long now) {
        return now + (deadline - (int) now);
    }
}
