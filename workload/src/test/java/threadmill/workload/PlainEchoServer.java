package threadmill.workload;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An echo server in a few lines of plain JDK code, for the contract tests: a platform thread
 * accepts, and a platform thread per connection copies its input back until the client
 * closes. It is the peer a request fan-out talks to, independent of every runtime and of the
 * harness, so the contract test checks what the contract promises and nothing else.
 */
public final class PlainEchoServer implements RunningServer {

    private final ServerSocket listener;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private PlainEchoServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().name("plain-echo-acceptor").start(this::accept);
    }

    /** Listens on loopback, on a port the OS chooses. */
    public static PlainEchoServer start() throws IOException {
        return new PlainEchoServer(new ServerSocket(0, Sockets.LISTEN_BACKLOG, InetAddress.getLoopbackAddress()));
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = listener.accept();
                connections.add(connection);
                handlers.add(Thread.ofPlatform().name("plain-echo-connection").start(() -> echo(connection)));
            }
        } catch (IOException closed) {
            // close() closed the listener: no more connections.
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            connection.getInputStream().transferTo(connection.getOutputStream());
        } catch (IOException reset) {
            // The client went away, or close() closed the connection.
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Closes the listener and every connection and waits until the server's threads have ended. */
    @Override
    public void close() {
        Shutdown.closeQuietly(listener);
        Shutdown.awaitUninterruptibly(acceptor::join);
        connections.forEach(Shutdown::closeQuietly);
        for (Thread handler : handlers) {
            Shutdown.awaitUninterruptibly(handler::join);
        }
    }
}
