package threadmill.futures.taskruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.net.TcpListener;
import threadmill.workload.Sockets;

class EchoServerTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /**
     * Accept fails while the listener is open, as it does when the process is out of file
     * descriptors (EMFILE): the server must say so, back off and accept again, as the neutral
     * and blocking servers do, not stop accepting for good (it used to end its accept loop at
     * the first error, and every later client waited forever).
     */
    @Test
    void anAcceptErrorBacksOffAndTheServerKeepsAccepting() throws IOException {
        int failures = 3;
        List<Long> failedAt = new CopyOnWriteArrayList<>();
        try (WorkerPool pool = new WorkerPool(2)) {
            TcpListener listener = TcpListener.bind(LOOPBACK);
            EchoServer server = new EchoServer(pool, listener, cx -> {
                if (failedAt.size() < failures) {
                    failedAt.add(System.nanoTime());
                    throw new UncheckedIOException(new IOException("cannot accept on "
                            + listener.localAddress() + ": Too many open files"));
                }
                return listener.pollAccept(cx);
            });
            try (Socket client = new Socket(server.address().getAddress(), server.address().getPort())) {
                client.setSoTimeout(20_000);
                client.getOutputStream().write(new byte[] {4, 2});
                InputStream in = client.getInputStream();
                assertEquals(4, in.read(), "echoed after the failed accepts");
                assertEquals(2, in.read());
            } finally {
                server.close();
            }
        }
        assertEquals(failures, failedAt.size());
        for (int i = 1; i < failures; i++) {
            long gap = failedAt.get(i) - failedAt.get(i - 1);
            assertTrue(gap >= Sockets.ACCEPT_BACK_OFF.toNanos(), "retried after " + Duration.ofNanos(gap) + ", not backing off");
        }
    }
}
