package threadmill.blocking;

import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import threadmill.workload.ResourceLimitException;
import threadmill.workload.Shutdown;

/**
 * How a thread-based runtime starts tasks: a thread per task (platform or virtual) or a
 * submission to a pool. {@link #execute} starts one task nobody joins (a connection handler).
 */
public interface TaskLauncher extends Executor, AutoCloseable {

    /**
     * Starts tasks {@code 0 .. count-1}.
     *
     * @throws ResourceLimitException when not all could be started; those that were have
     *         been stopped and joined
     */
    LaunchedTasks launch(int count, IntFunction<Runnable> task);

    /** Releases what the launcher holds (a pool's threads); tasks already ended. Nothing by default. */
    @Override
    default void close() {
    }

    /** Tasks started together. */
    interface LaunchedTasks {

        /** Waits until every task has ended. */
        void join() throws InterruptedException;

        /** Interrupts every task that has not ended. */
        void interrupt();

        /** Interrupts the tasks and waits until they have ended, even if this thread is interrupted. */
        default void stop() {
            interrupt();
            Shutdown.awaitUninterruptibly(this::join);
        }
    }
}
