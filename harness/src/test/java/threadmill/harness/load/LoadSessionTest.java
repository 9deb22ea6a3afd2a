package threadmill.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadmill.workload.Sockets;

@Timeout(120)
class LoadSessionTest {

    private static final int PAYLOAD = 32;

    /**
     * The connections are opened once: however many windows run, the server accepts each
     * connection once, and every echo the load generator counts is one the server sent.
     */
    @Test
    void windowsRunOnTheSameConnectionsAndCountEveryCheckedEcho() throws Exception {
        try (CountingEchoServer server = CountingEchoServer.echoing(PAYLOAD);
             LoadSession session = LoadSession.connect(server.address(), 20, PAYLOAD, 2)) {
            session.warmUp(1);
            long counted = 20;
            for (int i = 0; i < 3; i++) {
                LoadResult window = session.closedFor(Duration.ofMillis(200));
                assertEquals(0, window.errors(), window.firstError());
                assertTrue(window.requests() > 0);
                assertEquals(window.requests() * PAYLOAD, window.bytes());
                assertEquals(window.requests(), window.latencyNanos().getTotalCount(), "a closed window records each round trip once");
                counted += window.requests();
            }
            LoadResult open = session.openFor(100, Duration.ofMillis(200));
            counted += open.requests();

            assertEquals(20, server.accepted());
            assertEquals(counted, server.echoed());
            assertEquals(20, session.liveConnections());
        }
    }

    /**
     * An open window issues exactly the requests its schedule has before the window ends,
     * however fast the server answers: 500/s for one second over 5 connections is requests 0
     * to 499, the last due 998 ms after the start, so the window cannot end sooner.
     */
    @Test
    void anOpenWindowKeepsToItsRate() throws Exception {
        try (CountingEchoServer server = CountingEchoServer.echoing(PAYLOAD);
             LoadSession session = LoadSession.connect(server.address(), 5, PAYLOAD, 1)) {
            session.warmUp(1);
            LoadResult window = session.openFor(500, Duration.ofSeconds(1));

            assertEquals(0, window.errors(), window.firstError());
            assertEquals(500, window.requests());
            assertTrue(window.wallNanos() >= TimeUnit.MILLISECONDS.toNanos(998), "wall ns: " + window.wallNanos());
            LoadResult second = session.openFor(500, Duration.ofSeconds(1));
            assertEquals(500, second.requests(), "each window starts its schedule afresh");
        }
    }

    /**
     * A server that hangs up a connection fails the window it happens in, and only that one:
     * the next window runs on the connections left and counts no error of its own.
     */
    @Test
    void aConnectionTheServerDropsFailsItsWindowAndStaysClosed() throws Exception {
        try (CountingEchoServer server = CountingEchoServer.hangingUpFirstAfter(PAYLOAD, 50);
             LoadSession session = LoadSession.connect(server.address(), 4, PAYLOAD, 1)) {
            session.warmUp(1);
            LoadResult dropped = null;
            for (int i = 0; i < 100 && dropped == null; i++) {
                LoadResult window = session.closedFor(Duration.ofMillis(50));
                if (window.errors() > 0) {
                    dropped = window;
                }
            }

            assertTrue(dropped != null, "the server hung up after 50 echoes on one connection");
            assertEquals(1, dropped.errors());
            assertTrue(dropped.firstError().startsWith("connection "), dropped.firstError());
            assertTrue(dropped.firstError().contains("closed by " + Sockets.format(server.address())), dropped.firstError());
            assertEquals(3, session.liveConnections());
            assertEquals(1, session.failedConnections());
            LoadResult after = session.closedFor(Duration.ofMillis(100));
            assertEquals(0, after.errors());
            assertNull(after.firstError());
            assertTrue(after.requests() > 0);
        }
    }
}
