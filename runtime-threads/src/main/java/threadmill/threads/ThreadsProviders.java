package threadmill.threads;

import threadmill.workload.NamedRuntimeProvider;

/** The two platform-thread runtimes, as found by {@code TaskRuntimes}. */
public final class ThreadsProviders {

    private ThreadsProviders() {
    }

    /** {@code threads}: a platform thread per task. */
    public static final class ThreadPerTask extends NamedRuntimeProvider {

        public ThreadPerTask() {
            super(ThreadPerTaskRuntime.NAME,
                    "a platform thread per task; blocking Thread.sleep and java.net.Socket streams; a thread per connection",
                    ThreadPerTaskRuntime::new);
        }
    }

    /** {@code pool}: a fixed pool of platform threads. */
    public static final class FixedPool extends NamedRuntimeProvider {

        public FixedPool() {
            super(FixedPoolRuntime.NAME,
                    "a fixed pool of platform threads (default " + FixedPoolRuntime.DEFAULT_SIZE
                            + "); the same blocking code, at most pool-size tasks or connections at once",
                    FixedPoolRuntime::new);
        }
    }
}
