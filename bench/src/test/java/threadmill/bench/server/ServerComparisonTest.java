package threadmill.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.RunEnvironment;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.CommandLine;
import threadmill.harness.JsonLines;
import threadmill.harness.server.CpuLayout;
import threadmill.harness.server.ProcessCpu;
import threadmill.workload.OsLimits;

@Timeout(300)
class ServerComparisonTest {

    private static ServerSettings settings(List<String> servers, List<Integer> connections) {
        return new ServerSettings(servers, connections, 128, Duration.ofMillis(200), Duration.ofMillis(200), 2, 1,
                List.of(0.5), CpuLayout.AUTO, CpuLayout.AUTO, null);
    }

    private static final CpuLayout UNPINNED = new CpuLayout(null, null, null, "taskset is not on the PATH");

    @Test
    void aPoolThatServesFewerConnectionsThanAskedIsNotRunAndSaysWhy() {
        List<ServerComparison.Point> plan = ServerComparison.local(settings(List.of("pool", "nio"), List.of(300)), UNPINNED)
                .plan();

        assertEquals(List.of("pool", "nio"), plan.stream().map(ServerComparison.Point::server).toList());
        assertTrue(plan.get(0).notRun().startsWith("not run: the pool server serves at most 200 connections at once"),
                plan.get(0).notRun());
        assertTrue(plan.get(0).notRun().endsWith("so 100 of the 300 would wait unserved"), plan.get(0).notRun());
        assertNull(plan.get(1).notRun());
    }

    @Test
    void moreConnectionsThanTheDescriptorLimitAreNotRunAndNameTheLimit() {
        Long limit = OsLimits.current().maxOpenFiles();
        Assumptions.assumeTrue(limit != null && limit < 900_000);
        ServerComparison.Point point = ServerComparison.local(settings(List.of("nio"), List.of(1_000_000)), UNPINNED)
                .plan().get(0);

        assertTrue(point.notRun().startsWith("not run: 1000000 connections need 1000000 descriptors in the server"
                + " process and 1000000 in the load generator's"), point.notRun());
        assertTrue(point.notRun().contains("ulimit -n is " + limit), point.notRun());
    }

    @Test
    void badSettingsAreOneErrorNamingTheValueAndTheLimit() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(List.of("nio", "goroutines"), List.of(10)))
                .getMessage().startsWith("unknown server 'goroutines'; known servers: nio, "));
        assertEquals("a load fraction must be above 0 and at most 1 (of the closed-loop maximum), was 1.5",
                assertThrows(IllegalArgumentException.class, () -> new ServerSettings(List.of("nio"), List.of(10), 128,
                        Duration.ZERO, Duration.ofSeconds(1), 1, 1, List.of(1.5), "auto", "auto", null)).getMessage());
        assertEquals("connections must be between 1 and 1000000, was 0",
                assertThrows(IllegalArgumentException.class, () -> settings(List.of("nio"), List.of(0))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerComparison.local(settings(List.of("nio"), List.of(10)).withCpus("0-x", "auto")))
                .getMessage().startsWith("CPU list '0-x' cannot be read"));
        assertEquals("--fractions takes numbers such as 0.25,0.75, was 'half'",
                assertThrows(IllegalArgumentException.class, () -> ServerComparison.settings(new CommandLine(
                        new String[] {"--fractions", "half"}, "fractions", "tokio"))).getMessage());
    }

    @Test
    void unpinnedTheLayoutIsRecordedAsNullLists() {
        RunEnvironment.Pinning pinning = ServerComparison.local(settings(List.of("nio"), List.of(10)), UNPINNED).pinning();
        assertNull(pinning.serverCpus());
        assertNull(pinning.clientCpus());
    }

    @Test
    void theTimeIsAFunctionOfTheSettingsAndLeavesOutWhatWillNotRun() {
        ServerComparison one = ServerComparison.local(settings(List.of("nio"), List.of(100)), UNPINNED);
        ServerComparison withPool = ServerComparison.local(settings(List.of("nio", "pool"), List.of(300)), UNPINNED);
        ServerSettings longer = new ServerSettings(List.of("nio"), List.of(100), 128, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 4, 2, List.of(0.5, 0.9), "auto", "auto", null);

        Duration perPoint = one.estimate();
        assertTrue(perPoint.compareTo(Duration.ofMillis(200 + 3 * 200)) > 0, perPoint.toString());
        assertEquals(ServerComparison.local(settings(List.of("nio"), List.of(300)), UNPINNED).estimate(), withPool.estimate(),
                "the pool's point is not run, so it takes no time");
        assertTrue(ServerComparison.local(longer, UNPINNED).estimate().compareTo(Duration.ofSeconds(10 + 8 * 5)) > 0);
    }

    /**
     * The stage end to end on this machine's layout, with a point that cannot run first: that
     * one is a failed line at once; the two servers that run take turns window by window, each
     * window a line as it ends with the server's CPU; a line already in the file stays.
     */
    @Test
    void theStageWritesALinePerWindowWithTheServersTakingTurns(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        Files.writeString(dir.resolve("server.jsonl"), "{\"earlier\":1}\n");
        ServerComparison comparison = ServerComparison.local(settings(List.of("pool", "nio", "futures"), List.of(250)));

        comparison.run(raw, new Progress(raw));

        List<String> text = Files.readAllLines(dir.resolve("server.jsonl"));
        assertEquals("{\"earlier\":1}", text.get(0), "lines already written stay");
        List<ServerLine> lines = text.subList(1, text.size()).stream().map(line -> JsonLines.parse(line, ServerLine.class))
                .toList();
        assertEquals(7, lines.size(), lines.toString());
        ServerLine pool = lines.get(0);
        assertEquals("pool", pool.server());
        assertEquals(ServerLine.FAILED, pool.status());
        assertNull(pool.window());
        assertTrue(pool.error().startsWith("not run: the pool server serves at most 200"), pool.error());
        List<ServerLine> measured = lines.subList(1, 7);
        assertEquals(List.of("nio", "futures", "nio", "futures", "nio", "futures"),
                measured.stream().map(ServerLine::server).toList(), "the servers take turns, window by window");
        assertEquals(List.of(ServerLine.CLOSED, ServerLine.CLOSED, ServerLine.CLOSED, ServerLine.CLOSED, ServerLine.OPEN,
                ServerLine.OPEN), measured.stream().map(ServerLine::mode).toList());
        assertEquals(List.of(0, 0, 1, 1, 0, 0), measured.stream().map(ServerLine::window).toList());
        RunEnvironment.Pinning pinning = comparison.pinning();
        for (ServerLine line : measured) {
            assertEquals(ServerLine.OK, line.status(), line.error());
            assertEquals(250, line.connections());
            assertEquals(0, line.errors());
            assertTrue(line.requests() > 0);
            assertEquals(pinning.serverCpus(), line.serverCpus());
            assertEquals(pinning.clientCpus(), line.clientCpus());
            assertEquals(line.server().equals(ServerLine.FLOOR) ? EchoServerProcess.jvmFlags()
                    : EchoServerProcess.jvmFlags(line.server(), comparison.serverCpuCount()), line.serverJvmFlags());
            assertTrue(Files.isRegularFile(dir.resolve(line.hgrm())), line.hgrm());
            if (ProcessCpu.clockTicksPerSecond() != null) {
                assertNotNull(line.serverCpuNanos());
                assertEquals(line.serverCpuNanos() / 1000.0 / line.requests(), line.cpuMicrosPerRequest(), 1e-9);
            }
        }
        for (int server = 0; server < 2; server++) {
            ServerLine open = measured.get(4 + server);
            assertEquals(0.5, open.loadFraction());
            assertEquals((measured.get(server).requestsPerSecond() + measured.get(2 + server).requestsPerSecond()) / 2 * 0.5,
                    open.targetRate(), 1e-6, "the open loop's rate is the fraction of the server's own closed windows' mean");
        }
    }
}
