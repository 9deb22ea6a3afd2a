package threadmill.futures.testing;

import org.jetbrains.lincheck.Lincheck;

/**
 * Runs a scenario under Lincheck's model checker ({@code loom::model} for Java): the scenario
 * starts a few threads with {@link #spawn}, joins them with {@link #join}, and asserts; Lincheck
 * runs it again and again, each time under another interleaving of the threads' shared-memory
 * accesses, and fails with the interleaving that broke an assertion, deadlocked or livelocked.
 * Each scenario builds all its state afresh: an invocation must not see another's.
 *
 * <p>How many interleavings: each test names a count that explores its scenario in a few
 * seconds; {@code -Dthreadmill.modelcheck.scale=N} multiplies every count, for a longer search
 * (see DESIGN.md, "Model-checked concurrency").
 */
public final class ModelCheck {

    /** The system property that multiplies every scenario's number of interleavings. */
    public static final String SCALE_PROPERTY = "threadmill.modelcheck.scale";

    private ModelCheck() {
    }

    /** Explores {@code invocations} (times the scale) interleavings of {@code scenario}. */
    public static void explore(int invocations, Runnable scenario) {
        Lincheck.runConcurrentTest(scaled(invocations), scenario);
    }

    /** {@code invocations} times the scale property, for this run. */
    public static int scaled(int invocations) {
        String value = System.getProperty(SCALE_PROPERTY, "1");
        int scale;
        try {
            scale = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a whole number >= 1, was '" + value + "'", e);
        }
        if (scale < 1 || scale > 100_000) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be between 1 and 100000, was " + scale);
        }
        return Math.multiplyExact(invocations, scale);
    }

    /**
     * Starts a thread of the scenario. A {@link Thread} subclass that calls the body from its own
     * {@code run()}: on JDK 21+ a plain {@code new Thread(runnable)} runs the runnable through
     * {@code Thread.runWith} (scoped values), which Lincheck 3.6-3.7 does not follow, so the
     * body would run unexplored and every scenario would pass.
     */
    public static Thread spawn(Runnable body) {
        Thread thread = new ScenarioThread(body);
        thread.start();
        return thread;
    }

    /** Joins the scenario's threads. */
    public static void join(Thread... threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while joining " + thread.getName(), e);
            }
        }
    }

    private static final class ScenarioThread extends Thread {

        private final Runnable body;

        ScenarioThread(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            body.run();
        }
    }
}
