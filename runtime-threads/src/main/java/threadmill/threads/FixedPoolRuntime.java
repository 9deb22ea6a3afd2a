package threadmill.threads;

import threadmill.workload.Validate;
import threadmill.blocking.BlockingRuntime;

/**
 * {@code pool}: the same blocking tasks as {@code threads}, submitted to a fixed pool of
 * platform threads (default {@value #DEFAULT_SIZE}, or {@value #SIZE_PROPERTY}).
 *
 * <p>A bounded pool runs at most {@code size} tasks at once: a sleep fan-out of N tasks
 * takes about {@code ceil(N / size)} sleeps, and the echo server serves at most {@code size}
 * connections at once — the others are accepted but wait, silent, until a worker frees up.
 * That is the point of showing it: a pool caps the threads and with them the concurrency of
 * blocking code.
 */
public final class FixedPoolRuntime extends BlockingRuntime {

    public static final String NAME = "pool";
    public static final String SIZE_PROPERTY = "threadmill.pool.size";
    public static final int DEFAULT_SIZE = 200;
    public static final int MAX_SIZE = 100_000;

    private final int size;

    /** A pool of {@value #SIZE_PROPERTY} threads, or {@value #DEFAULT_SIZE}. */
    public FixedPoolRuntime() {
        this(configuredSize());
    }

    public FixedPoolRuntime(int size) {
        super(NAME, new PoolLauncher(Validate.inRange("size", size, 1, MAX_SIZE)),
                Thread.ofPlatform().name("pool-acceptor-", 0).factory());
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The size a pool made with the default constructor gets: {@value #SIZE_PROPERTY}, or {@value #DEFAULT_SIZE}. */
    public static int configuredSize() {
        String value = System.getProperty(SIZE_PROPERTY, Integer.toString(DEFAULT_SIZE));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SIZE_PROPERTY + " must be a whole number from 1 to " + MAX_SIZE + ", was '" + value + "'");
        }
    }
}
