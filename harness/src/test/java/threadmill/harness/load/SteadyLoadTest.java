package threadmill.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadmill.harness.ChildProcess;
import threadmill.harness.JsonLines;
import threadmill.harness.echo.NeutralEchoServer;
import threadmill.harness.server.ProcessCpu;
import threadmill.harness.server.ServedCpu;
import threadmill.workload.Sockets;

@Timeout(180)
class SteadyLoadTest {

    /**
     * The load side in a process of its own: connected and served once before it says ready,
     * then a report per window asked for, each with the server's CPU over that window (here the
     * server is this test's JVM); a collection asked for between windows leaves the connections
     * as they were.
     */
    @Test
    void theLoadProcessReportsEachWindowWithTheServersCpu() throws Exception {
        try (NeutralEchoServer server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 1);
             SteadyLoadProcess load = SteadyLoadProcess.start(List.of(), List.of("-Xmx64m"), server.address(), 8, 64,
                     ProcessHandle.current().pid())) {
            assertEquals(8, load.readyConnections());

            SteadyLoad.Report closed = load.closed(Duration.ofMillis(300));
            load.collectGarbage();
            SteadyLoad.Report open = load.open(200, Duration.ofMillis(500));

            assertEquals(SteadyLoad.Report.WINDOW, closed.kind());
            assertEquals("closed", closed.mode());
            assertNull(closed.ratePerSecond());
            assertEquals(Duration.ofMillis(300).toNanos(), closed.askedNanos());
            assertEquals(0, closed.result().errors());
            assertTrue(closed.result().requests() > 0);
            assertEquals(8, closed.liveConnections());
            assertEquals("open", open.mode());
            assertEquals(200.0, open.ratePerSecond());
            assertEquals(100, open.result().requests(), "200/s for 0.5 s");
            if (ProcessCpu.clockTicksPerSecond() != null) {
                assertNotNull(closed.serverCpuNanos());
                assertTrue(closed.serverCpuNanos() >= 0);
            }
            assertEquals(closed.result().requests(), closed.result().toResult().latencyNanos().getTotalCount());
        }
    }

    @Test
    void withoutAServerPidTheCpuIsUnknown() throws Exception {
        try (NeutralEchoServer server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 1);
             SteadyLoadProcess load = SteadyLoadProcess.start(List.of(), List.of("-Xmx64m"), server.address(), 2, 16, null)) {
            assertNull(load.closed(Duration.ofMillis(100)).serverCpuNanos());
        }
    }

    @Test
    void aTargetThatIsNotThereFailsTheStartWithTheAddress() throws Exception {
        var closed = LoadGeneratorTest.closedPort();
        IOException error = assertThrows(IOException.class,
                () -> SteadyLoadProcess.start(List.of(), List.of("-Xmx64m"), closed, 2, 16, null));
        assertTrue(error.getMessage().contains("cannot connect to " + Sockets.format(closed)), error.getMessage());
    }

    @Test
    void commandsAreReadStrictly() {
        assertEquals(new SteadyLoad.Window(false, 0, Duration.ofMillis(1500)), SteadyLoad.Window.parse("closed 1500"));
        assertEquals(new SteadyLoad.Window(true, 250.5, Duration.ofMillis(20)), SteadyLoad.Window.parse(" open 250.5 20 "));
        SteadyLoad.Window open = SteadyLoad.Window.open(1e5, Duration.ofSeconds(2));
        assertEquals(open, SteadyLoad.Window.parse(open.command()));
        for (String bad : List.of("closed", "closed 0", "open 100", "open -1 100", "open NaN 100", "shut 10", "closed 5s",
                "closed 3600001")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SteadyLoad.Window.parse(bad));
            assertEquals("command '" + bad + "' is not 'closed <millis>', 'open <requests per second> <millis>' or"
                    + " 'collect', with a length of 1 ms to 3600000 ms and a positive rate", error.getMessage());
        }
    }

    /** A server child reports its own CPU when asked and when its stdin ends: what a server on another host gives. */
    @Test
    void aServerChildReportsItsCpuWhenAskedAndWhenItStops() throws Exception {
        try (ChildProcess server = ChildProcess.startServer(NeutralEchoServer.class, List.of("-Xmx64m"), List.of(),
                Duration.ofSeconds(60))) {
            server.send("");
            ServedCpu now = JsonLines.parse(server.nextLine(Duration.ofSeconds(30)), ServedCpu.class);
            server.process().getOutputStream().close();
            ServedCpu stopped = JsonLines.parse(server.nextLine(Duration.ofSeconds(30)), ServedCpu.class);

            assertEquals(ServedCpu.NOW, now.kind());
            assertEquals(ServedCpu.STOPPED, stopped.kind());
            if (ProcessCpu.clockTicksPerSecond() != null) {
                assertTrue(now.processCpuNanos() > 0, "a JVM that started has used CPU");
                assertTrue(stopped.processCpuNanos() >= now.processCpuNanos());
            }
        }
    }
}
