package threadmill.futures.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import threadmill.futures.runtime.RuntimeContext;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.Waker;

/**
 * The I/O driver: one {@link Selector}, waited on by the thread that owns it, which wakes the
 * tasks whose sockets became ready (tokio's IO driver; Netty's NioEventLoop select loop).
 *
 * <p>Selection is level-triggered, so a task registers interest only after a read or write
 * returned 0 and no readiness is lost between the two. Interest is kept while a waker waits and
 * dropped when readiness finds no waker (the task is busy), so a ping-pong connection costs no
 * {@code epoll_ctl} per message.
 *
 * <p>Thread rules: only the owner calls {@link #poll}. Any thread may register channels and
 * change interest; those changes are applied by the selector at its next select, so a thread
 * that is not the owner calls {@link #wakeup()}. The {@code parked} flag makes that cheap: the
 * owner raises it before it blocks and lowers it once the kernel's wait returns, before it
 * dispatches; only the first waker that lowers it pays for {@code Selector.wakeup()} (a write
 * to an eventfd) and an unpark.
 *
 * <p>Each executor thread's driver owns one reactor, which it enters as the thread's
 * {@link #CONTEXT}. A socket registers, when a poll first has to wait for it, in the reactor
 * {@link #forNewChannel()} picks from the polling thread's, and stays there.
 */
public final class Reactor implements AutoCloseable {

    /** The reactor of the runtime thread polling a socket. */
    public static final RuntimeContext<Reactor> CONTEXT = new RuntimeContext<>("a socket");

    private static final long RELEASE_PATIENCE_NANOS = Tunables.RELEASE_PATIENCE_NANOS;
    /** How often a thread waiting for a release looks again, waking the selector each time. */
    private static final long RELEASE_RECHECK_NANOS = 50_000;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Selector selector;
    private final AtomicBoolean parked = new AtomicBoolean();
    private final Consumer<SelectionKey> dispatcher = this::dispatch;
    private final AtomicInteger channels = new AtomicInteger();
    private volatile Thread owner;
    /** The reactors of the same runtime, this one at {@link #index}: set before the owners start. */
    private Reactor[] pool = {this};
    private int index;
    /** Set by {@link #close}; guarded by this reactor's monitor, as registering is. */
    private boolean closed;
    /** Owner only: wakes the current {@link #poll} may still do, and the wakes it did. */
    private int wakeBudget;
    private int woken;

    public Reactor() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /**
     * The reactors of one runtime, this one at {@code index}: a new channel polled on this
     * reactor's thread may register in any of them (see {@link #forNewChannel()}). Call before
     * the owning threads start.
     */
    public void shareChannelsWith(Reactor[] pool, int index) {
        if (pool[index] != this) {
            throw new IllegalArgumentException("this reactor is not at index " + index + " of its pool");
        }
        this.pool = pool;
        this.index = index;
    }

    /**
     * The reactor a channel registers in when a poll on this reactor's thread first has to wait
     * for it: this one, unless another reactor of the runtime, chosen at random, has fewer
     * channels (the power of two choices: the most loaded stays within a small margin of the
     * mean). Readiness wakes a task onto its channel's reactor's thread, so the task then runs
     * there. Without the choice an accept loop, which polls every new connection first on its
     * own thread, would put them all on that one; Netty assigns each channel to an event loop
     * for the same reason.
     */
    public Reactor forNewChannel() {
        Reactor[] all = pool;
        if (all.length == 1) {
            return this;
        }
        Reactor other = all[(index + 1 + ThreadLocalRandom.current().nextInt(all.length - 1)) % all.length];
        return other.channels() < channels() ? other : this;
    }

    /** The owner is about to block: from here on, wakeups from other threads reach it. */
    public void prepareToPark() {
        parked.set(true);
    }

    /** The owner decided not to block after all. */
    public void cancelPark() {
        parked.set(false);
    }

    /** True while the owner is blocked, or about to block, in {@link #poll}. */
    public boolean isParked() {
        return parked.get();
    }

    /**
     * Makes the owner's blocking poll return (or the next one, if it is about to start). Returns
     * true if this call did wake it; false if it was not parked or someone else woke it already.
     */
    public boolean wakeup() {
        if (parked.get() && parked.getAndSet(false)) {
            selector.wakeup();
            Thread napping = owner;
            if (napping != null) {
                // The owner may be in a sub-millisecond nap instead of a select (see poll).
                LockSupport.unpark(napping);
            }
            return true;
        }
        return false;
    }

    /**
     * Waits for readiness for up to {@code timeoutNanos} (0: do not block, negative: no limit;
     * blocking requires {@link #prepareToPark()} first) and wakes the tasks whose sockets are
     * ready, at most {@code wakeLimit} of them; returns how many it woke. Owner thread only.
     *
     * <p>The limit is the room left in the owner's bounded run queue. A socket found ready beyond
     * it is not dispatched: selection is level-triggered, so it is reported again by a later
     * select (epoll hands the ready list out round-robin), while its task, woken now, would
     * overflow the run queue, which moves its oldest half to the injection queue, behind every
     * task woken after it, to wait for the fairness interval.
     *
     * <p>{@code Selector.select} counts in whole milliseconds and the kernel rounds its wait up,
     * so a timer due in a fraction of a millisecond would wait a whole one or more. The selector
     * therefore waits only the whole milliseconds of the timeout (rounded down), and what is left
     * of it, under a millisecond, is slept with {@link LockSupport#parkNanos} in this same call
     * (going back to the executor in between would let its pre-park yield hand the CPU away
     * right before the deadline). {@link #wakeup()} unparks the owner as well as waking the
     * selector, so a nap ends on a wakeup as a select does. No spinning: a nap is one timed
     * futex wait.
     */
    public int poll(long timeoutNanos, int wakeLimit) {
        Thread current = Thread.currentThread();
        if (owner != current) {
            owner = current;
        }
        wakeBudget = wakeLimit;
        woken = 0;
        try {
            if (timeoutNanos == 0) {
                selector.selectNow(dispatcher);
            } else if (timeoutNanos < 0) {
                selector.select(dispatcher, 0);
            } else {
                long deadline = System.nanoTime() + timeoutNanos;
                int ready = timeoutNanos >= NANOS_PER_MILLI
                        ? selector.select(dispatcher, timeoutNanos / NANOS_PER_MILLI)
                        : selector.selectNow(dispatcher);
                long rest = deadline - System.nanoTime();
                // Only the sub-millisecond remainder: a select that returned before its whole
                // milliseconds (its selector closed under it, an interrupt) goes back to the
                // caller, which selects again, rather than nap for the rest of the timeout.
                if (ready == 0 && rest > 0 && rest <= timeoutNanos % NANOS_PER_MILLI && parked.get()) {
                    LockSupport.parkNanos(this, rest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        } finally {
            parked.set(false);
        }
        return woken;
    }

    private void dispatch(SelectionKey key) {
        // The kernel's wait has returned: the owner is running, so a wake scheduled while it
        // dispatches (a woken task queued behind another) must not pay for a selector wakeup
        // and an empty select after it.
        if (parked.get()) {
            parked.set(false);
        }
        if (woken >= wakeBudget) {
            return;
        }
        int ready;
        try {
            ready = key.readyOps();
        } catch (CancelledKeyException closedMeanwhile) {
            // Another thread closed the channel during this select; closing woke its waiters.
            return;
        }
        woken += ((Registration) key.attachment()).ready(ready);
    }

    /** Channels registered here and not closed yet: what a new channel compares to choose a selector. */
    public int channels() {
        return channels.get();
    }

    void channelClosed() {
        channels.decrementAndGet();
    }

    /**
     * Registers a channel with no interest yet; the first would-block read or write adds it.
     * Registering and {@link #close} exclude each other (this reactor's monitor, taken once per
     * channel): a registration either is in the key set that close takes, with its key attached,
     * or is refused, so close can neither miss one nor find one half made.
     */
    Registration register(SelectableChannel channel) throws IOException {
        Registration registration = new Registration(this);
        synchronized (this) {
            if (closed) {
                throw new IOException("cannot register " + channel + ": the runtime is shut down");
            }
            try {
                registration.attach(channel.register(selector, 0, registration));
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IllegalStateException e) {
                throw new IOException("cannot register " + channel + ": " + e, e);
            }
            channels.incrementAndGet();
        }
        wakeup();
        return registration;
    }

    /**
     * Gets the selector to let go of a closed channel, whose descriptor the JDK closes only when
     * the channel's selector next selects: without this a listener would keep accepting
     * connections for a moment after close. The owner flushes its selector itself. Another
     * thread of a runtime ({@code mayWait} false) hands the release over: the owner, woken by
     * the close if it was parked, releases the descriptor at its next select, at most a turn of
     * its tasks away; waiting for that would stall every task of the closing thread on another
     * thread's work. A thread outside any runtime waits for the owner's select, so that the
     * listener refuses connections once its close returns, for at most
     * {@link Tunables#RELEASE_PATIENCE_NANOS} (a dead selector releases everything anyway).
     */
    void release(SelectableChannel channel, boolean mayWait) {
        try {
            if (Thread.currentThread() == owner) {
                poll(0, Integer.MAX_VALUE);
                return;
            }
            if (!mayWait) {
                return;
            }
            long deadline = System.nanoTime() + RELEASE_PATIENCE_NANOS;
            while (channel.isRegistered() && selector.isOpen() && System.nanoTime() - deadline < 0) {
                selector.wakeup();
                LockSupport.parkNanos(RELEASE_RECHECK_NANOS);
            }
        } catch (UncheckedIOException | ClosedSelectorException e) {
            // A selector that is gone holds no channel.
        }
    }

    /**
     * Closes the selector and wakes every task still waiting for I/O; they find their runtime
     * shut down, and so does any later wait on these registrations, or attempt to register. The
     * owner's thread, after its last poll; a second call does nothing.
     */
    @Override
    public void close() {
        List<Registration> registrations = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (SelectionKey key : selector.keys()) {
                registrations.add((Registration) key.attachment());
            }
        }
        List<Waker> waiting = new ArrayList<>();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the selector", e);
        } finally {
            for (Registration r : registrations) {
                r.shutDown(waiting);
            }
            waiting.forEach(Waker::wakeGuarded);
        }
    }
}
