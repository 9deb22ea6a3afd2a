package threadmill.workload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link TaskRuntime} must do, whatever it is built on. A runtime module's test
 * extends this class and says how to create its runtime. The tests check behaviour with
 * generous bounds (the machine may be loaded), never speed: speed is the benchmarks' job.
 *
 * <p>The peers are plain JDK code ({@link PlainEchoServer}, {@link PlainEchoClients}), so
 * that the contract is checked apart from the measurement harness; the harness's own test-jar
 * checks each runtime again under the load generator and in a child JVM, as benchmarks run it.
 */
@Timeout(120)
public abstract class TaskRuntimeContractTest extends RuntimeTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0} tasks sleeping {1} ms")
    @CsvSource({"1, 10", "1000, 10", "1, 0", "1000, 0"})
    void sleepFanOutReturnsTheSumOfTheTaskIndexes(int tasks, long sleepMillis) throws InterruptedException {
        SleepFanOut workload = new SleepFanOut(tasks, Duration.ofMillis(sleepMillis));

        assertEquals(workload.expectedSum(), runtime.sleepFanOut(workload));
    }

    @Test
    void sleepingTasksRunConcurrently() throws InterruptedException {
        // Run one after the other, 1000 sleeps of 200 ms take 200 s; concurrently well under 10 s.
        SleepFanOut workload = new SleepFanOut(1000, Duration.ofMillis(200));

        long start = System.nanoTime();
        runtime.sleepFanOut(workload);
        long elapsed = System.nanoTime() - start;

        assertTrue(elapsed < TimeUnit.SECONDS.toNanos(10), "1000 x 200 ms sleeps took " + elapsed / 1_000_000 + " ms");
    }

    @ParameterizedTest(name = "depth {0}, sleep of {1} ms")
    @CsvSource({"1, 20", "50, 20", "50, 0"})
    void everyTaskIsObservedParkingOnceAndWakingOnce(int depth, long sleepMillis) throws InterruptedException {
        int tasks = 500;
        AtomicIntegerArray parked = new AtomicIntegerArray(tasks);
        AtomicIntegerArray woke = new AtomicIntegerArray(tasks);
        SleepFanOut workload = new SleepFanOut(tasks, Duration.ofMillis(sleepMillis), depth);

        long sum = runtime.startSleepers(workload, new SleepObserver() {
            @Override
            public void parking(int task) {
                parked.incrementAndGet(task);
            }

            @Override
            public void woke(int task) {
                assertEquals(1, parked.get(task), "task " + task + " woke before it parked");
                woke.incrementAndGet(task);
            }
        }).join();

        assertEquals(workload.expectedSum(), sum);
        for (int task = 0; task < tasks; task++) {
            assertEquals(1, parked.get(task), "parking calls of task " + task);
            assertEquals(workload.sleeps() ? 1 : 0, woke.get(task), "woke calls of task " + task);
        }
    }

    @Test
    void theDeepestSleepRuns() throws InterruptedException {
        SleepFanOut workload = new SleepFanOut(20, Duration.ofMillis(5), SleepFanOut.MAX_DEPTH);

        assertEquals(workload.expectedSum(), runtime.sleepFanOut(workload));
    }

    @Test
    void aZeroSleepParksButNeverWakes() throws InterruptedException {
        int tasks = 100;
        AtomicIntegerArray calls = new AtomicIntegerArray(tasks);

        runtime.startSleepers(new SleepFanOut(tasks, Duration.ZERO), new SleepObserver() {
            @Override
            public void parking(int task) {
                calls.incrementAndGet(task);
            }

            @Override
            public void woke(int task) {
                calls.addAndGet(task, 1000);
            }
        }).join();

        for (int task = 0; task < tasks; task++) {
            assertEquals(1, calls.get(task), "calls for task " + task);
        }
    }

    @Test
    void cancelStopsSleepingTasksPromptly() throws InterruptedException {
        int tasks = 100;
        CountDownLatch allParked = new CountDownLatch(tasks);
        AtomicIntegerArray woke = new AtomicIntegerArray(tasks);
        RunningTasks running = runtime.startSleepers(new SleepFanOut(tasks, Duration.ofMinutes(10)), new SleepObserver() {
            @Override
            public void parking(int task) {
                allParked.countDown();
            }

            @Override
            public void woke(int task) {
                woke.incrementAndGet(task);
            }
        });
        assertTrue(allParked.await(30, TimeUnit.SECONDS), "tasks did not all start");

        assertTimeoutPreemptively(PROMPTLY, () -> {
            running.cancel();
            runtime.close();
        }, "cancel and close of tasks sleeping 10 minutes");
        for (int task = 0; task < tasks; task++) {
            assertEquals(0, woke.get(task), "task " + task + " slept to the end");
        }
    }

    @ParameterizedTest(name = "{0} connections x {1} requests x {2} bytes")
    @CsvSource({"50, 20, 64", "4, 3, 65536", "1, 1, 1"})
    void requestFanOutEchoesEveryByte(int connections, int requests, int payloadBytes) throws Exception {
        try (PlainEchoServer server = PlainEchoServer.start()) {
            RequestFanOut workload = new RequestFanOut(connections, requests, payloadBytes, server.address());

            assertEquals(workload.expectedBytes(), runtime.requestFanOut(workload));
        }
    }

    @Test
    void requestObserverSeesEachRoundTripSentThenEchoedInOrder() throws Exception {
        int connections = 10;
        int requests = 5;
        AtomicIntegerArray sent = new AtomicIntegerArray(connections);
        AtomicIntegerArray echoed = new AtomicIntegerArray(connections);
        try (PlainEchoServer server = PlainEchoServer.start()) {
            RequestFanOut workload = new RequestFanOut(connections, requests, 32, server.address());

            long bytes = runtime.requestFanOut(workload, new RequestObserver() {
                @Override
                public void sending(int connection, int request) {
                    assertEquals(request, sent.getAndIncrement(connection), "request sent out of order");
                    assertEquals(request, echoed.get(connection), "sent before the previous echo");
                }

                @Override
                public void echoed(int connection, int request) {
                    assertEquals(request, echoed.getAndIncrement(connection), "echo out of order");
                }
            });

            assertEquals(workload.expectedBytes(), bytes);
        }
        for (int connection = 0; connection < connections; connection++) {
            assertEquals(requests, sent.get(connection));
            assertEquals(requests, echoed.get(connection));
        }
    }

    @Test
    void requestFanOutToARefusedPortNamesTheAddress() throws IOException {
        InetSocketAddress nobodyListens = closedPort();
        RequestFanOut workload = new RequestFanOut(3, 1, 16, nobodyListens);

        IOException error = assertThrows(IOException.class, () -> runtime.requestFanOut(workload));

        assertTrue(error.getMessage().contains(Sockets.format(nobodyListens)), error.getMessage());
    }

    @ParameterizedTest(name = "{0} connections x {1} requests x {2} bytes")
    @CsvSource({"20, 50, 64", "3, 4, 65536"})
    void ownEchoServerEchoesEveryRoundTripOfConcurrentClients(int connections, int requests, int payloadBytes)
            throws Exception {
        try (RunningServer server = runtime.startEchoServer(Sockets.DEFAULT_BIND)) {
            long echoed = PlainEchoClients.roundTrips(server.address(), connections, requests, payloadBytes);

            assertEquals((long) connections * requests * payloadBytes, echoed);
        }
    }

    @Test
    void closingTheEchoServerClosesItsOpenConnections() throws Exception {
        RunningServer server = runtime.startEchoServer(Sockets.DEFAULT_BIND);
        try (Socket client = new Socket()) {
            client.connect(server.address());
            client.setSoTimeout((int) PROMPTLY.toMillis());
            byte[] payload = new byte[100];
            Payloads.fill(payload, 1, 1);
            client.getOutputStream().write(payload);
            byte[] echoed = new byte[payload.length];
            new DataInputStream(client.getInputStream()).readFully(echoed);
            assertTrue(Payloads.matches(echoed, echoed.length, 1, 1));

            assertTimeoutPreemptively(PROMPTLY, server::close, "closing a server with an open connection");

            assertTrue(endOfStream(client.getInputStream()), "the connection stayed open after close()");
        }
        assertRefused(server.address());
    }

    /**
     * A connection attempt to {@code address} fails. One that succeeds from the very port it
     * connects to is not a listener answering: with nothing bound there, the kernel may hand
     * the closed server's port to the client, and a socket connecting to itself succeeds
     * (TCP's simultaneous open).
     */
    private static void assertRefused(InetSocketAddress address) {
        try (Socket late = new Socket()) {
            late.connect(address, 2000);
            assertEquals(address.getPort(), late.getLocalPort(), "still accepting after close(): " + late);
        } catch (IOException refused) {
            // What a closed server's port does.
        }
    }

    @Test
    void echoServerOnAPortInUseNamesTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = (InetSocketAddress) taken.getLocalSocketAddress();

            IOException error = assertThrows(IOException.class, () -> runtime.startEchoServer(address).close());

            assertTrue(error.getMessage().contains(Sockets.format(address)), error.getMessage());
        }
    }

    @Test
    void closeLeavesNoThreadOfTheRuntimeAlive() throws Exception {
        Set<Thread> before = ThreadLeaks.snapshot();
        TaskRuntime used = createRuntime();
        try (PlainEchoServer target = PlainEchoServer.start()) {
            used.sleepFanOut(new SleepFanOut(100, Duration.ofMillis(10)));
            used.requestFanOut(new RequestFanOut(10, 5, 64, target.address()));
            RunningServer server = used.startEchoServer(Sockets.DEFAULT_BIND);
            PlainEchoClients.roundTrips(server.address(), 5, 5, 64);
            // One connection still open: close() must end its handler too.
            Socket open = new Socket();
            open.connect(server.address());
            try (open) {
                used.close();
            }
        }

        List<String> leaked = ThreadLeaks.leakedSince(before, PROMPTLY);

        assertTrue(leaked.isEmpty(), "threads alive after close(): " + leaked);
    }

    @Test
    void closeTwiceIsHarmless() {
        runtime.close();
        assertDoesNotThrow(runtime::close);
    }

    @Test
    void nameMatchesItsProvider() {
        assertEquals(runtime.name(), TaskRuntimes.provider(runtime.name()).name());
        assertFalse(TaskRuntimes.provider(runtime.name()).description().isBlank());
    }

    /**
     * The provider's side of the pitfalls runs as it declares (here without the JVM flags the
     * pitfall runner gives it, so only that it runs is checked, not the pitfall it shows): each
     * blocking-sleep variant ends with an expectation, and a CPU-hog run reports every wake of
     * every sleeper once per round.
     */
    @Test
    void everyPitfallTheProviderDeclaresRuns() throws InterruptedException {
        RuntimePitfalls pitfalls = TaskRuntimes.provider(runtime.name()).pitfalls();
        for (RuntimePitfalls.Variant variant : pitfalls.blockingSleepVariants()) {
            RuntimePitfalls.Expectation expected = pitfalls.runBlockingSleep(variant.name(), 2, Duration.ofMillis(5));

            assertTrue(expected.expectedMillis() >= 5, variant + ": " + expected);
            assertFalse(expected.note().isBlank(), variant.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> pitfalls.runBlockingSleep("no-such-variant", 1, Duration.ZERO));
        if (pitfalls.oneWorkerJvmFlags().isPresent()) {
            int sleepers = 5;
            int rounds = 3;
            AtomicIntegerArray wakes = new AtomicIntegerArray(rounds);
            String note = pitfalls.runCpuHog(new RuntimePitfalls.CpuHogRun(sleepers, rounds, Duration.ofMillis(5), true,
                    Duration.ofMillis(1), Duration.ofMillis(20)), (round, deadline) -> wakes.incrementAndGet(round));

            assertFalse(note.isBlank());
            for (int round = 0; round < rounds; round++) {
                assertEquals(sleepers, wakes.get(round), "wakes in round " + round);
            }
        }
    }

    /** A port that was just bound and released: nothing listens there. */
    protected static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }
    }

    private static boolean endOfStream(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
