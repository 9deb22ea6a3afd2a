package threadmill.futures.workload;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import threadmill.futures.Context;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.net.TcpStream;

/**
 * The task serving one accepted connection: read what is there, write it all back, repeat
 * until the client closes. One 16 KiB buffer per connection, reused for every message. A
 * connection error ends the connection (as a server would log and drop it), not the server.
 */
final class EchoConnection implements Future<Void> {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final TcpStream stream;
    private final EchoServer server;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private boolean writing;

    EchoConnection(TcpStream stream, EchoServer server) {
        this.stream = stream;
        this.server = server;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        try {
            for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
                if (!writing) {
                    Poll<Integer> read = stream.pollRead(cx, buffer);
                    if (read.isPending()) {
                        return Poll.pending();
                    }
                    if (read.value() < 0) {
                        cancel();
                        return Poll.ready(null);
                    }
                    buffer.flip();
                    writing = true;
                }
                if (stream.pollWrite(cx, buffer).isPending()) {
                    return Poll.pending();
                }
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    writing = false;
                }
            }
            return CoopBudget.yieldTo(cx);
        } catch (UncheckedIOException e) {
            cancel();
            return Poll.ready(null);
        }
    }

    @Override
    public void cancel() {
        stream.close();
        server.forget(stream);
    }
}
