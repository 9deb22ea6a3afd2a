package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings and the compact table of a run in PHASE2.md's shapes (report-fixture-phase2). */
class FindingsTest {

    @TempDir
    Path temp;

    private Path run(String name) {
        return Fixture.copyTo(temp.resolve(name), Fixture.PHASE2);
    }

    private static String report(Path run) throws IOException {
        ReportGenerator.generate(run);
        return Fixture.read(run.resolve("REPORT.md"));
    }

    private static List<String> findings(String report) {
        return report.substring(report.indexOf("## Findings"), report.indexOf("## At a glance")).lines()
                .filter(line -> line.startsWith("- ")).toList();
    }

    private static String finding(String report, String title) {
        return findings(report).stream().filter(line -> line.startsWith("- **" + title)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding '" + title + "' in\n" + report));
    }

    /** Drops every line of a raw file that the predicate matches. */
    private static void dropLines(Path file, Predicate<String> drop) throws IOException {
        Files.write(file, Files.readAllLines(file).stream().filter(drop.negate()).toList());
    }

    @Test
    void eightFindingsOneLineEachInTheirOrder() throws IOException {
        List<String> titles = findings(report(run("run"))).stream()
                .map(line -> line.substring(4, line.indexOf("**", 4))).toList();

        assertEquals(List.of("Heap per parked task", "1M tasks × 10 s sleep", "Spawn cost per task at N=1M",
                "Timer lateness p99 of 10k × 10 ms among 1M armed timers",
                "Server CPU per request, 1000 connections, closed loop", "Request fan-out, 1000 connections",
                "Compact object headers", "Flags change the ranking"), titles);
    }

    @Test
    void eachFindingGivesFiguresIntervalsAndRatiosToLoom() throws IOException {
        String report = report(run("run"));

        assertEquals("- **Heap per parked task**: loom [860 B ±6.5 %](#memory-per-live-task); threads [276.0 B "
                + "±0.036 %](#memory-per-live-task) + 33.2 KiB native stack; futures [76.3 B ±1.1 %](#memory-per-live-"
                + "task) (11× less than loom); coroutines [298 B ±0.67 %](#memory-per-live-task) (2.9× less than loom); "
                + "tokio 1.24.2 (Rust reference) [1.30 KiB ±2.3 %](#memory-per-live-task) RSS (no JVM heap).",
                finding(report, "Heap per parked task"));
        assertTrue(finding(report, "1M tasks").contains("futures [10.3 s](#n-tasks--10-s-sleep-the-published-experiment)"
                + " (1.8× less than loom), [144 MiB](#n-tasks--10-s-sleep-the-published-experiment) (8.8× less than "
                + "loom)"), report);
        assertTrue(finding(report, "1M tasks").contains("; threads failed;"), "a failed point says so");
        assertTrue(finding(report, "1M tasks").endsWith("Single runs: no interval is known."), report);
        String server = finding(report, "Server CPU");
        // Three windows a load: the 99.9 % Student t interval (t = 31.6 for 2 degrees of freedom) is wide, and says so.
        assertTrue(server.contains("futures [10 µs ±116 % (noisy)](#server-comparison-steady-state-pinned) (×1 the floor, ≈ loom)"),
                server);
        assertTrue(server.contains("p99 at 75 % load: loom [1 ms ±182 % (noisy)](#server-comparison-steady-state-pinned); futures "
                + "[800 µs ±107 % (noisy)](#server-comparison-steady-state-pinned) (≈ loom)"), server);
    }

    @Test
    void aFigureNoisierThanTheBoundIsMarked() throws IOException {
        String spawn = finding(report(run("run")), "Spawn cost");

        assertTrue(spawn.contains("futures [70 ns ±75 % (noisy)](#jmh-spawn-million) (3× less than loom)"), spawn);
        assertTrue(spawn.contains("coroutines [150 ns ±6.7 %](#jmh-spawn-million)"), spawn);
    }

    /** The reference's figures carry its version, and its spawn cost links to where its own harness result stands. */
    @Test
    void theReferenceIsNamedWithItsVersionEverywhere() throws IOException {
        String report = report(run("run"));

        assertTrue(finding(report, "Spawn cost").contains("tokio 1.24.2 (Rust reference) [8.3 µs ±4.8 %](#native-"
                + "reference) (41× more than loom)"), report);
        assertTrue(report.contains("\n| tokio 1.24.2 (Rust reference) | [1.30 KiB ±2.3 %](#memory-per-live-task) RSS "
                + "(no JVM heap) | [18.3 s]"), report);
        String memory = report.substring(report.indexOf("## Memory per live task"), report.indexOf("## N tasks"));
        assertTrue(memory.contains("| tokio 1.24.2 (Rust reference) | 1000000 | 1000000 | ok | not measured | 1330 |"),
                memory);
        String sentence = "The tokio figures of this run are tokio 1.24.2's, built with rustc 1.63.0, 2 worker threads: "
                + "its spawned task's future is 768 B (128-byte aligned), the sleep future alone is 640 B";
        assertTrue(memory.contains(sentence), memory);
        String sleep10s = report.substring(report.indexOf("## N tasks"), report.indexOf("## What the JVM"));
        assertTrue(sleep10s.contains("| tokio 1.24.2 (Rust reference) | 1000000 | ok | 10000 | 1326 | 18.3 |"), sleep10s);
        assertTrue(sleep10s.indexOf(sentence) > sleep10s.indexOf("**Published by others"), "next to the published figures");
        assertTrue(sleep10s.contains("The published tokio rows above were measured with the tokio build of their own "
                + "source on another machine, not with tokio 1.24.2 (Rust reference)."), sleep10s);
    }

    @Test
    void aFindingWhoseDataIsAbsentIsLeftOut() throws IOException {
        Path run = run("sparse");
        Files.delete(run.resolve("raw/server.jsonl"));
        dropLines(run.resolve("raw/probe.jsonl"), line -> line.contains("\"config\":\"coh\"")
                || line.contains("\"config\":\"zgc\""));
        Files.delete(run.resolve("raw/jmh-carriers.json"));
        String report = report(run);

        List<String> findings = findings(report);
        assertEquals(5, findings.size(), String.join("\n", findings));
        assertTrue(findings.stream().noneMatch(f -> f.contains("Server CPU") || f.contains("Compact object headers")
                || f.contains("Flags change the ranking")), String.join("\n", findings));
        assertTrue(!report.contains("server CPU per request ("), "no empty server column either");
        assertTrue(report.contains("raw/server.jsonl was not written: not measured"), report);
    }

    @Test
    void aFlagThatChangesTheRankingIsReported() throws IOException {
        String ranking = finding(report(run("run")), "Flags change the ranking");

        assertTrue(ranking.contains("with zgc, 1M × 10 s peak RSS: loom 858 MiB < coroutines 1.12 GiB (default: "
                + "coroutines 954 MiB < loom 1.24 GiB)"), ranking);
        assertTrue(ranking.contains("with workers=1, sleep throughput (sleepMs=10 tasks=10000): futures 300k tasks/s < "
                + "loom 500k tasks/s (workers=default: loom 630k tasks/s < futures 870k tasks/s)"), ranking);
    }

    @Test
    void runtimesWithinNoiseOfEachOtherHaveNoRankToChange() throws IOException {
        Path run = run("close");
        Path probe = run.resolve("raw/probe.jsonl");
        Files.writeString(probe, Fixture.read(probe).replace("\"hwmBytes\":1200000000,\"pteBytes\":null,\"nmt\":null,"
                + "\"completeNanos\":12000000000", "\"hwmBytes\":880000000,\"pteBytes\":null,\"nmt\":null,"
                + "\"completeNanos\":12000000000"));
        Files.delete(run.resolve("raw/jmh-carriers.json"));
        String report = report(run);

        assertTrue(findings(report).stream().noneMatch(f -> f.contains("Flags change the ranking")), report);
        assertTrue(report.contains("### Where a flag changes the ranking\n\nNowhere:"), report);
    }

    @Test
    void theCompactTableHasAtMostEightColumnsAndNoBracketedIntervals() throws IOException {
        String report = report(run("run"));
        String table = report.substring(report.indexOf("## At a glance"), report.indexOf("## Memory per live task"));
        List<String> rows = table.lines().filter(line -> line.startsWith("| ")).toList();

        assertEquals(8, rows.get(0).split(" \\| ").length, rows.get(0));
        assertEquals(List.of("threads", "loom", "futures", "coroutines", "tokio 1.24.2 (Rust reference)",
                "nio (floor: one selector, no tasks)"), rows.stream().skip(1).map(r -> r.substring(2, r.indexOf(" | ")))
                .toList(), "registry order, then the reference and the floor");
        assertTrue(!Pattern.compile("\\[[0-9.]+, [0-9.]+\\]").matcher(table).find(), table);
    }

    /** Every figure links to its section; the server's is the one section this branch leaves to ServerSection. */
    @Test
    void everyLinkOfTheFindingsAndTheTableReachesAHeading() throws IOException {
        String report = report(run("run"));
        String head = report.substring(report.indexOf("## Findings"), report.indexOf("## Memory per live task"));
        Set<String> anchors = report.lines().filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+ ", ""))
                .map(Markdown::anchor).collect(Collectors.toSet());
        List<String> targets = new ArrayList<>();
        Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(head);
        while (link.find()) {
            targets.add(link.group(1));
        }
        assertTrue(targets.size() > 40, "every figure is a link: " + targets.size());
        List<String> unreached = targets.stream().filter(t -> !anchors.contains(t)).distinct().toList();
        assertEquals(List.of(), unreached);
    }

    @Test
    void aDefaultSweptFurtherThanTheOtherConfigurationsIsComparedAtTheirN() throws IOException {
        Path run = run("deeper-default");
        Path probe = run.resolve("raw/probe.jsonl");
        String loomAtMillion = Files.readAllLines(probe).stream()
                .filter(l -> l.contains("\"experiment\":\"memory\",\"runtime\":\"loom\",\"tasks\":1000000,")
                        && l.contains("\"config\":\"default\""))
                .findFirst().orElseThrow();
        Files.writeString(probe, loomAtMillion.replace("\"tasks\":1000000,", "\"tasks\":10000000,")
                .replace("\"parkedTasks\":1000000,", "\"parkedTasks\":10000000,")
                .replace("\"heapUsedAfterGcBytes\":876700000,", "\"heapUsedAfterGcBytes\":8020000000,") + "\n",
                StandardOpenOption.APPEND);
        String report = report(run);
        String flags = report.substring(report.indexOf("## What the JVM's flags change"), report.indexOf("## Native"));

        assertTrue(flags.contains("| loom | 860 B ±6.5 % (N=1M) | 700 B ±0.71 % (N=1M) (×0.82) | not measured |"), flags);
        assertTrue(finding(report, "Compact object headers").contains("loom"), report);
    }

    @Test
    void theFlagsSectionGivesEachConfigurationAgainstTheDefault() throws IOException {
        Path run = run("run");
        String report = report(run);
        String flags = report.substring(report.indexOf("## What the JVM's flags change"), report.indexOf("## Native"));

        assertTrue(flags.contains("| `coh` | `-XX:+UseCompactObjectHeaders` |"), flags);
        assertTrue(flags.contains("| loom | 860 B ±6.5 % (N=1M) | 700 B ±0.71 % (N=1M) (×0.82) | not measured |"), flags);
        assertTrue(flags.contains("| coroutines | 11.0 s / 954 MiB | 10.9 s (×0.99) / 858 MiB (×0.90) | 12.0 s (×1.1) / "
                + "1.12 GiB (×1.2) |"), flags);
        assertTrue(flags.contains("| loom | 3.15 ms ±1.6 % | 8.9 ms ±1.1 % (×2.8) |"), flags);
        assertTrue(flags.contains("![Heap per parked task by JVM flags](flags-heap-per-task.svg)"), flags);
        String chart = Fixture.read(run.resolve("flags-heap-per-task.svg"));
        for (String config : List.of(">default</text>", ">coh</text>", ">zgc</text>", ">coroutines</text>")) {
            assertTrue(chart.contains(config), config);
        }
    }
}
