package threadmill.bench.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import threadmill.harness.ChildProcess;
import threadmill.harness.echo.NeutralEchoServer;
import threadmill.harness.ServeRuntime;
import threadmill.workload.Sockets;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * An echo server in a JVM of its own for the length of a trial: the client and the server do
 * not share heap, GC or the descriptor limit (10,000 connections need 20,000 descriptors in one
 * process, more than a usual {@code ulimit -n} allows). The child runs on the same java with the
 * benchmark JVM's own heap, pre-touch, stack and GC flags and its {@code -Dthreadmill.*}
 * settings (e.g. {@code threadmill.pool.size}), so that what {@code -jvmArgs} says and JMH
 * records holds for both sides; a runtime's own server also gets the flags that size that
 * runtime to the machine's CPUs ({@link TaskRuntimeProvider#jvmFlagsForCpus}).
 */
final class ServerJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess child;

    private ServerJvm(ChildProcess child) {
        this.child = child;
    }

    /** The neutral echo server that request fan-out targets. */
    static ServerJvm neutral() throws IOException, InterruptedException {
        return start(NeutralEchoServer.class, List.of(), List.of());
    }

    /** A runtime's own echo server, for the server workload. */
    static ServerJvm serving(String runtime) throws IOException, InterruptedException {
        return start(ServeRuntime.class, List.of(runtime), TaskRuntimes.provider(runtime)
                .jvmFlagsForCpus(Runtime.getRuntime().availableProcessors()));
    }

    private static ServerJvm start(Class<?> main, List<String> args, List<String> sizing)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(inheritedFlags());
        flags.addAll(sizing);
        ServerJvm server = new ServerJvm(ChildProcess.startServer(main, flags, args, START_TIMEOUT));
        System.out.println(main.getSimpleName() + " " + args + " listening on " + Sockets.format(server.address())
                + " in its own JVM, flags " + flags);
        return server;
    }

    /** The flags of this JVM that size its memory, choose its GC or set Threadmill; none of JMH's own. */
    static List<String> inheritedFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-Xms") || flag.startsWith("-Xmx") || flag.startsWith("-Xss")
                        || flag.matches("-XX:[+-]Use\\w*GC") || flag.matches("-XX:[+-]AlwaysPreTouch")
                        || flag.startsWith("-XX:MaxDirectMemorySize")
                        || flag.startsWith("-Dthreadmill."))
                .toList();
    }

    InetSocketAddress address() {
        return child.address();
    }

    @Override
    public void close() {
        child.close();
    }
}
