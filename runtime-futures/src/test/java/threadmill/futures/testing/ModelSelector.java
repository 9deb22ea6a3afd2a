package threadmill.futures.testing;

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A selector without channels, for the Fray tests: its blocking select waits on a monitor,
 * which Fray schedules (and reports as a deadlock when nothing can wake it), instead of in
 * {@code epoll_wait}, which it cannot. It keeps the one property of a real selector that the
 * runtime's park/wake protocol relies on: a {@link #wakeup()} is sticky, so it makes the select
 * in progress or the next one return at once, and {@link #selectNow()} consumes it. A select with
 * a timeout returns at once, as if the timeout had elapsed (always a legal outcome).
 */
public final class ModelSelector extends AbstractSelector {

    private final Object lock = new Object();
    /** A wakeup that no select has consumed yet. */
    private boolean woken;
    private boolean closed;

    ModelSelector(SelectorProvider provider) {
        super(provider);
    }

    @Override
    public int select(long timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        synchronized (lock) {
            while (timeout == 0 && !woken && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            woken = false;
        }
        return 0;
    }

    @Override
    public int select() {
        return select(0);
    }

    @Override
    public int selectNow() {
        synchronized (lock) {
            woken = false;
        }
        return 0;
    }

    @Override
    public int select(Consumer<SelectionKey> action, long timeout) {
        return select(timeout);
    }

    @Override
    public int select(Consumer<SelectionKey> action) {
        return select(0);
    }

    @Override
    public int selectNow(Consumer<SelectionKey> action) {
        return selectNow();
    }

    @Override
    public Selector wakeup() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
        return this;
    }

    @Override
    public Set<SelectionKey> keys() {
        return Set.of();
    }

    @Override
    public Set<SelectionKey> selectedKeys() {
        return Set.of();
    }

    @Override
    protected void implCloseSelector() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    @Override
    protected SelectionKey register(AbstractSelectableChannel channel, int ops, Object attachment) {
        throw new UnsupportedOperationException("the model selector has no channels; " + channel + " cannot register");
    }
}
