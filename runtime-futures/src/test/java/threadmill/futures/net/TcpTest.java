package threadmill.futures.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Pair;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.testing.AsyncTest;

class TcpTest {

    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void acceptConnectWriteReadShutdown() throws IOException {
        try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK)) {
            String got = AsyncTest.runOnPool(2, pool -> {
                JoinHandle<String> server = pool.spawn(listener.accept().then(s -> {
                    ByteBuffer in = ByteBuffer.allocate(5);
                    return s.readExact(in).then(v -> s.writeAll(in.flip()))
                            .then(v -> s.read(ByteBuffer.allocate(1)))
                            .map(eof -> {
                                s.close();
                                return eof == -1 ? "server saw end of stream" : "unexpected " + eof;
                            });
                }));
                return TcpStream.connect(listener.localAddress()).then(c -> {
                    ByteBuffer echo = ByteBuffer.allocate(5);
                    return c.writeAll(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)))
                            .then(v -> c.readExact(echo))
                            .then(v -> c.shutdown())
                            .then(v -> Futures.join(Futures.ready(new String(echo.array(), StandardCharsets.US_ASCII)), server))
                            .map(Pair::first);
                });
            });
            assertEquals("hello", got);
        }
    }

    @Test
    void manyConnectionsOnTheLocalExecutor() throws IOException {
        int connections = 200;
        try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK)) {
            int total = AsyncTest.runLocal(executor -> {
                executor.spawnLocal(Futures.repeat(connections, i -> listener.accept().map(s -> executor.spawnLocal(echoOnce(s)))));
                List<JoinHandle<Integer>> clients = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    clients.add(executor.spawnLocal(TcpStream.connect(listener.localAddress()).then(c -> {
                        ByteBuffer in = ByteBuffer.allocate(4);
                        return c.writeAll(ByteBuffer.wrap(new byte[] {1, 2, 3, 4})).then(v -> c.readExact(in)).map(v -> {
                            c.close();
                            return in.get(0) + in.get(1) + in.get(2) + in.get(3);
                        });
                    })));
                }
                return Futures.joinAll(clients).map(l -> l.stream().mapToInt(Integer::intValue).sum());
            });
            assertEquals(connections * 10, total);
        }
    }

    private static Future<Void> echoOnce(TcpStream s) {
        ByteBuffer buf = ByteBuffer.allocate(4);
        return s.readExact(buf).then(v -> s.writeAll(buf.flip())).map(v -> {
            s.close();
            return null;
        });
    }

    @Test
    void connectionRefusedNamesTheAddress() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AsyncTest.run(TcpStream.connect(closed)));
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains(hostPort(closed)), e.getCause().getMessage());
    }

    @Test
    void bindingABusyAddressNamesIt() throws IOException {
        try (TcpListener first = TcpListener.bind(ANY_LOOPBACK)) {
            IOException e = assertThrows(IOException.class, () -> TcpListener.bind(first.localAddress()));
            assertTrue(e.getMessage().contains(hostPort(first.localAddress())), e.getMessage());
        }
    }

    @Test
    void closingAListenerWakesItsAcceptingTask() throws IOException {
        TcpListener listener = TcpListener.bind(ANY_LOOPBACK);
        JoinError e = assertThrows(JoinError.class, () -> AsyncTest.runOnPool(1, pool -> {
            JoinHandle<TcpStream> accepting = pool.spawn(listener.accept());
            return Futures.sleep(Duration.ofMillis(50)).then(v -> {
                listener.close();
                return accepting;
            });
        }));
        assertInstanceOf(UncheckedIOException.class, e.getCause());
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
