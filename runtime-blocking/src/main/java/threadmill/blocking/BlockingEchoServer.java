package threadmill.blocking;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import threadmill.workload.RunningServer;
import threadmill.workload.Shutdown;
import threadmill.workload.Sockets;

/**
 * The echo server in blocking style: an acceptor thread, and a task per connection that
 * copies the socket's input to its output ({@code InputStream.transferTo}) until the client
 * closes. Connections wait for a handler when {@code handlers} has none free (a bounded pool).
 */
final class BlockingEchoServer implements RunningServer {

    private static final long HANDLERS_END_MILLIS = 10_000;

    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final Executor handlers;
    private final Consumer<RunningServer> onClose;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ActiveCount active = new ActiveCount();
    private final Thread acceptor;

    private BlockingEchoServer(ServerSocket listener, ThreadFactory acceptors, Executor handlers, Consumer<RunningServer> onClose) {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.handlers = handlers;
        this.onClose = onClose;
        this.acceptor = acceptors.newThread(this::accept);
        acceptor.start();
    }

    /**
     * Listens on {@code bind} and serves each connection as a task run by {@code handlers}.
     *
     * @throws IOException naming the address when it cannot be bound
     */
    static BlockingEchoServer start(InetSocketAddress bind, ThreadFactory acceptors, Executor handlers, Consumer<RunningServer> onClose)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(Sockets.resolved(bind), Sockets.LISTEN_BACKLOG);
        } catch (IOException e) {
            listener.close();
            throw Sockets.listenFailed(bind, e);
        }
        try {
            return new BlockingEchoServer(listener, acceptors, handlers, onClose);
        } catch (RuntimeException | Error e) {
            listener.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private void accept() {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed() || !Sockets.backOffAfterAcceptFailure(address, e)) {
                    return;
                }
                continue;
            }
            open.add(connection);
            active.enter();
            try {
                handlers.execute(() -> echo(connection));
            } catch (RuntimeException e) {
                // No thread for this connection (a resource limit, or the runtime closing):
                // refuse it and keep serving the others.
                System.err.println("echo server " + Sockets.format(address) + ": " + e.getMessage());
                ended(connection);
            }
        }
    }

    private void echo(Socket connection) {
        try {
            connection.setTcpNoDelay(true);
            connection.getInputStream().transferTo(connection.getOutputStream());
        } catch (IOException e) {
            // The client reset the connection, or close() closed it: this connection is done.
        } finally {
            ended(connection);
        }
    }

    private void ended(Socket connection) {
        Shutdown.closeQuietly(connection);
        open.remove(connection);
        active.exit();
    }

    /** Stops accepting, closes every open connection, and waits (boundedly) for their handlers to end. */
    @Override
    public void close() {
        Shutdown.closeQuietly(listener);
        Shutdown.awaitUninterruptibly(acceptor::join);
        open.forEach(Shutdown::closeQuietly);
        Shutdown.awaitUninterruptibly(() -> {
            long stillRunning = active.awaitNone(HANDLERS_END_MILLIS);
            if (stillRunning > 0) {
                System.err.println("echo server " + Sockets.format(address) + ": " + stillRunning
                        + " connection handlers still running " + HANDLERS_END_MILLIS + " ms after close");
            }
        });
        onClose.accept(this);
    }
}
