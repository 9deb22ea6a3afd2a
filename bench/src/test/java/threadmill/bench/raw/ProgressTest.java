package threadmill.bench.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    /** Each line says which point of how many it was, its time beside the plan's, and the time left. */
    @Test
    void eachPointSaysWhereTheRunIs(@TempDir Path dir) throws Exception {
        Progress progress = new Progress(new RawDir(dir), Duration.ofMinutes(10), 4);
        progress.point("probe:memory", "loom", "tasks=1", "ok", Duration.ofSeconds(30));
        progress.skipped(2, Duration.ofMinutes(2));
        progress.point("report", null, "x", "ok", Duration.ZERO);
        List<String> lines = Files.readAllLines(dir.resolve("suite.log"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("\\d+\\.\\d probe:memory loom tasks=1 ok \\| point 1/4, took \\d+\\.\\d s"
                + " \\(planned 30\\.0 s\\), remaining ~\\d+:\\d\\d"), lines.get(0));
        assertTrue(lines.get(1).contains("| point 4/4,"), lines.get(1));
    }

    /** Points measured together share the time since the point before them, and say so; the next point does not. */
    @Test
    void pointsMeasuredTogetherShareTheirTime(@TempDir Path dir) throws Exception {
        Progress progress = new Progress(new RawDir(dir), Duration.ofMinutes(10), 4);
        progress.together(2);
        Thread.sleep(400);
        progress.point("server", "nio", "closed", "ok", Duration.ofSeconds(20));
        progress.point("server", "futures", "closed", "ok", Duration.ofSeconds(20));
        progress.point("report", null, "x", "ok", Duration.ZERO);
        List<String> lines = Files.readAllLines(dir.resolve("suite.log"));

        for (String line : lines.subList(0, 2)) {
            var shares = java.util.regex.Pattern.compile("took (\\d+\\.\\d) s, a share of (\\d+\\.\\d) s for 2 points taking turns,")
                    .matcher(line);
            assertTrue(shares.find(), line);
            double share = Double.parseDouble(shares.group(1));
            double whole = Double.parseDouble(shares.group(2));
            assertTrue(whole >= 0.4, line);
            assertEquals(whole / 2, share, 0.051, line);
        }
        assertTrue(lines.get(2).contains("| point 3/4, took ") && !lines.get(2).contains("share"), lines.get(2));
    }

    /** The rest of the plan, scaled by the pace so far once a twentieth is done, within bounds. */
    @Test
    void theRemainingTimeFollowsThePaceSoFar(@TempDir Path dir) {
        Progress progress = new Progress(new RawDir(dir), Duration.ofSeconds(1000), 10);
        long start = System.nanoTime();
        assertEquals(Duration.ofSeconds(1000), progress.remaining(start), "nothing done: the plan");
        progress.skipped(1, Duration.ofSeconds(100));
        long twiceAsSlow = start + Duration.ofSeconds(200).toNanos();
        assertEquals(1800, progress.remaining(twiceAsSlow).toSeconds(), "100 s planned took 200 s");
        long tenTimesAsSlow = start + Duration.ofSeconds(1000).toNanos();
        assertEquals(2700, progress.remaining(tenTimesAsSlow).toSeconds(), "the pace is bounded at 3");
        progress.skipped(9, Duration.ofSeconds(900));
        assertEquals(Duration.ZERO, progress.remaining(twiceAsSlow));
    }

    @Test
    void minutesAndSeconds() {
        assertEquals("0:05", Progress.minutes(Duration.ofSeconds(5)));
        assertEquals("61:01", Progress.minutes(Duration.ofSeconds(3661)));
    }
}
