package threadmill.futures.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Loop;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.net.TcpListener;
import threadmill.futures.net.TcpStream;

/**
 * The usage examples in the Javadoc of {@link TcpListener} and {@link TcpStream}, run (see
 * {@link ExecutorExamplesTest} for how they get there).
 */
class NetExamplesTest {

    // @start region="echo-once"
    /** Reads a 5-byte message, writes it back, closes the connection. */
    static Future<Void> echoOnce(TcpStream stream) {
        ByteBuffer message = ByteBuffer.allocate(5);
        return stream.readExact(message)
                .then(read -> stream.writeAll(message.flip()))
                .map(written -> {
                    stream.close();
                    return null;
                });
    }
    // @end

    @Test
    void echo() throws IOException {
        WorkerPool pool = new WorkerPool(2);
        // @start region="accept-loop"
        TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0));
        // One task accepts, forever; each connection gets a task of its own.
        pool.spawn(Futures.loopFn(0L, accepted -> listener.accept().map(stream -> {
            pool.spawn(echoOnce(stream));
            return Loop.<Long, Void>continueWith(accepted + 1);
        })));
        // @end
        try (pool; listener) {

            // @start region="client"
            Future<String> roundTrip = TcpStream.connect(listener.localAddress()).then(client -> {
                ByteBuffer reply = ByteBuffer.allocate(5);
                return client.writeAll(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)))
                        .then(written -> client.readExact(reply))
                        .map(read -> {
                            client.close();
                            return new String(reply.array(), StandardCharsets.US_ASCII);
                        });
            });
            String echoed = pool.blockOn(roundTrip);
            // @end
            assertEquals("hello", echoed);
            String received = pool.blockOn(exchange(listener.localAddress()));
            assertTrue(!received.isEmpty() && "hello".startsWith(received), received);
        }
    }

    /** One write and one read: the read may legally see only the first bytes of the echo. */
    private static Future<String> exchange(InetSocketAddress address) {
        // @start region="read-write"
        // write and read go once to the socket: they may move fewer bytes than the buffer holds.
        Future<String> exchange = TcpStream.connect(address).then(stream -> {
            ByteBuffer request = ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer response = ByteBuffer.allocate(64);
            return stream.write(request)
                    .then(written -> stream.read(response))
                    .map(read -> {
                        stream.close();
                        if (read < 0) {
                            throw new UncheckedIOException(new IOException("closed before replying"));
                        }
                        return new String(response.array(), 0, read, StandardCharsets.US_ASCII);
                    });
        });
        // @end
        return exchange;
    }
}
