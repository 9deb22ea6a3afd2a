package threadmill.threads;

import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeProvider;

/** The two platform-thread runtimes, as found by {@code TaskRuntimes}. */
public final class ThreadsProviders {

    private ThreadsProviders() {
    }

    /** {@code threads}: a platform thread per task. */
    public static final class ThreadPerTask implements TaskRuntimeProvider {

        @Override
        public String name() {
            return ThreadPerTaskRuntime.NAME;
        }

        @Override
        public String description() {
            return "a platform thread per task; blocking Thread.sleep and java.net.Socket streams; a thread per connection";
        }

        @Override
        public TaskRuntime create() {
            return new ThreadPerTaskRuntime();
        }
    }

    /** {@code pool}: a fixed pool of platform threads. */
    public static final class FixedPool implements TaskRuntimeProvider {

        @Override
        public String name() {
            return FixedPoolRuntime.NAME;
        }

        @Override
        public String description() {
            return "a fixed pool of platform threads (default " + FixedPoolRuntime.DEFAULT_SIZE
                    + "); the same blocking code, at most pool-size tasks or connections at once";
        }

        @Override
        public TaskRuntime create() {
            return new FixedPoolRuntime();
        }
    }
}
