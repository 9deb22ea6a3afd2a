package threadmill.threads;

import java.util.OptionalInt;
import threadmill.workload.NamedRuntimeProvider;
import threadmill.workload.RuntimePitfalls;

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

        @Override
        public boolean eachTaskIsKernelThread() {
            return true;
        }

        /** The Thread object and its bookkeeping; the stack is native memory, outside the heap. */
        @Override
        public long heapBytesPerTask() {
            return 1024;
        }

        /** Deeper frames stay on the native stack. */
        @Override
        public long heapBytesPerDepthLevel() {
            return 0;
        }

        @Override
        public RuntimePitfalls pitfalls() {
            return new PlatformThreadPitfalls();
        }
    }

    /** {@code pool}: a fixed pool of platform threads. */
    public static final class FixedPool extends NamedRuntimeProvider {

        public FixedPool() {
            super(FixedPoolRuntime.NAME,
                    "a fixed pool of platform threads (default " + FixedPoolRuntime.DEFAULT_SIZE + ", -D"
                            + FixedPoolRuntime.SIZE_PROPERTY + "); the same blocking code, at most pool-size tasks or"
                            + " connections at once",
                    FixedPoolRuntime::new);
        }

        @Override
        public OptionalInt maxConcurrentTasks() {
            return OptionalInt.of(FixedPoolRuntime.configuredSize());
        }

        /** A task waiting in the queue: the pool runs at most its size of them at once. */
        @Override
        public long heapBytesPerTask() {
            return 128;
        }

        /** A queued task has no stack yet; a running one's frames are on a native stack. */
        @Override
        public long heapBytesPerDepthLevel() {
            return 0;
        }
    }
}
