package threadmill.harness.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import threadmill.workload.Shutdown;

/**
 * One selector thread of the {@link NeutralEchoServer}: echoes what its connections send.
 *
 * <p>Reads go into one direct buffer shared by all connections of the loop, so an idle
 * connection costs no buffer; only an echo the socket did not take in full is copied aside,
 * and that connection stops reading until it is written out (the client cannot outrun the
 * echo, so memory stays bounded by one read per connection).
 */
final class EchoLoop implements Runnable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final Selector selector;
    private final Queue<SocketChannel> accepted = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private volatile boolean running = true;

    EchoLoop() throws IOException {
        selector = Selector.open();
    }

    /** Hands over a connection accepted on another thread. */
    void add(SocketChannel connection) {
        accepted.add(connection);
        selector.wakeup();
    }

    /** Makes {@link #run()} close every connection and return. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(this::serve);
                registerAccepted();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("echo loop failed", e);
        } finally {
            closeEverything();
        }
    }

    private void registerAccepted() {
        for (SocketChannel connection; (connection = accepted.poll()) != null; ) {
            try {
                connection.register(selector, SelectionKey.OP_READ);
            } catch (IOException e) {
                Shutdown.closeQuietly(connection);
            }
        }
    }

    private void serve(SelectionKey key) {
        SocketChannel connection = (SocketChannel) key.channel();
        try {
            if (key.isReadable()) {
                echo(key, connection);
            } else if (key.isWritable()) {
                flush(key, connection);
            }
        } catch (IOException e) {
            // The client reset or vanished: that connection is done, the others are not.
            key.cancel();
            Shutdown.closeQuietly(connection);
        }
    }

    private void echo(SelectionKey key, SocketChannel connection) throws IOException {
        buffer.clear();
        if (connection.read(buffer) < 0) {
            key.cancel();
            connection.close();
            return;
        }
        buffer.flip();
        connection.write(buffer);
        if (buffer.hasRemaining()) {
            ByteBuffer unsent = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
            key.attach(unsent);
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private void flush(SelectionKey key, SocketChannel connection) throws IOException {
        ByteBuffer unsent = (ByteBuffer) key.attachment();
        connection.write(unsent);
        if (!unsent.hasRemaining()) {
            key.attach(null);
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Closes every connection and the selector; what {@link #run()} ends with. */
    void closeEverything() {
        for (SelectionKey key : selector.keys()) {
            Shutdown.closeQuietly(key.channel());
        }
        for (SocketChannel connection; (connection = accepted.poll()) != null; ) {
            Shutdown.closeQuietly(connection);
        }
        Shutdown.closeQuietly(selector);
    }
}
