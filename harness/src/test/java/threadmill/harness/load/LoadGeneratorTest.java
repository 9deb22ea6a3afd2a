package threadmill.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadmill.workload.OsLimits;
import threadmill.workload.ResourceLimitException;
import threadmill.harness.ChildProcess;
import threadmill.harness.echo.NeutralEchoServer;
import threadmill.workload.Sockets;

@Timeout(120)
class LoadGeneratorTest {

    private static NeutralEchoServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 2);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void closedLoopCompletesAndVerifiesEveryRequest() throws IOException, InterruptedException {
        LoadResult result = LoadGenerator.run(Load.closed(server.address(), 50, 20, 64).withWarmup(2));

        assertEquals(0, result.errors(), result.firstError());
        assertEquals(1000, result.requests());
        assertEquals(1000 * 64, result.bytes());
        assertTrue(result.latencyNanos().getTotalCount() >= 1000);
        assertTrue(result.wallNanos() > 0 && result.requestsPerSecond() > 0);
    }

    @Test
    void largePayloadsArriveInPiecesAndAreStillChecked() throws IOException, InterruptedException {
        LoadResult result = LoadGenerator.run(Load.closed(server.address(), 4, 5, 1 << 20).withSelectorThreads(2));

        assertEquals(0, result.errors(), result.firstError());
        assertEquals(20L << 20, result.bytes());
    }

    /**
     * A load with a duration runs without a request count and stops by itself; within a whole
     * second a loopback round trip completes more than once on some connection even on a
     * loaded machine, which shows the closed loop going on until the deadline.
     */
    @Test
    void runForADuration() throws IOException, InterruptedException {
        LoadResult result = LoadGenerator.run(Load.closed(server.address(), 4, 1, 32).withDuration(Duration.ofSeconds(1)));

        assertEquals(0, result.errors(), result.firstError());
        assertTrue(result.requests() > 4, "requests: " + result.requests());
    }

    /**
     * An open loop sends on a schedule fixed in advance and never ahead of it: 500 requests at
     * 500/s over 5 connections, the last one due 998 ms after the start, so the run cannot end
     * sooner however fast the server answers. How far behind a loaded machine falls is the
     * latency's to show, not this test's.
     */
    @Test
    void openLoopNeverSendsAheadOfItsSchedule() throws IOException, InterruptedException {
        LoadResult result = LoadGenerator.run(Load.open(server.address(), 5, 500, 100, 64));

        assertEquals(0, result.errors(), result.firstError());
        assertEquals(500, result.requests());
        assertTrue(result.wallNanos() >= TimeUnit.MILLISECONDS.toNanos(998), "wall ns: " + result.wallNanos());
        assertTrue(result.requestsPerSecond() <= 500.0 * 500 / 499, "requests/s: " + result.requestsPerSecond());
    }

    @Test
    void openLoopChargesAServerStallToEveryRequestItDelayed() throws Exception {
        // 200/s for one second; the server stops for 500 ms before request 50, so about 100
        // requests are sent late. Measured from their intended time they all show the stall;
        // a loaded machine only adds to their latency.
        try (StallingEchoServer stalling = StallingEchoServer.stalling(16, 50, 500)) {
            LoadResult result = LoadGenerator.run(Load.open(stalling.address(), 1, 200, 200, 16));

            assertEquals(200, result.requests());
            assertTrue(result.latencyNanos().getValueAtPercentile(75) > TimeUnit.MILLISECONDS.toNanos(50),
                    "p75 ns: " + result.latencyNanos().getValueAtPercentile(75));
        }
    }

    @Test
    void closedLoopCorrectsCoordinatedOmissionWithTheWarmUpInterval() throws Exception {
        // One stall of 500 ms among 200 measured round trips: uncorrected, it would be one
        // sample out of 200 and vanish below p99; corrected, it adds the samples a client
        // sending at the normal pace would have taken during the stall.
        try (StallingEchoServer stalling = StallingEchoServer.stalling(16, 70, 500)) {
            LoadResult result = LoadGenerator.run(Load.closed(stalling.address(), 1, 200, 16).withWarmup(20));

            Histogram latency = result.latencyNanos();
            assertEquals(200, result.requests());
            assertTrue(latency.getTotalCount() > 210, "samples: " + latency.getTotalCount());
            assertTrue(latency.getValueAtPercentile(90) > TimeUnit.MILLISECONDS.toNanos(10),
                    "p90 ns: " + latency.getValueAtPercentile(90));
        }
    }

    @Test
    void aConnectionTheServerClosesIsCountedAsAnError() throws Exception {
        try (StallingEchoServer hangsUp = StallingEchoServer.closingAt(8, 3)) {
            LoadResult result = LoadGenerator.run(Load.closed(hangsUp.address(), 1, 10, 8));

            assertEquals(3, result.requests());
            assertEquals(1, result.errors());
            assertEquals("connection 0 was closed by " + Sockets.format(hangsUp.address()) + " while request 3 was in flight",
                    result.firstError());
        }
    }

    /**
     * Open loop, 10 requests/s on one connection: the server hangs up right after its second
     * reply, 100 ms before the third request is due. The load generator keeps read interest
     * between requests, so it sees the close as it happens, not at the next send.
     */
    @Test
    void aServerHangingUpBetweenRequestsIsSeenBeforeTheNextOne() throws Exception {
        try (StallingEchoServer hangsUp = StallingEchoServer.closingAfterReply(8, 1)) {
            LoadResult result = LoadGenerator.run(Load.open(hangsUp.address(), 1, 10, 5, 8));

            assertEquals(2, result.requests());
            assertEquals(1, result.errors());
            assertEquals("connection 0 was closed by " + Sockets.format(hangsUp.address()) + " between requests",
                    result.firstError());
        }
    }

    @Test
    void refusedConnectionNamesTheAddress() throws IOException {
        InetSocketAddress closed = closedPort();

        IOException error = assertThrows(IOException.class, () -> LoadGenerator.run(Load.closed(closed, 3, 1, 8)));

        assertTrue(error.getMessage().startsWith("cannot connect to " + Sockets.format(closed)), error.getMessage());
    }

    @Test
    void tooManyConnectionsForUlimitAreRefusedBeforeOpeningAny() {
        Long maxOpenFiles = OsLimits.current().maxOpenFiles();
        Assumptions.assumeTrue(maxOpenFiles != null && maxOpenFiles < 1_000_000);

        ResourceLimitException error = assertThrows(ResourceLimitException.class,
                () -> LoadGenerator.run(Load.closed(server.address(), 1_000_000, 1, 8)));

        assertTrue(error.getMessage().startsWith("1000000 connections need "), error.getMessage());
        assertTrue(error.getMessage().contains("ulimit -n is " + maxOpenFiles), error.getMessage());
    }

    @Test
    void loadIsValidated() {
        InetSocketAddress target = server.address();
        assertEquals("connections must be between 1 and 1000000, was 0",
                assertThrows(IllegalArgumentException.class, () -> Load.closed(target, 0, 1, 8)).getMessage());
        assertEquals("payloadBytes must be between 1 and 1048576, was 0",
                assertThrows(IllegalArgumentException.class, () -> Load.closed(target, 1, 1, 0)).getMessage());
        assertEquals("requestsPerConnection must be between 1 and 2147483647, was 0",
                assertThrows(IllegalArgumentException.class, () -> Load.closed(target, 1, 0, 8)).getMessage());
        assertEquals("an open load needs a positive ratePerSecond, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> Load.open(target, 1, -1, 1, 8)).getMessage());
        assertEquals("target must be a host:port, was null",
                assertThrows(IllegalArgumentException.class, () -> Load.closed(null, 1, 1, 8)).getMessage());
        assertEquals("a load runs either requestsPerConnection (was 0) or a positive duration (was PT0S), not both",
                assertThrows(IllegalArgumentException.class,
                        () -> Load.closed(target, 1, 1, 8).withDuration(Duration.ZERO)).getMessage());
    }

    @Test
    void resultRoundTripsThroughJson() {
        Histogram latency = LoadWorker.newHistogram();
        latency.recordValue(12_345);
        latency.recordValue(67_890);
        LoadResult result = new LoadResult(2, 128, 1_000_000, 2000.0, 1, "closed \"early\"\n", latency);

        LoadResult back = LoadResult.fromJson(result.toJson());

        assertEquals(result.requests(), back.requests());
        assertEquals(result.wallNanos(), back.wallNanos());
        assertEquals(result.requestsPerSecond(), back.requestsPerSecond());
        assertEquals(result.firstError(), back.firstError());
        assertEquals(latency, back.latencyNanos());
        assertNull(LoadResult.fromJson(new LoadResult(0, 0, 1, 0, 0, null, latency).toJson()).firstError());
    }

    @Test
    void mainRunsInItsOwnProcessAndPrintsOneJsonLine() throws IOException, InterruptedException {
        String target = Sockets.format(server.address());
        try (ChildProcess child = ChildProcess.start(LoadGenerator.class, List.of("-Xmx64m"),
                List.of(target, "--connections", "3", "--requests", "10", "--payload", "100", "--mode", "open", "--rate", "1000"))) {
            LoadResult result = LoadResult.fromJson(child.nextLine(Duration.ofSeconds(60)));
            assertEquals(30, result.requests());
            assertEquals(0, result.errors());
        }
    }

    @Test
    void mainRejectsBadArgumentsWithTheMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LoadGenerator.parse(new String[] {"127.0.0.1:1", "--connections", "2", "--requests", "1", "--payload", "8", "--mode", "fast"}));
        assertEquals("--mode must be closed or open, was 'fast'", error.getMessage());
    }

    /** A port that was just bound and released: nothing listens there. */
    static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }
    }
}
