package threadmill.futures.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;

/**
 * {@link TcpStream#connect}: starts a non-blocking connect on first poll, waits for connect
 * readiness, then finishes it. Cancelling it closes the half-open socket.
 */
final class Connect implements Future<TcpStream> {

    private final InetSocketAddress address;
    private IoSource source;

    Connect(InetSocketAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("address to connect to must not be null");
        }
        this.address = address;
    }

    @Override
    public Poll<TcpStream> poll(Context cx) {
        try {
            boolean connected;
            if (source == null) {
                SocketChannel channel = SocketChannel.open();
                source = new IoSource(channel);
                channel.configureBlocking(false);
                connected = channel.connect(address);
            } else {
                connected = ((SocketChannel) source.channel).finishConnect();
            }
            if (!connected) {
                source.await(SelectionKey.OP_CONNECT, cx.waker());
                return Poll.pending();
            }
            TcpStream stream = new TcpStream(source, address);
            source = null;
            return Poll.ready(stream);
        } catch (IOException | RuntimeException e) {
            cancel();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UncheckedIOException(new IOException("cannot connect to " + Addresses.format(address) + ": " + reason, e));
        }
    }

    @Override
    public void cancel() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
