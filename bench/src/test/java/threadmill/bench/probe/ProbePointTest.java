package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.Progress;
import threadmill.workload.TaskRuntimes;
import org.junit.jupiter.api.io.TempDir;

/** One real point in a child JVM: a thousand virtual threads, measured and cancelled. */
class ProbePointTest {

    @Test
    void aLoomPointWritesOneCompleteLine(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        new ProbeSweep(List.of(new ProbeSpec(Experiment.MEMORY, "loom", 1000, 256L))).run(raw, new Progress(raw));

        List<String> lines = Files.readAllLines(dir.resolve("probe.jsonl"));
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.startsWith("{\"experiment\":\"memory\",\"runtime\":\"loom\",\"tasks\":1000,\"status\":\"ok\","
                + "\"error\":null,"), line);
        assertTrue(line.contains("\"jvmFlags\":[\"-Xmx256m\",\"-Xss1m\",\"-XX:+UseG1GC\","
                + "\"-XX:NativeMemoryTracking=summary\",\"-XX:-AlwaysPreTouch\"]"), line);
        assertEquals(1000, number(line, "parkedTasks"));
        assertEquals(1, number(line, "depth"));
        long rss = number(line, "rssBytes");
        assertTrue(rss > 1_000_000 && number(line, "hwmBytes") >= rss, line);
        long heap = number(line, "heapUsedAfterGcBytes");
        assertTrue(heap > 0 && heap < 256L << 20, line);
        assertTrue(number(line, "threadCount") > 0 && number(line, "javaHeapCommitted") > 0, line);
        assertTrue(number(line, "spawnNanos") > 0 && number(line, "parkedNanos") >= number(line, "spawnNanos"), line);
        assertNotNull(number(line, "processCpuNanos"));
        assertTrue(number(line, "pidMax") > 0, line);
        assertFalse(Files.exists(dir.resolve("failures.jsonl")));
        assertTrue(Files.readString(dir.resolve("suite.log")).contains("probe:memory loom tasks=1000 ok"));
    }

    @Test
    void aDeeperPointRecordsItsDepth(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        new ProbeSweep(List.of(new ProbeSpec(Experiment.MEMORY, "loom", 100, 16, 256L))).run(raw, new Progress(raw));

        String line = Files.readString(dir.resolve("probe.jsonl")).strip();
        assertTrue(line.contains("\"status\":\"ok\""), line);
        assertEquals(16, number(line, "depth"));
        assertEquals(100, number(line, "parkedTasks"));
        assertTrue(Files.readString(dir.resolve("suite.log")).contains("probe:memory loom tasks=100 depth=16 ok"));
    }

    /**
     * A bounded pool parks its bound and queues the rest: the point waits for that many, not
     * for the count to stall for {@link ProbePoint#STALLED}; an unbounded runtime parks them all.
     */
    @Test
    void aBoundedRuntimeIsAwaitedUpToItsBound() {
        int bound = TaskRuntimes.provider("pool").maxConcurrentTasks().orElseThrow();
        assertEquals(bound, ProbePoint.parkedAtOnce(TaskRuntimes.provider("pool"), bound * 10));
        assertEquals(bound / 2, ProbePoint.parkedAtOnce(TaskRuntimes.provider("pool"), bound / 2));
        assertEquals(1_000_000, ProbePoint.parkedAtOnce(TaskRuntimes.provider("loom"), 1_000_000));
    }

    private static long number(String line, String field) {
        Matcher value = Pattern.compile("\"" + field + "\":(\\d+)").matcher(line);
        assertTrue(value.find(), field + " missing or not a whole number in " + line);
        return Long.parseLong(value.group(1));
    }
}
