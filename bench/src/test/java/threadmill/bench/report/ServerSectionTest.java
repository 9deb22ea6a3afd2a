package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.JsonLines;

class ServerSectionTest {

    @TempDir
    Path run;

    /** Three closed windows and three at 75 % per server, CPU per request spread ±1 % around {@code cpu}. */
    private static List<ServerLine> server(String name, double rate, double cpu, double p99At75) {
        List<ServerLine> lines = new ArrayList<>();
        double[] spread = {0.99, 1.0, 1.01};
        for (int w = 0; w < 3; w++) {
            lines.add(window(name, ServerLine.CLOSED, null, null, w, rate * spread[w], cpu * spread[w], 900.0));
        }
        for (int w = 0; w < 3; w++) {
            lines.add(window(name, ServerLine.OPEN, 0.75, 0.75 * rate, w, 0.75 * rate, cpu * 1.2 * spread[w], p99At75));
        }
        return lines;
    }

    private static ServerLine window(String server, String mode, Double fraction, Double target, int window, double rate,
                                     double cpuMicros, double p99) {
        long requests = Math.round(rate * 2);
        return new ServerLine(server, null, mode, 1000, 128, fraction, target, window, 2.0, requests, 0L, rate,
                Math.round(cpuMicros * 1000 * requests), cpuMicros, p99 / 3, p99 / 2, p99, p99 * 2, p99 * 3, "0", "1",
                null, null, null, ServerLine.OK, null);
    }

    private void write(List<ServerLine> lines) throws IOException {
        Path raw = Files.createDirectories(run.resolve("raw"));
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(JsonLines.write(line)).append('\n'));
        Files.writeString(raw.resolve("server.jsonl"), text, StandardCharsets.UTF_8);
    }

    private List<ServerLine> fixture() {
        List<ServerLine> lines = new ArrayList<>();
        lines.addAll(server("loom", 50_000, 20, 4000));
        lines.addAll(server("futures", 80_000, 11, 2000));
        lines.addAll(server(ServerLine.FLOOR, 90_000, 10, 1500));
        lines.add(new ServerLine("pool", null, ServerLine.CLOSED, 1000, 128, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "0", "1", null, null, null, ServerLine.FAILED,
                "not run: the pool server serves at most 200 connections at once"));
        return lines;
    }

    @Test
    void theMethodSaysWhetherTheServersTookTurnsFromTheOrderOfTheirWindows() throws Exception {
        write(fixture());
        ReportGenerator.generate(run);
        String oneAfterAnother = Files.readString(run.resolve("REPORT.md"), StandardCharsets.UTF_8);
        assertTrue(oneAfterAnother.contains("The servers were measured one after another."), oneAfterAnother);

        List<ServerLine> loom = server("loom", 50_000, 20, 4000);
        List<ServerLine> futures = server("futures", 80_000, 11, 2000);
        List<ServerLine> turns = new ArrayList<>();
        for (int i = 0; i < loom.size(); i++) {
            turns.add(loom.get(i));
            turns.add(futures.get(i));
        }
        write(turns);
        ReportGenerator.generate(run);
        String tookTurns = Files.readString(run.resolve("REPORT.md"), StandardCharsets.UTF_8);
        assertTrue(tookTurns.contains("The servers of a connection count run side by side and take turns window by window"),
                tookTurns);
        assertTrue(!tookTurns.contains("one after another"), tookTurns);
    }

    /**
     * Servers that took turns: the host's drift moves both servers' CPU per request window by
     * window, so each server's own interval is wide, but the ratio of the windows of one turn
     * holds, and the ratio's interval is that of the paired ratios, not the two intervals
     * combined.
     */
    @Test
    void serversThatTookTurnsAreComparedWindowByWindow() throws Exception {
        List<ServerLine> turns = new ArrayList<>();
        double[] drift = {1.0, 1.3, 0.8, 1.2};
        for (int w = 0; w < drift.length; w++) {
            turns.add(window("loom", ServerLine.CLOSED, null, null, w, 50_000, 20 * drift[w], 900.0));
            turns.add(window("futures", ServerLine.CLOSED, null, null, w, 80_000, 11 * drift[w] * (w % 2 == 0 ? 1.01 : 0.99),
                    900.0));
        }
        ServerResults results = ServerResults.of(turns);
        assertTrue(results.serversTookTurns());
        Value paired = results.cpuRatio(results.closed("futures", 1000), results.closed("loom", 1000));
        Value combined = ServerResults.ratio(results.closed("futures", 1000).cpuMicrosPerRequest(),
                results.closed("loom", 1000).cpuMicrosPerRequest());

        assertEquals(0.55, paired.value(), 1e-9);
        assertTrue(paired.relativeError() < 0.1, "paired: " + paired);
        assertTrue(combined.relativeError() > 0.5, "combined: " + combined);
        assertFalse(ServerResults.of(fixture()).serversTookTurns(), "one server after another");
    }

    @Test
    void theMethodNamesTheFlagsThatSizedARuntimeBeyondTheFloorsFlags() throws Exception {
        List<String> common = List.of("-Xmx512m", "-XX:+UseG1GC");
        List<String> sized = List.of("-Xmx512m", "-XX:+UseG1GC", "-Dkotlinx.coroutines.io.parallelism=2");
        List<ServerLine> lines = new ArrayList<>();
        for (ServerLine line : fixture()) {
            List<String> flags = switch (line.server()) {
                case ServerLine.FLOOR, "loom" -> common;
                case "futures" -> sized;
                default -> null;
            };
            lines.add(new ServerLine(line.server(), line.runtimeVersion(), line.mode(), line.connections(),
                    line.payloadBytes(), line.loadFraction(), line.targetRate(), line.window(), line.seconds(),
                    line.requests(), line.errors(), line.requestsPerSecond(), line.serverCpuNanos(),
                    line.cpuMicrosPerRequest(), line.p50Micros(), line.p90Micros(), line.p99Micros(), line.p999Micros(),
                    line.maxMicros(), line.serverCpus(), line.clientCpus(), line.serverHost(), flags, line.hgrm(),
                    line.status(), line.error()));
        }
        write(lines);
        ReportGenerator.generate(run);
        String report = Files.readString(run.resolve("REPORT.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("(futures: `-Dkotlinx.coroutines.io.parallelism=2`;"), report);
        assertFalse(report.contains("loom: `"), report);
        assertTrue(report.contains("server futures (its own JVM)"), report);

        write(fixture());
        ReportGenerator.generate(run);
        assertFalse(Files.readString(run.resolve("REPORT.md"), StandardCharsets.UTF_8).contains("is given the flags"));
    }

    @Test
    void theTableLeadsWithTheFloorAndSetsEveryServerAgainstItAndLoom() throws Exception {
        write(fixture());
        ReportGenerator.generate(run);
        String report = Files.readString(run.resolve("REPORT.md"), StandardCharsets.UTF_8);

        int section = report.indexOf("## " + ServerFigures.SECTION);
        int floor = report.indexOf("| nio (floor) |", section);
        assertTrue(section > 0 && floor > section && floor < report.indexOf("| loom |", section)
                && floor < report.indexOf("| futures |", section), report);
        String futures = report.lines().filter(line -> line.startsWith("| futures | 80000 ± ")).findFirst().orElseThrow();
        assertTrue(futures.contains("| 1.10× ± "), futures);
        assertTrue(futures.contains("| 0.55× ± "), futures);
        assertTrue(futures.contains("| 666.7 / 2000 | 3 |"), "p50 / p99 at 75 % load, windows: " + futures);
        assertTrue(futures.contains("| 88 % |"), "11 µs of CPU per request at 80,000 req/s on one CPU: " + futures);
        assertTrue(report.contains("| loom | 75 % | 37500 | 37500 ± "), report);
        assertTrue(report.contains("- pool at 1000 connections: not run: the pool server serves at most 200"), report);
        assertTrue(report.contains("Pinning: server on CPU 0, load generator on CPU 1."), report);
        assertTrue(report.contains("![Open-loop latency vs load, 1000 connections](server-latency-vs-load-1000.svg)"));
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(run.resolve("server-latency-vs-load-1000.svg").toFile());
        assertEquals("svg", chart.getDocumentElement().getTagName());
        String svg = Files.readString(run.resolve("server-latency-vs-load-1000.svg"));
        assertTrue(svg.contains("data-series=\"futures p99\"") && svg.contains("data-series=\"nio p50\""), svg);
    }

    @Test
    void findingsGiveCpuPerRequestWithItsIntervalAndTheRatios() throws IOException {
        write(fixture());
        List<ServerSection.Finding> findings = ServerSection.findings(RawRun.load(run));

        assertEquals(List.of("nio", "loom", "futures"), findings.stream().map(ServerSection.Finding::server).toList());
        ServerSection.Finding futures = findings.get(2);
        assertEquals(1000, futures.connections());
        assertEquals(11, futures.cpuMicrosPerRequest().value(), 1e-9);
        assertTrue(futures.cpuMicrosPerRequest().error() > 0, "three windows have an interval");
        assertEquals(1.1, futures.cpuToFloor().value(), 1e-9);
        assertEquals(0.55, futures.cpuToLoom().value(), 1e-9);
        assertEquals(2000, futures.p99At75Micros().value(), 1e-9);
        assertEquals(80_000, futures.requestsPerSecond().value(), 1e-6);
    }

    @Test
    void aRunWithoutTheComparisonHasNoSectionAndNoFindings() throws IOException {
        Files.createDirectories(run.resolve("raw"));
        ReportGenerator.generate(run);
        assertTrue(!Files.readString(run.resolve("REPORT.md")).contains("Server comparison"));
        assertEquals(List.of(), ServerSection.findings(RawRun.load(run)));
    }

    @Test
    void aMalformedLineIsNamedByFileAndLine() throws IOException {
        write(fixture());
        Files.writeString(run.resolve("raw/server.jsonl"), "{\"server\":\"loom\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        RawFormatException error = org.junit.jupiter.api.Assertions.assertThrows(RawFormatException.class,
                () -> ReportGenerator.generate(run));
        assertTrue(error.getMessage().contains("server.jsonl:" + (fixture().size() + 1) + ":"), error.getMessage());
    }

    @Test
    void aFigureHasTheDigitsItsIntervalSupports() {
        assertEquals("45120", ServerSection.rounded(45123, 948));
        assertEquals("9.12", ServerSection.rounded(9.123, 0.21));
        assertEquals("1234", ServerSection.rounded(1234.4, 12));
        assertEquals("11.00 ± 1.0%", ServerSection.measured(new Value(11, 0.11, "µs")));
        assertEquals("42", ServerSection.measured(new Value(42, Double.NaN, "µs")));
    }
}
