package threadmill.futures.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /**
     * Tasks woken by a select are dispatched by the owner after the kernel's wait has returned:
     * it is no longer parked, so a wake scheduled meanwhile (a woken task queued behind another)
     * must not wake it. Waking it would write the selector's wakeup descriptor and unpark the
     * owner, so its next select would return at once and read that descriptor: two system calls
     * and an empty turn for each busy select.
     */
    @Test
    void theOwnerDispatchingWhatItsSelectFoundIsNotParked() throws IOException, InterruptedException {
        List<Boolean> wokeTheOwner = new ArrayList<>();
        try (ServerSocketChannel listener = ServerSocketChannel.open();
                Selector probe = Selector.open();
                Reactor reactor = new Reactor()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                    SocketChannel served = listener.accept()) {
                served.configureBlocking(false);
                reactor.register(served).await(SelectionKey.OP_READ, () -> wokeTheOwner.add(reactor.wakeup()));
                served.register(probe, SelectionKey.OP_READ);
                client.write(ByteBuffer.wrap(new byte[] {1}));
                awaitAllReadable(probe, 1);

                reactor.prepareToPark();
                assertEquals(1, reactor.poll(TimeUnit.SECONDS.toNanos(60), 10));

                assertEquals(List.of(false), wokeTheOwner);
            }
        }
    }

    /**
     * A task that waits on a socket again after its reactor closed (its interest still set from
     * before, so the key is not touched) must fail, not store a waker nobody will ever wake.
     */
    @Test
    void waitingOnASocketOfAClosedReactorFailsInsteadOfWaitingForever() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            AtomicInteger woken = new AtomicInteger();
            Reactor reactor = new Reactor();
            Registration registration = reactor.register(source);
            registration.await(SelectionKey.OP_READ, woken::incrementAndGet);
            reactor.close();
            assertEquals(1, woken.get(), "closing the reactor wakes its waiters");
            IOException e = assertThrows(IOException.class, () -> registration.await(SelectionKey.OP_READ, woken::incrementAndGet));
            assertTrue(e.getMessage().contains("shut down"), e.getMessage());
            assertThrows(IOException.class, () -> reactor.register(sink));
        }
    }

    /**
     * Sockets register in a reactor from any thread, while its owner may be closing it. Every
     * registration must then end one of two ways: refused, or woken by the close (or failing when
     * it waits). A registration made while close listed the keys used to be missed, its waiter
     * never woken; one caught between registering and attaching its key made close throw.
     */
    @Test
    void aReactorClosedWhileSocketsRegisterWakesOrRefusesEveryOne() throws Exception {
        int rounds = 300;
        int sockets = 40;
        for (int round = 0; round < rounds; round++) {
            Reactor reactor = new Reactor();
            List<Pipe> pipes = new ArrayList<>();
            for (int i = 0; i < sockets; i++) {
                Pipe pipe = Pipe.open();
                pipe.source().configureBlocking(false);
                pipes.add(pipe);
            }
            AtomicInteger started = new AtomicInteger();
            AtomicInteger[] woken = new AtomicInteger[sockets];
            boolean[] waiting = new boolean[sockets];
            Thread registering = new Thread(() -> {
                for (int i = 0; i < sockets; i++) {
                    started.incrementAndGet();
                    AtomicInteger count = woken[i] = new AtomicInteger();
                    try {
                        reactor.register(pipes.get(i).source()).await(SelectionKey.OP_READ, count::incrementAndGet);
                        waiting[i] = true;
                    } catch (IOException refused) {
                        // Closed first: refused, or failed when it waited. Either is an answer.
                    }
                }
            });
            registering.start();
            while (started.get() < round % sockets) {
                Thread.onSpinWait();
            }
            reactor.close();
            registering.join();
            for (int i = 0; i < sockets; i++) {
                assertTrue(!waiting[i] || woken[i].get() == 1, "round " + round + ": socket " + i
                        + " waits in a closed reactor and was never woken");
            }
            for (Pipe pipe : pipes) {
                pipe.source().close();
                pipe.sink().close();
            }
        }
    }

    /**
     * The owner waits in a long select; its selector is closed under it (the pool is failing).
     * The poll must return at once, not take the early return for the end of the whole
     * milliseconds and nap through the rest of the timeout: a worker that naps instead of
     * selecting again (and failing) would hold up the pool's failure for a minute.
     */
    @Test
    void aSelectEndedEarlyByItsSelectorClosingReturnsInsteadOfNappingTheRest() throws InterruptedException {
        Reactor reactor = new Reactor();
        CountDownLatch returned = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            try {
                reactor.prepareToPark();
                reactor.poll(TimeUnit.SECONDS.toNanos(60), 10);
            } catch (RuntimeException closedFirst) {
                // Closed before the select began: the select threw, which ends the poll too.
            } finally {
                returned.countDown();
            }
        });
        owner.start();
        Thread.sleep(200);
        reactor.close();
        assertTrue(returned.await(20, TimeUnit.SECONDS), "the poll napped on after its selector closed");
        owner.join();
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
