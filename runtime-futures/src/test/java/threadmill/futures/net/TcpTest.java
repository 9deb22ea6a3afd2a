package threadmill.futures.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

    /**
     * Read interest outlives a wake by a few selects, so that a woken reader still queued does
     * not pay epoll_ctl per message. A reader that was woken and then stops reading, with data
     * left in the socket, must not keep the level-triggered selector returning at once: the
     * thread that waits in it for a timer has to sleep, not spin.
     */
    @Test
    void aSocketLeftUnreadDoesNotKeepItsSelectorSpinning() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ServerSocket peerListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket socket = peerListener.accept(); OutputStream out = socket.getOutputStream()) {
                    Thread.sleep(100);
                    out.write(new byte[] {1, 2});
                    out.flush();
                    Thread.sleep(2_000);
                } catch (IOException | InterruptedException e) {
                    // The test is over, or failed on its own.
                }
            });
            peer.start();
            InetSocketAddress address = (InetSocketAddress) peerListener.getLocalSocketAddress();
            long cpuMillis = AsyncTest.run(TcpStream.connect(address).then(stream ->
                    stream.readExact(ByteBuffer.allocate(1)).then(oneOfTwoBytes -> {
                        long before = threads.getCurrentThreadCpuTime();
                        return Futures.sleep(Duration.ofMillis(500)).map(v -> {
                            stream.close();
                            return (threads.getCurrentThreadCpuTime() - before) / 1_000_000;
                        });
                    })));
            peer.interrupt();
            peer.join();
            assertTrue(cpuMillis < 250, "waiting 500 ms beside an unread socket took " + cpuMillis + " ms of CPU");
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
