package threadmill.loom;

import threadmill.blocking.BlockingRuntime;
import threadmill.blocking.ThreadLauncher;

/**
 * {@code loom}: a virtual thread per task, running the very same blocking code as the
 * platform-thread runtime ({@code Thread.sleep}, {@code java.net.Socket} streams, a thread per
 * connection). Only the thread kind differs, which is the claim under test: a blocked virtual
 * thread unmounts and parks as a small heap object instead of holding a kernel thread.
 *
 * <p>Choices, and why:
 * <ul>
 * <li>A new virtual thread per task, never a pool: virtual threads are cheap to create, and
 *     pooling them only adds a queue (and caps concurrency, which is what they remove).</li>
 * <li>{@code Thread.ofVirtual().factory()} and the {@code Thread} as join handle, rather than
 *     {@code newVirtualThreadPerTaskExecutor()}: the executor keeps a set of its threads and a
 *     future per task, which would be counted as per-task memory and is not needed to join.</li>
 * <li>{@code java.net.Socket} streams rather than a blocking {@code SocketChannel}: on JDK
 *     13+ both are the same NIO implementation underneath ({@code NioSocketImpl}), and on a
 *     virtual thread both park on the JDK's poller instead of blocking a carrier, so the CPU
 *     a request costs is the same within noise; a channel would want a direct buffer per
 *     connection to save a copy, which costs native memory and slow allocation. Socket keeps
 *     the code identical to the platform-thread runtime, so the comparison isolates the
 *     thread.</li>
 * <li>No {@code synchronized} around anything that blocks (the shared code waits with
 *     {@code ReentrantLock} conditions), so nothing pins a carrier on JDK 21-23 either.</li>
 * </ul>
 */
public final class VirtualThreadRuntime extends BlockingRuntime {

    public static final String NAME = "loom";

    public VirtualThreadRuntime() {
        super(NAME, new ThreadLauncher(Thread.ofVirtual().factory()), Thread.ofVirtual().name("loom-acceptor-", 0).factory());
    }
}
