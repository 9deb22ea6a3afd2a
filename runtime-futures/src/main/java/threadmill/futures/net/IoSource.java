package threadmill.futures.net;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.List;
import threadmill.futures.task.Waker;

/**
 * A channel and its reactor registration (tokio's {@code PollEvented}). The registration is made
 * lazily, when a poll first has to wait, in a reactor of the polling thread's runtime (see
 * {@link Reactor#forNewChannel()}), so a socket that never blocks never touches a selector.
 */
final class IoSource {

    final SelectableChannel channel;
    private volatile Registration registration;

    IoSource(SelectableChannel channel) {
        this.channel = channel;
    }

    /** Wakes {@code waker} when the channel is ready for {@code op}. */
    void await(int op, Waker waker) throws IOException {
        Registration r = registration;
        if (r == null) {
            synchronized (this) {
                r = registration;
                if (r == null) {
                    r = Reactor.CONTEXT.get().forNewChannel().register(channel);
                    registration = r;
                }
            }
        }
        r.await(op, waker);
    }

    /** False when the last read drained the socket and the selector has not reported it readable since. */
    boolean mayBeReadable() {
        Registration r = registration;
        return r == null || r.readable;
    }

    /** A read left room in the buffer: wait for the selector before reading again. */
    void drained() {
        Registration r = registration;
        if (r != null) {
            r.readable = false;
        }
    }

    /** Forgets {@code waker}: the future that stored it was cancelled. */
    void forget(Waker waker) {
        Registration r = registration;
        if (r != null) {
            r.forget(waker);
        }
    }

    /**
     * Closes the channel. Tasks waiting on it are woken and find it closed; the owning selector
     * is woken so that the descriptor is released at once rather than at its next select.
     */
    void close() {
        Registration r = registration;
        List<Waker> waiting = new ArrayList<>(2);
        if (r != null) {
            r.takeWakers(waiting);
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing is left to release: the descriptor is gone either way.
        }
        if (r != null) {
            r.reactor().wakeup();
        }
        waiting.forEach(Waker::wakeGuarded);
    }

    /**
     * Closes the channel and gets its descriptor released: before returning, unless the caller
     * is a runtime thread that does not own the channel's selector, which must not wait for
     * another thread's select (see {@link Reactor#release}).
     */
    void closeAndRelease() {
        close();
        Registration r = registration;
        if (r != null) {
            r.reactor().release(channel, !Reactor.CONTEXT.isEntered());
        }
    }
}
