package threadmill.futures.time;

import java.time.Duration;

/** A {@code Futures.timeout} ran out before its future finished (tokio's {@code Elapsed}). */
public final class Elapsed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Elapsed(Duration limit) {
        super("deadline of " + limit.toMillis() + " ms elapsed");
    }
}
