package threadmill.futures.net;

import java.io.EOFException;
import java.nio.ByteBuffer;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.task.Waker;

/**
 * {@link TcpStream#readExact} and {@link TcpStream#writeAll}: moves bytes until the buffer has
 * none remaining, one non-blocking read or write per step.
 */
final class Transfer implements Future<Void> {

    private final TcpStream stream;
    private final ByteBuffer buffer;
    private final boolean write;
    private Waker parked;

    Transfer(TcpStream stream, ByteBuffer buffer, boolean write) {
        this.stream = stream;
        this.buffer = buffer;
        this.write = write;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        while (buffer.hasRemaining()) {
            Poll<Integer> p = write ? stream.pollWrite(cx, buffer) : stream.pollRead(cx, buffer);
            if (p.isPending()) {
                parked = cx.waker();
                return Poll.pending();
            }
            if (p.value() < 0) {
                throw stream.failure("read from", new EOFException(
                        "end of stream with " + buffer.remaining() + " of " + buffer.limit() + " bytes missing"));
            }
        }
        parked = null;
        return Poll.ready(null);
    }

    @Override
    public void cancel() {
        if (parked != null) {
            stream.forget(parked);
        }
    }
}
