package threadmill.threads;

import java.util.concurrent.ThreadFactory;
import threadmill.blocking.BlockingRuntime;
import threadmill.blocking.ThreadLauncher;

/**
 * {@code threads}: a platform thread per task, the classic model. Each task is a new
 * {@code Thread} running plain blocking code ({@code Thread.sleep}, {@code java.net.Socket}
 * streams); the echo server is an acceptor thread and a thread per connection.
 *
 * <p>Every task costs a kernel thread: a pid, a stack mapping (reserved at the stack size,
 * resident only as touched) and kernel memory, so the OS limits (pid_max, threads-max,
 * max_map_count, ulimit -u) cap the fan-out; reaching one ends the run with a
 * {@link threadmill.workload.ResourceLimitException} naming them.
 */
public final class ThreadPerTaskRuntime extends BlockingRuntime {

    public static final String NAME = "threads";
    /** System property for the stack size of task threads, e.g. {@code 256k}; default: the JVM's (-Xss). */
    public static final String STACK_SIZE_PROPERTY = "threadmill.threads.stackSize";

    private final long stackSizeBytes;

    /** Task threads get the stack size of {@value #STACK_SIZE_PROPERTY}, or the JVM default. */
    public ThreadPerTaskRuntime() {
        this(StackSize.parse(STACK_SIZE_PROPERTY, System.getProperty(STACK_SIZE_PROPERTY, "0")));
    }

    /** @param stackSizeBytes stack size of each task thread; 0 for the JVM default (-Xss) */
    public ThreadPerTaskRuntime(long stackSizeBytes) {
        this(taskThreads(stackSizeBytes), stackSizeBytes);
    }

    ThreadPerTaskRuntime(ThreadFactory taskThreads, long stackSizeBytes) {
        super(NAME, new ThreadLauncher(taskThreads), Thread.ofPlatform().name("threads-acceptor-", 0).factory());
        this.stackSizeBytes = stackSizeBytes;
    }

    private static ThreadFactory taskThreads(long stackSizeBytes) {
        if (stackSizeBytes < 0) {
            throw new IllegalArgumentException("stackSizeBytes must be 0 (the JVM default) or positive, was " + stackSizeBytes);
        }
        return Thread.ofPlatform().name("threads-task-", 0).stackSize(stackSizeBytes).factory();
    }

    /** The stack size task threads are created with; 0 means the JVM default. */
    public long stackSizeBytes() {
        return stackSizeBytes;
    }
}
