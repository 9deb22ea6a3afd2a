package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareRunsTest {

    @TempDir
    Path temp;

    /**
     * The fixture, and a candidate where loom is 1% slower (inside its error), threads 2× slower,
     * futures' spawn 3× slower (both significant), loom's RSS at 100k tasks 1.5× larger (a single
     * shot), and the sleep results are gone.
     */
    private String compare() throws IOException {
        Path baseline = Fixture.copyTo(temp.resolve("baseline-run"));
        Path candidate = Fixture.copyTo(temp.resolve("candidate-run"));
        Path creation = candidate.resolve("raw/jmh-creation.json");
        Files.writeString(creation, Fixture.read(creation)
                .replace("\"score\" : 1200.0,", "\"score\" : 1212.0,")
                .replace("\"score\" : 45000.0,", "\"score\" : 90000.0,")
                .replace("\"scoreError\" : 1200.0,", "\"scoreError\" : 2400.0,"));
        Path spawn = candidate.resolve("raw/jmh-spawn-million.json");
        Files.writeString(spawn, Fixture.read(spawn).replace("\"score\": 200000000.0,", "\"score\": 600000000.0,")
                .replace("\"score\": 200.0,", "\"score\": 600.0,"));
        Path probe = candidate.resolve("raw/probe.jsonl");
        Files.writeString(probe, Fixture.read(probe).replace("\"rssBytes\":180000000,", "\"rssBytes\":270000000,"));
        Files.delete(candidate.resolve("raw/jmh-sleep.json"));
        Path out = temp.resolve("out");
        CompareRuns.compare(baseline, candidate, out);
        return Fixture.read(out.resolve("COMPARE.md"));
    }

    private static String section(String report, String heading) {
        int start = report.indexOf("## " + heading);
        int end = report.indexOf("\n## ", start + 1);
        return report.substring(start, end < 0 ? report.length() : end);
    }

    private static List<String> rows(String section) {
        return section.lines().filter(line -> line.startsWith("| jmh:") || line.startsWith("| probe:")).toList();
    }

    @Test
    void significantChangesComeFirstLargestFirst() throws IOException {
        String report = compare();
        assertTrue(report.indexOf("## Significant changes (") < report.indexOf("**Within noise:"), report);
        List<String> significant = rows(section(report, "Significant changes"));
        assertTrue(significant.get(0).startsWith("| jmh:spawn-million | SpawnBenchmark.spawn | futures |"), significant.get(0));
        assertTrue(significant.get(1).startsWith("| jmh:spawn-million | SpawnBenchmark.spawn:completed | futures |")
                || significant.get(1).startsWith("| jmh:creation | CreationBenchmark.spawnAndJoin | threads |"),
                significant.get(1));
        String threads = significant.stream().filter(r -> r.startsWith("| jmh:creation | CreationBenchmark.spawnAndJoin "
                + "| threads | tasks=1000 |")).findFirst().orElseThrow();
        assertEquals("| jmh:creation | CreationBenchmark.spawnAndJoin | threads | tasks=1000 | 45000 us/op ±2.7 % | "
                + "90000 us/op ±2.7 % | ×2.0 ±3.8 % |", threads);
        assertTrue(report.contains("## Significant changes (" + significant.size() + ")"), report);
    }

    @Test
    void onePercentWithOverlappingErrorsIsCountedWithinNoiseNotListed() throws IOException {
        String report = compare();
        assertTrue(rows(section(report, "Significant changes")).stream()
                .noneMatch(r -> r.startsWith("| jmh:creation | CreationBenchmark.spawnAndJoin | loom |")), report);
        assertTrue(report.matches("(?s).*\\*\\*Within noise: [1-9][0-9]*\\*\\* measurement\\(s\\).*"), report);
        String csv = Fixture.read(temp.resolve("out/compare.csv"));
        assertTrue(csv.contains("\r\njmh:creation,CreationBenchmark.spawnAndJoin,loom,tasks=1000,us/op,1200,35.5,1212,35.5,"
                + "1.01,"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("jmh:creation,CreationBenchmark.spawnAndJoin,loom,")
                && l.endsWith(",within noise")), csv);
    }

    @Test
    void singleShotsHaveNoVerdictAndTheLargestChangeLeads() throws IOException {
        String report = compare();
        List<String> singleShots = rows(section(report, "Single shots"));
        assertTrue(singleShots.get(0).startsWith("| probe:memory | rssBytes | loom | depth=1 tasks=100000 | 172 MiB | "
                + "257 MiB | ×1.5 |"), singleShots.get(0));
    }

    @Test
    void measurementsOfOneRunOnlyAreCountedAndGoToTheCsv() throws IOException {
        String report = compare();
        assertTrue(report.contains("Only in the baseline: 3 (jmh:sleep 3). Only in the candidate: none."), report);
        String csv = Fixture.read(temp.resolve("out/compare.csv"));
        assertTrue(csv.contains("\r\njmh:sleep,SleepFanOutBenchmark.sleepFanOut,loom,sleepMs=100 tasks=10000,ms/op,104,1,,,,,"
                + "only in the baseline\r\n"), csv);
    }

    @Test
    void headerNamesBothRunsJdkCommitMachineAndSuite() throws IOException {
        String report = compare();
        assertEquals("| run | baseline-run | candidate-run |", row(report, "| run |"));
        assertTrue(row(report, "| suite |").equals("| suite | smoke | smoke |"));
        assertTrue(row(report, "| JDK |").contains("Eclipse Adoptium 25.0.1+8-LTS"));
        assertTrue(row(report, "| commit |").contains("0123456789abcdef0123456789abcdef01234567"));
        assertTrue(row(report, "| machine |").contains("Example CPU @ 2.0GHz"));
        String csv = Fixture.read(temp.resolve("out/compare.csv"));
        assertTrue(csv.contains("\r\njmh:creation,CreationBenchmark.spawnAndJoin,threads,tasks=1000,us/op,45000,1200,"
                + "90000,2400,2,"), csv);
    }

    private static String row(String report, String start) {
        return report.lines().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with " + start + " in\n" + report));
    }
}
