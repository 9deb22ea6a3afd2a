package threadmill.workload;

/** What closing things needs everywhere: close without caring how, wait without being cut short. */
public final class Shutdown {

    private Shutdown() {
    }

    /** A wait that an interrupt can cut short. */
    @FunctionalInterface
    public interface Wait {
        void await() throws InterruptedException;
    }

    /** Closes, ignoring failure: used while shutting down, when nothing useful can be done with one. */
    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Shutting down: the resource is unusable either way.
        }
    }

    /**
     * Waits to the end even if this thread is interrupted meanwhile, then restores the
     * interrupt: a close() must not return while what it stops still runs.
     */
    public static void awaitUninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
