package threadmill.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.ChildProcess;
import threadmill.harness.ServeRuntime;
import threadmill.harness.echo.NeutralEchoServer;
import threadmill.harness.server.CpuLayout;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * One row's echo server in a process of its own, on the server's CPUs: a runtime of the
 * registry ({@code ServeRuntime <runtime>}), the floor ({@value ServerLine#FLOOR}: the
 * neutral NIO echo loops, one per server CPU, so a single selector on a one-CPU server set),
 * or tokio's ({@value ServerLine#TOKIO}: {@code tokio-reference echo-server}, one worker per
 * server CPU). Every JVM server runs with {@link #JVM_FLAGS}; it sizes its own workers,
 * carriers or loops to the CPUs it is pinned to, since that is what it sees, and where a
 * runtime's defaults do not follow the processor count, with the flags its provider names for
 * that many CPUs ({@link TaskRuntimeProvider#jvmFlagsForCpus}).
 */
final class EchoServerProcess implements AutoCloseable {

    /**
     * The server JVMs' flags: a fixed heap, touched at start-up so that no window pays the
     * kernel for a fresh page the collector hands out (a cost that would fall on whichever
     * runtime allocates most, and shrink from window to window), and G1 named, since a JVM
     * that sees one CPU would otherwise choose the serial collector.
     */
    static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");
    /** The suite's own bookkeeping properties, which say nothing to a server. */
    private static final List<String> NOT_FOR_SERVERS = List.of("-Dthreadmill.command=", "-Dthreadmill.repo.root=",
            "-Dthreadmill.version=", "-Dthreadmill.maven.version=", "-Dthreadmill.raw.dir=");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ChildProcess child;
    private final InetSocketAddress address;
    private final List<String> flags;

    private EchoServerProcess(ChildProcess child, InetSocketAddress address, List<String> flags) {
        this.child = child;
        this.address = address;
        this.flags = flags;
    }

    /**
     * Starts {@code server} on the layout's server CPUs, listening on loopback, and waits until
     * it listens.
     *
     * @throws IOException when it cannot start or does not listen in time; the message has its stderr
     */
    static EchoServerProcess start(String server, CpuLayout layout, TokioBinary tokio)
            throws IOException, InterruptedException {
        return start(server, layout, tokio, List.of());
    }

    /**
     * {@link #start(String, CpuLayout, TokioBinary)} with {@code extraJvmFlags} after the
     * server's own (a profiler's, say); tokio's server is no JVM and ignores them.
     */
    static EchoServerProcess start(String server, CpuLayout layout, TokioBinary tokio, List<String> extraJvmFlags)
            throws IOException, InterruptedException {
        int cpuCount = layout.serverCpuCount();
        List<String> flags = new ArrayList<>(switch (server) {
            case ServerLine.FLOOR -> jvmFlags();
            case ServerLine.TOKIO -> List.of();
            default -> jvmFlags(server, cpuCount);
        });
        if (!server.equals(ServerLine.TOKIO)) {
            flags.addAll(extraJvmFlags);
        }
        ChildProcess child = switch (server) {
            case ServerLine.FLOOR -> ChildProcess.start(layout.serverLauncher(), NeutralEchoServer.class, flags,
                    List.of("--loops", Integer.toString(cpuCount)));
            case ServerLine.TOKIO -> {
                if (!tokio.available()) {
                    throw new IllegalStateException(tokio.notRun());
                }
                List<String> command = new ArrayList<>(layout.serverLauncher());
                command.addAll(List.of(tokio.binary().toString(), "echo-server", "--bind", "127.0.0.1:0", "--workers",
                        Integer.toString(cpuCount)));
                yield ChildProcess.exec("tokio-reference echo-server", command);
            }
            default -> ChildProcess.start(layout.serverLauncher(), ServeRuntime.class, flags, List.of(server));
        };
        ChildProcess.listening(child, START_TIMEOUT);
        return new EchoServerProcess(child, child.address(), flags);
    }

    /** {@link #jvmFlags()} and the flags that size {@code runtime}'s threads to {@code cpus} processors. */
    static List<String> jvmFlags(String runtime, int cpus) {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.addAll(TaskRuntimes.provider(runtime).jvmFlagsForCpus(cpus));
        return List.copyOf(flags);
    }

    /**
     * {@link #JVM_FLAGS} and this JVM's {@code -Dthreadmill.*} settings (e.g.
     * {@code threadmill.pool.size}, which the pool's bound is read from here too), so that a
     * setting given to the suite holds for its servers.
     */
    static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-Dthreadmill.") && NOT_FOR_SERVERS.stream().noneMatch(flag::startsWith))
                .forEach(flags::add);
        return flags;
    }

    /**
     * The version of what serves where it is not the JDK's: tokio's, and the coroutines
     * runtime's kotlinx.coroutines (from the version file its jar carries); null for the JDK
     * runtimes and the floor.
     */
    static String runtimeVersion(String server, TokioBinary tokio) {
        return switch (server) {
            case ServerLine.TOKIO -> tokio.version();
            case "coroutines" -> resource("/META-INF/kotlinx_coroutines_core.version");
            default -> null;
        };
    }

    private static String resource(String name) {
        try (InputStream in = EchoServerProcess.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** The flags the server's JVM was started with; empty for tokio's, which is no JVM. */
    List<String> flags() {
        return flags;
    }

    long pid() {
        return child.pid();
    }

    /** Closes the server's stdin: it stops, or is killed after a grace period. */
    @Override
    public void close() {
        child.close();
    }
}
