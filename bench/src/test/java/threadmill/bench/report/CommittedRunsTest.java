package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every suite run committed under results/ still makes a report with this code: runs older than a
 * change of the raw format lack its data, and their reports leave those parts out or say they
 * were not measured, rather than failing.
 */
class CommittedRunsTest {

    private static final Path RESULTS = Path.of("..", "results");

    @TempDir
    Path temp;

    @Test
    void everyCommittedRunRegeneratesWithFindings() throws IOException {
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(RESULTS)) {
            // suite runs: those with a report (a profile's folder has raw/env.json but no report)
            runs = dirs.filter(dir -> Files.isDirectory(dir.resolve("raw")) && Files.exists(dir.resolve("REPORT.md")))
                    .sorted().toList();
        }
        assertTrue(!runs.isEmpty(), "the repository commits a reference run under " + RESULTS.toAbsolutePath());
        for (Path committed : runs) {
            Path run = temp.resolve(committed.getFileName().toString());
            Fixture.copy(committed.resolve("raw"), run.resolve("raw"));
            ReportGenerator.generate(run);
            String report = Fixture.read(run.resolve("REPORT.md"));
            String findings = report.substring(report.indexOf("## Findings"), report.indexOf("## At a glance"));
            assertTrue(findings.lines().filter(line -> line.startsWith("- ")).count() >= 3, committed + ":\n" + findings);
            assertTrue(report.contains("## " + FlagsSection.HEADING), committed.toString());
        }
    }
}
