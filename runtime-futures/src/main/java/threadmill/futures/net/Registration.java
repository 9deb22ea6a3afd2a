package threadmill.futures.net;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.util.List;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.Waker;

/**
 * A channel's registration with a {@link Reactor} (tokio's {@code ScheduledIo}): at most one
 * waiting reader (read or accept readiness) and one waiting writer (write or connect readiness).
 * Guarded by its own monitor: the selector thread and the polling task meet here.
 */
final class Registration {

    private static final int READ_SIDE = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
    private static final int WRITE_SIDE = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;
    /**
     * Selects that may report the read side again, with nobody waiting, before its interest is
     * dropped ({@link Tunables#READ_INTEREST_PATIENCE}, which says what it trades). The write
     * side gets none: a socket is writable nearly always, so kept write interest would be
     * reported at every select, while a write that blocks is rare.
     */
    private static final int PATIENCE = Tunables.READ_INTEREST_PATIENCE;

    private final Reactor reactor;
    private SelectionKey key;
    private Waker reader;
    private Waker writer;
    private int interest;
    private int readerPatience;
    /** The channel was closed, or its reactor shut down ({@link #shutDown}): nobody waits any more. */
    private boolean closed;
    private boolean reactorShutDown;

    /** Cleared by a reader that drained the socket; set by the selector when it reports data. */
    volatile boolean readable = true;

    Registration(Reactor reactor) {
        this.reactor = reactor;
    }

    synchronized void attach(SelectionKey key) {
        this.key = key;
    }

    /**
     * Wakes {@code waker} once the channel is ready for {@code op}. Call after the operation
     * returned 0: readiness is level-triggered, so nothing that arrived in between is lost.
     * Fails once the channel is closed or its reactor has shut down: nothing would wake it.
     */
    void await(int op, Waker waker) throws IOException {
        boolean changed;
        synchronized (this) {
            if (closed) {
                throw reactorShutDown ? new IOException("the runtime this socket was registered in has shut down")
                        : new ClosedChannelException();
            }
            if ((op & READ_SIDE) != 0) {
                reader = waker;
            } else {
                writer = waker;
            }
            changed = (interest & op) == 0;
            if (changed) {
                interest |= op;
                try {
                    key.interestOps(interest);
                } catch (CancelledKeyException e) {
                    throw new ClosedChannelException();
                }
            }
        }
        if (changed) {
            reactor.wakeup();
        }
    }

    /**
     * Selector thread: wakes the waiting sides. A read side reported with nobody waiting keeps
     * its interest for {@link #PATIENCE} reports after its last wake, and then loses it; a write
     * side loses it at once; connect interest is one-shot (a connected socket would report it
     * forever). Returns how many wakers it woke.
     */
    int ready(int readyOps) {
        Waker r = null;
        Waker w = null;
        synchronized (this) {
            int unwanted = readyOps & SelectionKey.OP_CONNECT;
            if ((readyOps & READ_SIDE) != 0) {
                readable = true;
                r = reader;
                reader = null;
                if (r != null) {
                    readerPatience = PATIENCE;
                } else if (readerPatience > 0) {
                    readerPatience--;
                } else {
                    unwanted |= READ_SIDE;
                }
            }
            if ((readyOps & WRITE_SIDE) != 0) {
                w = writer;
                writer = null;
                if (w == null) {
                    unwanted |= WRITE_SIDE;
                }
            }
            if ((interest & unwanted) != 0) {
                interest &= ~unwanted;
                try {
                    key.interestOps(interest);
                } catch (CancelledKeyException closedMeanwhile) {
                    // Closed by another thread: nobody will wait on this key again.
                }
            }
        }
        if (r != null) {
            Waker.wakeGuarded(r);
        }
        if (w != null) {
            Waker.wakeGuarded(w);
        }
        return (r == null ? 0 : 1) + (w == null ? 0 : 1);
    }

    /** Forgets the wakers of a task that is no longer waiting (its future was cancelled). */
    synchronized void forget(Waker waker) {
        if (reader == waker) {
            reader = null;
        }
        if (writer == waker) {
            writer = null;
        }
    }

    /** Cancels the key and hands over the waiting wakers: the channel is being closed. */
    synchronized void takeWakers(List<Waker> into) {
        if (reader != null) {
            into.add(reader);
        }
        if (writer != null) {
            into.add(writer);
        }
        reader = null;
        writer = null;
        if (key != null) {
            // Attached under the reactor's monitor before the registration is handed out, so
            // always set here; checked all the same rather than throwing from a close.
            key.cancel();
        }
        if (!closed) {
            closed = true;
            reactor.channelClosed();
        }
    }

    /** {@link #takeWakers}, for a reactor that shuts down: later waits fail saying so. */
    synchronized void shutDown(List<Waker> into) {
        reactorShutDown = true;
        takeWakers(into);
    }

    Reactor reactor() {
        return reactor;
    }
}
