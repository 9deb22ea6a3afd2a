package threadmill.futures.taskruntime;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import threadmill.futures.Context;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.net.TcpStream;

/**
 * The task serving one accepted connection: read what is there, write it all back, repeat
 * until the client closes. Reads go into a direct buffer shared by every connection polled on
 * the same thread, and are written straight back from it; only bytes the socket would not take
 * at once are copied into a buffer of the connection's own, kept until they are sent. So an idle
 * connection holds no buffer at all (the neutral echo server does the same). A connection error
 * ends the connection (as a server would log and drop it), not the server.
 */
final class EchoConnection implements Future<Void> {

    private static final int SCRATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SCRATCH_BYTES));

    private final TcpStream stream;
    private final EchoServer server;
    private ByteBuffer unsent;

    EchoConnection(TcpStream stream, EchoServer server) {
        this.stream = stream;
        this.server = server;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        try {
            for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
                if (unsent != null) {
                    if (stream.pollWrite(cx, unsent).isPending()) {
                        return Poll.pending();
                    }
                    if (unsent.hasRemaining()) {
                        continue;
                    }
                    unsent = null;
                }
                ByteBuffer scratch = SCRATCH.get().clear();
                Poll<Integer> read = stream.pollRead(cx, scratch);
                if (read.isPending()) {
                    return Poll.pending();
                }
                if (read.value() < 0) {
                    cancel();
                    return Poll.ready(null);
                }
                scratch.flip();
                while (scratch.hasRemaining()) {
                    if (stream.pollWrite(cx, scratch).isPending()) {
                        unsent = ByteBuffer.allocate(scratch.remaining()).put(scratch).flip();
                        return Poll.pending();
                    }
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
