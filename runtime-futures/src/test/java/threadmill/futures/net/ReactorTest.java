package threadmill.futures.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReactorTest {

    /**
     * A worker passes the room left in its run queue: a select must wake no more tasks than
     * that, and the sockets it left alone must be reported by the next select, not lost.
     */
    @Test
    void aSelectWakesNoMoreTasksThanItsLimitAndTheNextSelectWakesTheRest() throws IOException, InterruptedException {
        int sockets = 5;
        AtomicInteger woken = new AtomicInteger();
        List<SocketChannel> opened = new ArrayList<>();
        try (ServerSocketChannel listener = ServerSocketChannel.open();
                Selector probe = Selector.open();
                Reactor reactor = new Reactor()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            for (int i = 0; i < sockets; i++) {
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                SocketChannel served = listener.accept();
                opened.add(client);
                opened.add(served);
                served.configureBlocking(false);
                reactor.register(served).await(SelectionKey.OP_READ, woken::incrementAndGet);
                served.register(probe, SelectionKey.OP_READ);
                client.write(ByteBuffer.wrap(new byte[] {1}));
            }
            awaitAllReadable(probe, sockets);

            assertEquals(2, reactor.poll(0, 2));
            assertEquals(2, woken.get());
            assertEquals(3, reactor.poll(0, 10));
            assertEquals(sockets, woken.get());
        } finally {
            for (SocketChannel channel : opened) {
                channel.close();
            }
        }
    }

    /** Loopback data is usually there when write returns; a second selector makes sure of it. */
    private static void awaitAllReadable(Selector probe, int sockets) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (probe.selectNow() < sockets && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(sockets, probe.selectedKeys().size(), "sockets readable");
    }
}
