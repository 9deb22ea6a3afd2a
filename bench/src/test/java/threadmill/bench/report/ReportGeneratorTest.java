package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReportGeneratorTest {

    @TempDir
    Path temp;

    private Path generated(String name) throws IOException {
        Path run = Fixture.copyTo(temp.resolve(name));
        ReportGenerator.generate(run);
        return run;
    }

    private static String tableRow(String report, String start) {
        return report.lines().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no table row starting with " + start));
    }

    @Test
    void findingsAndTheCompactTableOpenTheReportWithTheFixtureFigures() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        assertTrue(report.indexOf("## Findings") < report.indexOf("## At a glance")
                && report.indexOf("## At a glance") < report.indexOf("## Memory per live task"), "findings first");
        assertTrue(report.contains("- **Heap per parked task**: loom [1000 B ±0.009 %](#memory-per-live-task); threads "
                + "[40.00 B ±0.09 %](#memory-per-live-task) + 16.00 KiB native stack; futures [300.0 B ±0.009 %]"
                + "(#memory-per-live-task) (3.3× less than loom).\n"), report);
        assertTrue(report.contains("- **10k tasks × 10 s sleep** (wall, peak RSS): loom [10.2 s]"), report);
        assertEquals("| loom | [1000 B ±0.009 %](#memory-per-live-task) | [10.2 s](#n-tasks--10-s-sleep-the-published-"
                + "experiment) | [90.6 MiB](#n-tasks--10-s-sleep-the-published-experiment) | – | [40.0k req/s ±2 %](#jmh-requests) |",
                tableRow(report, "| loom |"));
        assertEquals("| runtime | heap per parked task | 10k × 10 s: wall | 10k × 10 s: peak RSS | spawn per task (N=1M) "
                + "| request fan-out (1000 conn.) |",
                tableRow(report, "| runtime | heap per parked task"));
    }

    /** The fixture has no server, reference or flag matrix data: their findings, columns and rows are left out, not printed empty. */
    @Test
    void findingsWithoutDataAreLeftOut() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        String findings = report.substring(report.indexOf("## Findings"), report.indexOf("## At a glance"));
        assertEquals(4, findings.lines().filter(line -> line.startsWith("- ")).count(), findings);
        for (String absent : List.of("Server CPU", "Timer lateness", "Compact object headers",
                "Flags change the ranking", "Rust reference")) {
            assertTrue(!report.substring(0, report.indexOf("## Memory per live task")).contains(absent), absent);
        }
        assertTrue(report.contains("## What the JVM's flags change\n\nnot measured in this run"), report);
        assertTrue(!report.contains("## Native reference"), "no reference section without a reference");
    }

    /**
     * Two forks of one latency point are two histograms: the p99 table merges them into one
     * figure (mean ± half their range), marked noisy when they disagree by more than the bound;
     * the full table and the chart keep them apart.
     */
    @Test
    void twoForksOfALatencyPointAreMergedInThePercentileTableAndToldApartInTheChart() throws Exception {
        Path run = Fixture.copyTo(temp.resolve("two-forks"));
        Path latency = run.resolve("raw").resolve("latency.jsonl");
        String secondFork = Files.readAllLines(latency).stream()
                .filter(line -> line.startsWith("{\"metric\":\"timer-lateness\",\"runtime\":\"futures\""))
                .findFirst().orElseThrow().replace("\"p99\":990.0", "\"p99\":1500.0")
                .replace("timer-lateness-futures-10000-10.hgrm", "timer-lateness-futures-10000-10-2.hgrm");
        Files.writeString(latency, secondFork + "\n", StandardOpenOption.APPEND);
        Files.copy(run.resolve("raw/hgrm/timer-lateness-futures-10000-10.hgrm"),
                run.resolve("raw/hgrm/timer-lateness-futures-10000-10-2.hgrm"));
        ReportGenerator.generate(run);
        String report = Fixture.read(run.resolve("REPORT.md"));

        assertTrue(report.contains("| timer-lateness sleepMs=10 tasks=10000 closed | 3.30 ms (single run) | "
                + "1.80 ms (single run) | 1.2 ms ±20.5 % (noisy) |"), report);
        assertTrue(report.contains("| timer-lateness | futures | 1 of 2 | sleepMs=10 tasks=10000 |"), report);
        assertTrue(report.contains("| timer-lateness | futures | 2 of 2 | sleepMs=10 tasks=10000 |"), report);
        assertEquals(List.of("loom", "futures fork 1", "futures fork 2"),
                series(run.resolve("latency-timer-lateness-sleepms-10-tasks-10000-closed.svg")));
    }

    @Test
    void memorySectionShowsHeapRssAndNativeStacksPerTaskAndTheSlope() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        assertTrue(report.contains("| threads | 10000 | 10000 | ok | 40 | 19998 | 16382 | 99.99 |"), report);
        assertTrue(report.contains("| threads | 1 | 1 | ok | baseline | baseline | baseline | baseline |"), report);
        assertTrue(report.contains("| threads | 40 | 20000 | 16384 | 100 | 3 |"), "slope row");
        assertTrue(report.contains("| loom | 1000 | 1200 | 0 | 0 | 4 |"), "slope row");
        assertTrue(report.contains("| futures | 300 | 400 | 0 | 0 | 4 |"), "slope row");
    }

    @Test
    void aDeeperSleepIsItsOwnSeriesWithItsOwnBaseline() throws IOException {
        Path run = Fixture.copyTo(temp.resolve("deep"));
        Path probe = run.resolve("raw/probe.jsonl");
        String loomAt1 = Fixture.read(probe).lines().filter(l -> l.contains("\"runtime\":\"loom\",\"tasks\":1,"))
                .findFirst().orElseThrow();
        String deepBaseline = loomAt1.replace("\"depth\":1,", "\"depth\":16,");
        String deep = deepBaseline.replace("\"tasks\":1,", "\"tasks\":10000,").replace("\"parkedTasks\":1,", "\"parkedTasks\":10000,")
                .replace("\"heapUsedAfterGcBytes\":20001000,", "\"heapUsedAfterGcBytes\":50001000,")
                .replace("\"rssBytes\":60001200,", "\"rssBytes\":90001200,");
        Fixture.write(probe, Fixture.read(probe) + deepBaseline + "\n" + deep + "\n");
        ReportGenerator.generate(run);
        String report = Fixture.read(run.resolve("REPORT.md"));

        assertTrue(report.contains("| loom depth=16 | 1 | 1 | ok | baseline |"), report);
        assertTrue(report.contains("| loom depth=16 | 10000 | 10000 | ok | 3000 | 3000 | 0 | 0 |"), report);
        assertTrue(report.contains("| loom | 1000 | 1200 | 0 | 0 | 4 |"), "depth-1 slope row unchanged");
        assertTrue(report.indexOf("| loom depth=16 | 1 |") > report.indexOf("| loom | 1 |")
                && report.indexOf("| loom depth=16 | 1 |") < report.indexOf("| futures | 1 |"), "after loom, before futures");
        assertTrue(report.contains("- **Heap per parked task**: loom [1000 B ±0.009 %]"), "the finding is depth 1");
    }

    @Test
    void sleep10sTableStandsBesideThePublishedFiguresWithTheirSources() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        assertTrue(report.contains("| loom | 10000 | ok | 10000 | 90.6 | 10.25 | 10.25 | 2.563 | 12.5 | 33.38 |"),
                report);
        assertTrue(report.contains("**Published by others, not measured here**"));
        assertTrue(report.contains("| Java virtual threads (JDK 23) | 108.4 | 197.0 | 1095.2 | 15.98 s wall, "
                + "452 % CPU | hez2010/async-runtimes-benchmarks RESULT.md, 2024 |"), report);
    }

    @Test
    void jmhSectionsKeepScoreErrorIntervalAndAllocation() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        assertTrue(report.contains("| CreationBenchmark.spawnAndJoin | loom | tasks=1000 | avgt | 1200 ± 40 | "
                + "[1160, 1240] | us/op | 1.20 µs ±3 % | 1250000 ± 100 B/op = 1250 ± 0.1 B per task |"), report);
        assertTrue(report.contains("| CreationBenchmark.spawnAndJoin | futures | tasks=1000 | avgt | 350 | n/a | us/op | "
                + "350 ns |"), report);
    }

    @Test
    void latencyTableHoldsTheRecordedPercentilesAndTheHistogramsOwnCount() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        assertTrue(report.contains("| timer-lateness | futures | only | sleepMs=10 tasks=10000 | closed |  | 10000 | us | 510 "
                + "| 905 | 990 | 1200 | 2100 | raw/hgrm/timer-lateness-futures-10000-10.hgrm (10000 samples, mean "
                + "505.5, max 2101) |"), report);
    }

    @Test
    void failedAndMissingPointsShowAsFailuresWithTheLimits() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        String failures = report.substring(report.indexOf("## Failures and gaps"));
        assertTrue(failures.contains("| probe:memory | threads | tasks=100000 | java.lang.OutOfMemoryError: "
                + "unable to create native thread"), failures);
        assertTrue(failures.contains("pidMax=32768 threadsMax=192730 |"), failures);
        assertTrue(failures.contains("| jmh:requests | threads | connections=10000 | Too many open files"));
        assertTrue(failures.contains("histogram file raw/hgrm/timer-lateness-threads-10000-10.hgrm is missing"));
        assertTrue(report.contains("| threads | 100000 | not measured | failed: java.lang.OutOfMemoryError"), "memory table row");
    }

    @Test
    void methodologyAndReproduceComeFromTheRawFiles() throws IOException {
        String report = Fixture.read(generated("run").resolve("REPORT.md"));
        assertTrue(report.contains("| creation | mode avgt, 2 fork(s), 1 thread(s), warm-up 3 × 1 s, "
                + "measurement 5 × 1 s, JDK 25.0.1+8-LTS;"), report);
        assertTrue(report.contains("| probe memory threads | `-Xmx16g -Xss1m -XX:+UseG1GC "
                + "-XX:NativeMemoryTracking=summary` |"));
        assertTrue(report.contains("```\njava -jar bench/target/benchmarks.jar suite --suite smoke --out results\n```"));
        assertTrue(report.contains("commit 0123456789abcdef0123456789abcdef01234567 (dirty: uncommitted changes)"));
        assertTrue(report.contains("Machine: Example CPU @ 2.0GHz, 2 cores, 24 GiB"));
    }

    @Test
    void everyChartIsWellFormedSvgWithTheExpectedSeries() throws Exception {
        Path run = generated("run");
        assertEquals(List.of("threads heap", "threads RSS", "loom heap", "loom RSS", "futures heap", "futures RSS"),
                series(run.resolve("memory-per-task.svg")));
        assertEquals(List.of("loom", "futures"),
                series(run.resolve("latency-timer-lateness-sleepms-10-tasks-10000-closed.svg")));
        assertEquals(List.of("threads", "loom", "futures"), series(run.resolve("jmh-requests.svg")));
        Document creation = svg(run.resolve("jmh-creation.svg"));
        assertEquals("Spawn + join cost per task (creation)",
                creation.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(5, creation.getElementsByTagName("rect").getLength(), "background, frame and three bars");
        for (Path chart : charts(run)) {
            Document doc = svg(chart);
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertTrue(doc.getDocumentElement().getAttribute("viewBox").startsWith("0 0 "), chart.toString());
            assertTrue(Fixture.read(run.resolve("REPORT.md")).contains("](" + chart.getFileName() + ")"),
                    chart + " is linked from the report");
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        Path first = generated("first");
        Path second = generated("second");
        Map<String, byte[]> a = outputs(first);
        Map<String, byte[]> b = outputs(second);
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().containsAll(List.of("REPORT.md", "results.csv", "memory-per-task.svg")));
        for (String name : a.keySet()) {
            byte[] x = name.equals("REPORT.md") ? stripTitle(a.get(name)) : a.get(name);
            byte[] y = name.equals("REPORT.md") ? stripTitle(b.get(name)) : b.get(name);
            assertArrayEquals(x, y, name);
        }
        ReportGenerator.generate(first);
        assertArrayEquals(a.get("REPORT.md"), Files.readAllBytes(first.resolve("REPORT.md")), "rerun in place");
    }

    /** The title names the run folder, which differs between the two copies. */
    private static byte[] stripTitle(byte[] report) {
        String text = new String(report, java.nio.charset.StandardCharsets.UTF_8);
        return text.substring(text.indexOf('\n')).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void resultsCsvHasOneRowPerMeasurementQuotedPerRfc4180() throws IOException {
        String csv = Fixture.read(generated("run").resolve("results.csv"));
        List<String> lines = csv.lines().toList();
        assertEquals("source,metric,runtime,params,value,error,unit,status,note", lines.get(0));
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(lines.contains("jmh:creation,CreationBenchmark.spawnAndJoin,loom,tasks=1000,1200,35.5,us/op,ok,"));
        assertTrue(lines.contains("jmh:creation,CreationBenchmark.spawnAndJoin,futures,tasks=1000,350.25,,us/op,ok,"));
        assertTrue(lines.contains("probe:memory,rssBytes,loom,depth=1 tasks=100000,180000000,,B,ok,"));
        assertTrue(lines.contains("probe:memory,point,threads,depth=1 tasks=100000,,,,failed,\"java.lang."
                + "OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource "
                + "limits reached (after 32511 threads, pidMax=32768)\""), csv);
        assertTrue(lines.contains("latency:timer-lateness,p99,futures,mode=closed sleepMs=10 tasks=10000,990,,us,ok,"));
    }

    @Test
    void aRunWithOnlySomeFilesSaysWhatWasNotMeasured() throws IOException {
        Path run = temp.resolve("sparse");
        Files.createDirectories(run.resolve("raw"));
        Fixture.write(run.resolve("raw/probe.jsonl"), "{\"experiment\":\"memory\",\"runtime\":\"threads\","
                + "\"tasks\":1000000,\"status\":\"failed\",\"error\":\"pid limit\",\"osLimits\":{\"pidMax\":32768}}\n");
        ReportGenerator.generate(run);
        String report = Fixture.read(run.resolve("REPORT.md"));
        assertTrue(report.contains("raw/env.json is missing"));
        assertTrue(report.contains("## Findings\n\nNone: this run measured none of the headline figures"), report);
        assertTrue(report.contains("| threads | 1000000 | not measured | failed: pid limit |"), report);
        assertTrue(report.contains("| probe:memory | threads | tasks=1000000 | pid limit | pidMax=32768 |"));
        assertTrue(report.contains("raw/latency.jsonl was not written: not measured"));
        assertTrue(report.contains("JMH: not measured (no raw/jmh-*.json files)."));
        assertTrue(Files.exists(run.resolve("results.csv")));
    }

    @Test
    void anEmptyRawFolderGivesAReportThatSaysSo() throws IOException {
        Path run = temp.resolve("empty");
        Files.createDirectories(run.resolve("raw"));
        ReportGenerator.generate(run);
        String report = Fixture.read(run.resolve("REPORT.md"));
        assertTrue(report.contains("Nothing was measured"), report);
        assertTrue(report.contains("raw/probe.jsonl was not written: not measured"), report);
    }

    @Test
    void aRunDirWithoutRawIsAnErrorNamingThePath() {
        Path run = temp.resolve("no-raw-here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportGenerator.generate(run));
        assertTrue(e.getMessage().contains(run.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("raw/"), e.getMessage());
    }

    /** Copies the fixture, changes one line of one raw file, and returns the error the report stops with. */
    private String errorAfterEditing(String rawFile, int lineIndex, UnaryOperator<String> edit) throws IOException {
        Path run = Fixture.copyTo(temp.resolve("bad"));
        Path file = run.resolve(rawFile);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(lineIndex, edit.apply(lines.get(lineIndex)));
        Files.write(file, lines);
        return assertThrows(RawFormatException.class, () -> ReportGenerator.generate(run)).getMessage()
                .replace(file.toString(), rawFile);
    }

    @Test
    void aMalformedJsonlLineIsReportedWithFileLineAndColumn() throws IOException {
        assertEquals("raw/probe.jsonl:3:72: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                + " field name",
                errorAfterEditing("raw/probe.jsonl", 2, line ->
                        "{\"experiment\":\"memory\",\"runtime\":\"threads\",\"tasks\":10000,\"status\":\"ok\",}"));
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedWhereItStands() throws IOException {
        assertEquals("raw/jmh-creation.json:27:23: field \"[0].primaryMetric.score\": Cannot deserialize value of type"
                + " `double` from String \"fast\": not a valid `double` value (as String to convert)",
                errorAfterEditing("raw/jmh-creation.json", 26, line -> line.replace("45000.0", "\"fast\"")));
    }

    @Test
    void aFieldTheSchemaDoesNotHaveIsRefusedWhereItStands() throws IOException {
        String error = errorAfterEditing("raw/failures.jsonl", 0, line -> line.replace("{\"stage\"", "{\"stag\":1,\"stage\""));

        assertTrue(error.startsWith("raw/failures.jsonl:1:"), error);
        assertTrue(error.contains(": field \"stag\": Unrecognized field \"stag\""), error);
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        String error = errorAfterEditing("raw/latency.jsonl", 1, line -> line.replace("\"metric\":\"timer-lateness\",", ""));

        assertTrue(error.startsWith("raw/latency.jsonl:2:"), error);
        assertTrue(error.contains("Missing required creator property 'metric'"), error);
    }

    @Test
    void aMalformedHistogramIsReportedWithFileAndLine() throws IOException {
        assertEquals("raw/hgrm/timer-lateness-loom-10000-10.hgrm:5: not a number in row: 260.095 "
                + "0.75000000000x       7502           4.00", errorAfterEditing(
                "raw/hgrm/timer-lateness-loom-10000-10.hgrm", 4, line -> line.replace("0.750000000000", "0.75000000000x")));
    }

    private static Map<String, byte[]> outputs(Path run) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return out;
    }

    private static List<Path> charts(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
    }

    private static Document svg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> series(Path file) throws Exception {
        NodeList lines = svg(file).getElementsByTagName("polyline");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            names.add(lines.item(i).getAttributes().getNamedItem("data-series").getNodeValue());
        }
        return names;
    }
}
