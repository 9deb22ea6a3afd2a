package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishHeadlineTest {

    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheMarkedBlockAndIsStable() throws IOException {
        Path run = Fixture.copyTo(dir.resolve("results/quick-fixture"));
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Title\n\nbefore\n" + PublishHeadline.BEGIN + "\nold table\n"
                + PublishHeadline.END + "\nafter\n");

        PublishHeadline.publish(run, readme);
        String once = Files.readString(readme);
        PublishHeadline.publish(run, readme);

        assertEquals(once, Files.readString(readme));
        assertTrue(once.startsWith("# Title\n\nbefore\n" + PublishHeadline.BEGIN + "\n"), once);
        assertTrue(once.endsWith(PublishHeadline.END + "\nafter\n"), once);
        assertTrue(once.contains("| runtime |"), once);
        assertTrue(once.contains("(results/quick-fixture/REPORT.md)"), once);
        assertTrue(once.indexOf("### Findings\n\n- **Heap per parked task**") < once.indexOf("### At a glance"), once);
        assertTrue(once.contains("loom [1000 B ±0.009 %](results/quick-fixture/REPORT.md#memory-per-live-task)"),
                "figures link into the run's report: " + once);
        assertTrue(!once.contains("old table"), once);
    }

    @Test
    void aReadmeWithoutMarkersIsAnError() throws IOException {
        Path run = Fixture.copyTo(dir.resolve("run"));
        Path readme = Files.writeString(dir.resolve("README.md"), "# no markers\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishHeadline.publish(run, readme));
        assertTrue(e.getMessage().contains("headline:begin"), e.getMessage());
    }
}
