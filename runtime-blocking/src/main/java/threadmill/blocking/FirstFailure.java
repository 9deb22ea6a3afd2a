package threadmill.blocking;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/** The first error any of a group of tasks raised, to be thrown by whoever joins them. */
final class FirstFailure {

    private final AtomicReference<Throwable> first = new AtomicReference<>();

    void record(Throwable failure) {
        first.compareAndSet(null, failure);
    }

    boolean happened() {
        return first.get() != null;
    }

    /** Throws the first error: I/O errors as they are (they name the address), others wrapped. */
    void rethrowIO() throws IOException {
        Throwable failure = first.get();
        if (failure instanceof IOException io) {
            throw io;
        }
        rethrow();
    }

    void rethrow() {
        switch (first.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException("a task failed: " + e.getMessage(), e);
        }
    }
}
