package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareRunsTest {

    @TempDir
    Path temp;

    /** The fixture, and a candidate where loom is 1% slower (inside its error) and threads 2× slower. */
    private String compare() throws IOException {
        Path baseline = Fixture.copyTo(temp.resolve("baseline-run"));
        Path candidate = Fixture.copyTo(temp.resolve("candidate-run"));
        Path creation = candidate.resolve("raw/jmh-creation.json");
        Files.writeString(creation, Fixture.read(creation)
                .replace("\"score\" : 1200.0,", "\"score\" : 1212.0,")
                .replace("\"score\" : 45000.0,", "\"score\" : 90000.0,")
                .replace("\"scoreError\" : 1200.0,", "\"scoreError\" : 2400.0,"));
        Files.delete(candidate.resolve("raw/jmh-sleep.json"));
        Path out = temp.resolve("out");
        CompareRuns.compare(baseline, candidate, out);
        return Fixture.read(out.resolve("COMPARE.md"));
    }

    private static String row(String report, String start) {
        return report.lines().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with " + start + " in\n" + report));
    }

    @Test
    void onePercentWithOverlappingErrorsIsWithinNoise() throws IOException {
        String loom = row(compare(), "| jmh:creation | CreationBenchmark.spawnAndJoin | loom | tasks=1000 |");
        assertTrue(loom.contains("| 1200 ± 35.5 us/op | 1212 ± 35.5 us/op | 1.01 ± 0.04205 | within noise |"), loom);
    }

    @Test
    void twiceAsSlowIsSignificant() throws IOException {
        String threads = row(compare(), "| jmh:creation | CreationBenchmark.spawnAndJoin | threads | tasks=1000 |");
        assertTrue(threads.contains("| 45000 ± 1200 us/op | 90000 ± 2400 us/op | 2 ± 0.07542 | significant |"),
                threads);
    }

    @Test
    void singleShotValuesHaveNoVerdictAndOneSidedMetricsAreListed() throws IOException {
        String report = compare();
        assertTrue(row(report, "| probe:memory | rssBytes | loom | depth=1 tasks=100000 |")
                .endsWith("| 1 | no error known (single shot) |"));
        String onlyBaseline = report.substring(report.indexOf("## Only in the baseline"),
                report.indexOf("## Only in the candidate"));
        assertTrue(onlyBaseline.contains("| jmh:sleep | SleepFanOutBenchmark.sleepFanOut | loom | sleepMs=100 "
                + "tasks=10000 | 104 ± 1 ms/op |"), onlyBaseline);
        assertTrue(report.substring(report.indexOf("## Only in the candidate")).contains("None."));
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
}
