package threadmill.futures;

import java.util.NoSuchElementException;

/**
 * The result of one {@link Future#poll}: {@code Poll::Ready(value)} or {@code Poll::Pending}.
 * Pending and Ready(null) are shared constants, so polls that do not finish, and futures of
 * {@code Void}, allocate nothing.
 */
public final class Poll<T> {

    private static final Poll<?> PENDING = new Poll<>(null, false);
    private static final Poll<?> READY_NULL = new Poll<>(null, true);

    private final T value;
    private final boolean ready;

    private Poll(T value, boolean ready) {
        this.value = value;
        this.ready = ready;
    }

    @SuppressWarnings("unchecked")
    public static <T> Poll<T> ready(T value) {
        return value == null ? (Poll<T>) READY_NULL : new Poll<>(value, true);
    }

    @SuppressWarnings("unchecked")
    public static <T> Poll<T> pending() {
        return (Poll<T>) PENDING;
    }

    public boolean isReady() {
        return ready;
    }

    public boolean isPending() {
        return !ready;
    }

    /** The value of a Ready poll. */
    public T value() {
        if (!ready) {
            throw new NoSuchElementException("Poll::Pending has no value");
        }
        return value;
    }

    @Override
    public String toString() {
        return ready ? "Ready(" + value + ")" : "Pending";
    }
}
