package threadmill.futures.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.task.Waker;

/**
 * A non-blocking TCP connection (tokio's {@code TcpStream}). Reads and writes go straight to the
 * socket; only when one returns 0 does the task register interest with the reactor of the
 * thread polling it and return Pending, to be woken when the socket is ready. Errors surface as
 * {@link UncheckedIOException} whose cause names the peer.
 *
 * <p>{@link #pollRead} and {@link #pollWrite} are the primitives, which create no future
 * ({@code AsyncRead::poll_read}); {@link #read}, {@link #write}, {@link #readExact},
 * {@link #writeAll} wrap them as futures. One reader and one writer may wait at a time.
 *
 * <p>A client's round trip:
 * {@snippet class=threadmill.futures.examples.NetExamplesTest region=client}
 */
public final class TcpStream implements AutoCloseable {

    private final SocketChannel channel;
    private final IoSource source;
    private final InetSocketAddress peer;

    TcpStream(IoSource source, InetSocketAddress peer) {
        this.source = source;
        this.channel = (SocketChannel) source.channel;
        this.peer = peer;
    }

    /** Connects to {@code address}; fails with an IOException naming it (e.g. connection refused). */
    public static Future<TcpStream> connect(InetSocketAddress address) {
        return new Connect(address);
    }

    public InetSocketAddress peerAddress() {
        return peer;
    }

    /**
     * Bytes read into {@code dst} (from its position), -1 at end of stream, or Pending. After a
     * read that left room in the buffer, the socket is taken as drained and the next call waits
     * for the selector instead of trying a read that would return 0 (tokio clears readiness
     * the same way); selection is level-triggered, so data that came in meanwhile is reported.
     */
    public Poll<Integer> pollRead(Context cx, ByteBuffer dst) {
        try {
            if (source.mayBeReadable() || !dst.hasRemaining()) {
                int n = channel.read(dst);
                if (n != 0 || !dst.hasRemaining()) {
                    if (n > 0 && dst.hasRemaining()) {
                        source.drained();
                    }
                    return Poll.ready(n);
                }
            }
            source.await(SelectionKey.OP_READ, cx.waker());
            return Poll.pending();
        } catch (IOException e) {
            throw failure("read from", e);
        }
    }

    /** Bytes written from {@code src} (at least one if it has any), or Pending. */
    public Poll<Integer> pollWrite(Context cx, ByteBuffer src) {
        try {
            int n = channel.write(src);
            if (n != 0 || !src.hasRemaining()) {
                return Poll.ready(n);
            }
            source.await(SelectionKey.OP_WRITE, cx.waker());
            return Poll.pending();
        } catch (IOException e) {
            throw failure("write to", e);
        }
    }

    /**
     * Reads once: the number of bytes read, or -1 at end of stream.
     * {@snippet class=threadmill.futures.examples.NetExamplesTest region=read-write}
     */
    public Future<Integer> read(ByteBuffer dst) {
        return Futures.pollFn(cx -> pollRead(cx, dst));
    }

    /** Writes once: the number of bytes written (see {@link #read} for an example). */
    public Future<Integer> write(ByteBuffer src) {
        return Futures.pollFn(cx -> pollWrite(cx, src));
    }

    /** Reads until {@code dst} is full; end of stream before that is an EOFException. */
    public Future<Void> readExact(ByteBuffer dst) {
        return new Transfer(this, dst, false);
    }

    /** Writes all of {@code src}. */
    public Future<Void> writeAll(ByteBuffer src) {
        return new Transfer(this, src, true);
    }

    /** Closes the sending side: the peer reads end of stream. */
    public Future<Void> shutdown() {
        return Futures.pollFn(cx -> {
            try {
                channel.shutdownOutput();
                return Poll.ready(null);
            } catch (IOException e) {
                throw failure("shut down the connection to", e);
            }
        });
    }

    /** Forgets {@code waker}: the future that stored it was cancelled. */
    void forget(Waker waker) {
        source.forget(waker);
    }

    /**
     * Closes the connection. Tasks waiting on it are woken and find it closed; the socket is
     * released at once.
     */
    @Override
    public void close() {
        source.close();
    }

    UncheckedIOException failure(String action, IOException e) {
        return new UncheckedIOException(new IOException("cannot " + action + " " + Addresses.format(peer) + ": " + e.getMessage(), e));
    }

    @Override
    public String toString() {
        return "TcpStream[" + peer + "]";
    }
}
