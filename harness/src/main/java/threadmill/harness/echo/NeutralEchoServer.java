package threadmill.harness.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import threadmill.workload.RunningServer;
import threadmill.workload.Shutdown;
import threadmill.workload.Validate;
import threadmill.harness.ChildProcess;
import threadmill.harness.CommandLine;
import threadmill.workload.Sockets;

/**
 * The echo server that request fan-out targets, the same for every runtime and built never to
 * be the bottleneck: non-blocking NIO, one acceptor thread and one selector loop per core,
 * each echoing what it reads back on the same connection until the client closes.
 *
 * <p>Normally run in its own JVM (see {@link #main}), so the runtime under test shares
 * neither heap, GC nor file-descriptor limit with it.
 */
public final class NeutralEchoServer implements RunningServer {

    /** Most selector loops one server may run. */
    public static final int MAX_LOOPS = 256;

    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final List<EchoLoop> loops;
    private final List<Thread> threads = new ArrayList<>();

    private NeutralEchoServer(ServerSocketChannel listener, List<EchoLoop> loops) throws IOException {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.loops = loops;
    }

    /** Starts a server with one selector loop per available processor. */
    public static NeutralEchoServer start(InetSocketAddress bind) throws IOException {
        return start(bind, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Binds {@code bind} (port 0: the OS chooses) and starts {@code loops} selector threads.
     *
     * @throws IOException naming the address when it cannot be bound, e.g. the port is in use
     */
    public static NeutralEchoServer start(InetSocketAddress bind, int loops) throws IOException {
        Validate.inRange("loops", loops, 1, MAX_LOOPS);
        ServerSocketChannel listener = ServerSocketChannel.open();
        List<EchoLoop> echoLoops = new ArrayList<>();
        try {
            listener.bind(Sockets.resolved(bind), Sockets.LISTEN_BACKLOG);
            for (int i = 0; i < loops; i++) {
                echoLoops.add(new EchoLoop());
            }
        } catch (IOException e) {
            listener.close();
            echoLoops.forEach(EchoLoop::closeEverything);
            throw Sockets.listenFailed(bind, e);
        }
        NeutralEchoServer server = new NeutralEchoServer(listener, echoLoops);
        server.startThreads();
        return server;
    }

    private void startThreads() {
        String port = Integer.toString(address.getPort());
        for (int i = 0; i < loops.size(); i++) {
            threads.add(Thread.ofPlatform().daemon().name("neutral-echo-" + port + "-loop-" + i).start(loops.get(i)));
        }
        threads.add(Thread.ofPlatform().daemon().name("neutral-echo-" + port + "-acceptor").start(this::accept));
    }

    private void accept() {
        long accepted = 0;
        while (true) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!listener.isOpen() || !Sockets.backOffAfterAcceptFailure(address, e)) {
                    return;
                }
                continue;
            }
            try {
                connection.configureBlocking(false);
                connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
                loops.get((int) (accepted++ % loops.size())).add(connection);
            } catch (IOException e) {
                Shutdown.closeQuietly(connection);
            }
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /** Stops accepting, closes every connection and waits for the server's threads to end. */
    @Override
    public void close() {
        Shutdown.closeQuietly(listener);
        loops.forEach(EchoLoop::stop);
        for (Thread thread : threads) {
            Shutdown.awaitUninterruptibly(thread::join);
        }
    }

    /**
     * {@code [host:port] [--loops N]}: listens (default 127.0.0.1 and a port the OS chooses),
     * prints {@code listening host:port} once bound, and serves until stdin closes.
     */
    public static void main(String[] args) throws IOException {
        ChildProcess.runMain("NeutralEchoServer [host:port] [--loops N]", () -> {
            CommandLine line = new CommandLine(args, "loops");
            InetSocketAddress bind = line.positionals() > 0 ? CommandLine.address(line.positional(0, null)) : Sockets.DEFAULT_BIND;
            return start(bind, line.integer("loops", Runtime.getRuntime().availableProcessors()));
        });
    }
}
