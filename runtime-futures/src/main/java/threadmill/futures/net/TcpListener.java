package threadmill.futures.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;

/**
 * A listening TCP socket (tokio's {@code TcpListener}); {@link #accept} is a future that is
 * ready with the next connection. Binding happens at once and may be done on any thread.
 *
 * <p>An accept loop spawns a task per connection, here one that echoes a message once:
 * {@snippet class=threadmill.futures.examples.NetExamplesTest region=accept-loop}
 * with
 * {@snippet class=threadmill.futures.examples.NetExamplesTest region=echo-once}
 */
public final class TcpListener implements AutoCloseable {

    /** Pending connections the kernel may queue (capped by net.core.somaxconn). */
    private static final int BACKLOG = 65_535;

    private final ServerSocketChannel channel;
    private final IoSource source;
    private final InetSocketAddress address;

    private TcpListener(ServerSocketChannel channel, InetSocketAddress address) {
        this.channel = channel;
        this.source = new IoSource(channel);
        this.address = address;
    }

    /** Listens on {@code address} (port 0: the OS picks one); the error names the address. */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.bind(address, BACKLOG);
            return new TcpListener(channel, (InetSocketAddress) channel.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("cannot listen on " + Addresses.format(address) + ": " + e.getMessage(), e);
        }
    }

    /** The address bound, with the port the OS chose. */
    public InetSocketAddress localAddress() {
        return address;
    }

    /** The next accepted connection. */
    public Future<TcpStream> accept() {
        return Futures.pollFn(this::pollAccept);
    }

    /**
     * The next accepted connection, or Pending until one arrives. A failure (the listener
     * closed, or accept refused, e.g. for want of file descriptors) is an
     * {@link UncheckedIOException} naming the address; {@link #isOpen} tells the two apart.
     */
    public Poll<TcpStream> pollAccept(Context cx) {
        try {
            SocketChannel accepted = channel.accept();
            if (accepted != null) {
                return Poll.ready(stream(accepted));
            }
            source.await(SelectionKey.OP_ACCEPT, cx.waker());
            return Poll.pending();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot accept on " + Addresses.format(address) + ": " + e.getMessage(), e));
        }
    }

    /** The accepted socket as a stream; closed again if setting it up fails, not leaked. */
    private static TcpStream stream(SocketChannel accepted) throws IOException {
        try {
            accepted.configureBlocking(false);
            return new TcpStream(new IoSource(accepted), (InetSocketAddress) accepted.getRemoteAddress());
        } catch (IOException | RuntimeException | Error e) {
            try {
                accepted.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** False once {@link #close} was called. */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Stops listening; a task waiting in accept is woken and finds the listener closed. Called
     * from outside a runtime (or on the thread whose selector holds the listener), connection
     * attempts are refused when this returns. Called from another runtime thread, which must not
     * wait for that selector, they are refused from that selector's next select on: at once if
     * its thread was parked, after the task it is running otherwise.
     */
    @Override
    public void close() {
        source.closeAndRelease();
    }
}
