package threadmill.futures;

import java.util.NoSuchElementException;

/**
 * The result of one {@link Future#poll}: {@code Poll::Ready(value)} or {@code Poll::Pending}.
 * Pending and Ready(null) are shared constants, so polls that do not finish, and futures of
 * {@code Void}, allocate nothing. Pending is told apart by identity rather than by a flag, so
 * a Ready(value) is a header and one reference: 16 bytes, not 24.
 */
public final class Poll<T> {

    private static final Poll<?> PENDING = new Poll<>(null);
    private static final Poll<?> READY_NULL = new Poll<>(null);

    private final T value;

    private Poll(T value) {
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Poll<T> ready(T value) {
        return value == null ? (Poll<T>) READY_NULL : new Poll<>(value);
    }

    @SuppressWarnings("unchecked")
    public static <T> Poll<T> pending() {
        return (Poll<T>) PENDING;
    }

    public boolean isReady() {
        return this != PENDING;
    }

    public boolean isPending() {
        return this == PENDING;
    }

    /** The value of a Ready poll. */
    public T value() {
        if (this == PENDING) {
            throw new NoSuchElementException("Poll::Pending has no value");
        }
        return value;
    }

    @Override
    public String toString() {
        return this == PENDING ? "Pending" : "Ready(" + value + ")";
    }
}
