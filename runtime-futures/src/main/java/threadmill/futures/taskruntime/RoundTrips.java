package threadmill.futures.taskruntime;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import threadmill.futures.Context;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.net.TcpStream;
import threadmill.workload.Payloads;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RequestObserver;

/**
 * One connection of the request fan-out, as the state machine an {@code async fn} compiles to:
 * connect, then R times {write the payload, read as many bytes back, check them}, then close.
 * Two buffers per connection, reused by every request; a round trip allocates only the Poll
 * results of its reads and writes.
 */
final class RoundTrips implements Future<Long> {

    private final int connection;
    private final int requests;
    private final int payloadBytes;
    private final RequestObserver observer;
    private Future<TcpStream> connect;
    private TcpStream stream;
    private ByteBuffer out;
    private ByteBuffer in;
    private int request;

    RoundTrips(int connection, RequestFanOut workload, RequestObserver observer) {
        this.connection = connection;
        this.requests = workload.requestsPerConnection();
        this.payloadBytes = workload.payloadBytes();
        this.observer = observer;
        this.connect = TcpStream.connect(workload.target());
    }

    @Override
    public Poll<Long> poll(Context cx) {
        if (stream == null) {
            Poll<TcpStream> connected = connect.poll(cx);
            if (connected.isPending()) {
                return Poll.pending();
            }
            connect = null;
            stream = connected.value();
            out = ByteBuffer.allocate(payloadBytes);
            in = ByteBuffer.allocate(payloadBytes);
            startRequest();
        }
        for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
            if (out.hasRemaining()) {
                if (stream.pollWrite(cx, out).isPending()) {
                    return Poll.pending();
                }
                continue;
            }
            Poll<Integer> read = stream.pollRead(cx, in);
            if (read.isPending()) {
                return Poll.pending();
            }
            if (read.value() < 0) {
                throw new UncheckedIOException(new EOFException("connection " + connection + " to "
                        + stream.peerAddress() + " closed by the server during request " + request));
            }
            if (in.hasRemaining()) {
                continue;
            }
            if (!Payloads.matches(in.flip(), connection, request)) {
                throw Payloads.mismatch(connection, request);
            }
            observer.echoed(connection, request);
            if (++request == requests) {
                stream.close();
                stream = null;
                return Poll.ready((long) requests * payloadBytes);
            }
            startRequest();
        }
        return CoopBudget.yieldTo(cx);
    }

    private void startRequest() {
        Payloads.fill(out.clear(), connection, request);
        in.clear();
        observer.sending(connection, request);
    }

    @Override
    public void cancel() {
        if (connect != null) {
            connect.cancel();
        }
        if (stream != null) {
            stream.close();
        }
    }
}
