package threadmill.futures.taskruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.testing.Await;
import threadmill.futures.testing.Heap;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RequestObserver;
import threadmill.workload.RunningServer;
import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;
import threadmill.workload.TaskRuntimes;

/** The workloads on the futures runtime, against its own echo server (loopback). */
class FuturesRuntimeTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final FuturesRuntime runtime = (FuturesRuntime) TaskRuntimes.create("futures");

    @AfterEach
    void close() {
        runtime.close();
    }

    /**
     * Every sleeper runs, parks and wakes once, and they sleep together: at least a tenth of
     * them were parked at one time (counted through the observer, not timed, so a loaded machine
     * cannot fail it; sleepers run one after another would never overlap).
     */
    @Test
    void sleepFanOutJoinsEveryTaskAndCallsTheObserver() throws InterruptedException {
        AtomicInteger parked = new AtomicInteger();
        AtomicInteger woke = new AtomicInteger();
        AtomicInteger asleep = new AtomicInteger();
        AtomicInteger mostAsleep = new AtomicInteger();
        SleepObserver observer = new SleepObserver() {
            @Override
            public void parking(int task) {
                parked.incrementAndGet();
                mostAsleep.accumulateAndGet(asleep.incrementAndGet(), Math::max);
            }

            @Override
            public void woke(int task) {
                woke.incrementAndGet();
                asleep.decrementAndGet();
            }
        };
        SleepFanOut workload = new SleepFanOut(100_000, Duration.ofMillis(200));
        assertEquals(workload.expectedSum(), workload.verify(runtime.startSleepers(workload, observer).join()));
        assertEquals(100_000, parked.get());
        assertEquals(100_000, woke.get());
        assertTrue(mostAsleep.get() >= 10_000, "100,000 sleepers of 200 ms must overlap; at most "
                + mostAsleep.get() + " slept at once");
        assertEquals(new SleepFanOut(1_000, Duration.ZERO).expectedSum(), runtime.sleepFanOut(new SleepFanOut(1_000, Duration.ZERO)));
    }

    /** The design target: at most 80 bytes per parked sleeper, its task cell, handle and timer included. */
    @Test
    void aParkedSleeperCostsAtMost80BytesOfHeap() throws InterruptedException {
        int tasks = 500_000;
        runtime.sleepFanOut(new SleepFanOut(10_000, Duration.ofMillis(1)));
        long baseline = Heap.usedAfterGc();
        CountDownLatch parked = new CountDownLatch(tasks);
        RunningTasks running = runtime.startSleepers(new SleepFanOut(tasks, Duration.ofSeconds(60)), new SleepObserver() {
            @Override
            public void parking(int task) {
                parked.countDown();
            }
        });
        assertTrue(parked.await(60, TimeUnit.SECONDS));
        long perTask = (Heap.usedAfterGc() - baseline) / tasks;
        running.cancel();
        assertTrue(perTask <= 80, "heap per parked sleeper: " + perTask + " B");
    }


    /**
     * Cancelling a fan-out aborts every sleeper: its timer leaves the wheel at once. The sleeps
     * outlast the wait for that (an hour against a minute), so elapsing cannot pass for cancelling.
     */
    @Test
    void cancellingSleepersReleasesTheirTimers() throws InterruptedException {
        int tasks = 10_000;
        try (WorkerPool pool = new WorkerPool(2); FuturesRuntime own = new FuturesRuntime(pool)) {
            CountDownLatch parked = new CountDownLatch(tasks);
            RunningTasks running = own.startSleepers(new SleepFanOut(tasks, Duration.ofHours(1)), new SleepObserver() {
                @Override
                public void parking(int task) {
                    parked.countDown();
                }
            });
            assertTrue(parked.await(60, TimeUnit.SECONDS), "every sleeper started");
            Await.until(() -> pool.armedTimers() == tasks, "every sleeper's timer armed");

            running.cancel();

            Await.until(() -> pool.armedTimers() == 0, "every timer released; " + pool.armedTimers() + " left");
        }
    }
    @Test
    void requestFanOutAgainstItsOwnEchoServer() throws Exception {
        try (RunningServer server = runtime.startEchoServer(LOOPBACK)) {
            AtomicInteger echoed = new AtomicInteger();
            RequestFanOut workload = new RequestFanOut(500, 20, 100, server.address());
            long bytes = runtime.requestFanOut(workload, new RequestObserver() {
                @Override
                public void echoed(int connection, int request) {
                    echoed.incrementAndGet();
                }
            });
            assertEquals(workload.expectedBytes(), workload.verify(bytes));
            assertEquals(500 * 20, echoed.get());
            RequestFanOut large = new RequestFanOut(4, 3, 300_000, server.address());
            assertEquals(large.expectedBytes(), runtime.requestFanOut(large));
        }
    }

    @Test
    void echoServerServesBlockingClientsAndClosesTheirConnections() throws IOException {
        RunningServer server = runtime.startEchoServer(LOOPBACK);
        try (Socket client = new Socket(server.address().getAddress(), server.address().getPort())) {
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write(new byte[] {9, 8, 7});
            assertEquals(9, in.read());
            assertEquals(8, in.read());
            assertEquals(7, in.read());
            server.close();
            client.setSoTimeout(10_000);
            assertEquals(-1, in.read(), "closing the server closes open connections");
        }
    }

    @Test
    void anUnreachableTargetIsAnIOExceptionNamingIt() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        InetSocketAddress target = closed;
        IOException e = assertThrows(IOException.class, () -> runtime.requestFanOut(new RequestFanOut(3, 1, 10, target)));
        assertTrue(e.getMessage().contains(hostPort(target)), e.getMessage());
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
