package threadmill.blocking;

import java.util.concurrent.ThreadFactory;
import java.util.function.IntFunction;
import threadmill.workload.OsLimits;
import threadmill.workload.ResourceLimitException;

/**
 * Starts a thread per task from a {@link ThreadFactory} (a platform or a virtual thread
 * builder's). The {@link Thread} is the join handle; no executor, future or set of threads
 * is kept besides it, so nothing but the thread itself is counted per task.
 */
public final class ThreadLauncher implements TaskLauncher {

    private final ThreadFactory factory;

    public ThreadLauncher(ThreadFactory factory) {
        this.factory = factory;
    }

    @Override
    public void execute(Runnable task) {
        try {
            start(task);
        } catch (OutOfMemoryError e) {
            throw limitReached(1, 0, e);
        }
    }

    @Override
    public LaunchedTasks launch(int count, IntFunction<Runnable> task) {
        Thread[] threads = new Thread[count];
        int started = 0;
        try {
            for (; started < count; started++) {
                threads[started] = start(task.apply(started));
            }
        } catch (OutOfMemoryError e) {
            new StartedThreads(threads, started).stop();
            throw limitReached(count, started, e);
        }
        return new StartedThreads(threads, count);
    }

    private Thread start(Runnable task) {
        Thread thread = factory.newThread(task);
        if (thread == null) {
            throw new OutOfMemoryError("the thread factory returned no thread");
        }
        thread.start();
        return thread;
    }

    /**
     * A failure to create a thread (the OS out of pids, thread slots, memory mappings or
     * memory: "unable to create native thread") as an error that names what was asked and
     * the limits, instead of one that kills the caller.
     */
    public static ResourceLimitException limitReached(int asked, int started, OutOfMemoryError cause) {
        return new ResourceLimitException("could not start " + asked + " threads: " + started
                + " started and were stopped again (" + cause.getMessage() + "); limits in force: "
                + OsLimits.current().describe(), cause);
    }

    /**
     * The started threads; {@link #join} lets go of each thread once it has ended. A thread array
     * of a large fan-out is a humongous object under G1, old from birth, and until a concurrent
     * cycle finds it dead every young collection treats what it references as live: ended
     * threads kept in it would be copied by collections long after the fan-out was joined.
     */
    private record StartedThreads(Thread[] threads, int count) implements LaunchedTasks, FanOutJoin.Tasks {

        @Override
        public void join() throws InterruptedException {
            FanOutJoin.join(count, this);
        }

        @Override
        public boolean ended(int task) {
            Thread thread = threads[task];
            return thread == null || !thread.isAlive();
        }

        @Override
        public void await(int task) throws InterruptedException {
            threads[task].join();
        }

        @Override
        public void release(int task) {
            threads[task] = null;
        }

        @Override
        public void interrupt() {
            for (int i = 0; i < count; i++) {
                Thread thread = threads[i];
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }
    }
}
