package threadmill.bench.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import threadmill.harness.JsonLines;
import threadmill.workload.OsLimits;

/** What a writer writes, the report reads back the same: every field of every kind of line. */
class SchemaRoundTripTest {

    private static final RawOsLimits LIMITS = RawOsLimits.of(new OsLimits(32768L, 192730L, null, OsLimits.UNLIMITED, 20000L));

    @Test
    void everyLineReadsBackEqual() throws JsonProcessingException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tasks", 10000);
        params.put("variant", "cpu-hog");
        List<Record> lines = List.of(
                new ProbeLine("memory", "loom", 1000, "ok", null, LIMITS, List.of("-Xmx256m"), 600000L, 16, 50000L,
                        1L, 2L, 1000L, 3L, 4L, 5L, 6L, new NmtSummary(1, 2, 3, 4, 5, 6), 7L, 8L, 9L, 10L, 12.5, "coh", null),
                new ProbeLine("sleep10s", "tokio", 1000000, "ok", null, LIMITS, null, 10000L, 1, null, 1L, null, null,
                        null, 3L, 4L, 5L, null, 7L, 8L, 9L, 10L, 12.5, ProbeLine.NATIVE, "1.24.2"),
                new ReferenceLine("tokio", "1.24.2", "spawn", 100000, 310.5, 12.5, 298.0, 323.0, "ns/task", 3,
                        List.of(300.0, 310.0, 321.5), 2),
                new LatencyLine("timer-lateness", "futures", params, "closed", null, "us", 3L, 1.5, 2.5, 3.5, 4.5, 5.5,
                        "hgrm/x.hgrm"),
                new PitfallLine("cpu-hog-timer-lateness", "threads", "cpu-hog", params, 286.1, 200.0, null, null,
                        new LatencySummary(1.0, 2.0, 3.0, 4.0, 19000L, "us"), List.of("-Dx=1"), "25", "a note"),
                new FailureLine("jmh:server", "pool", params, "not run: why", LIMITS),
                new RunEnvironment(new RunEnvironment.Build("0.1", "abc", false), "smoke", "cmd", "1970-01-01T00:00:00Z",
                        new RunEnvironment.Jdk("v", "25", "vm", "/jdk"), Map.of("suite", List.of("-Xmx1g")), "G1",
                        new RunEnvironment.Cpu("cpu", 2), 1024L, "6.1", "Debian", LIMITS, null,
                        new RunEnvironment.Pinning("0", "1", "0-1"),
                        Map.of("tokio", new ReferenceInfo("ok", "1.24.2", "rustc 1.95.0", 2, 768L, 128L, 640L, 1297.1))),
                new RunEnvironment(new RunEnvironment.Build(null, null, null), "quick", null, null, null, null, null,
                        null, null, null, null, null, null, null, Map.of("tokio", ReferenceInfo.notRun(
                        "not run: cargo or tokio sources not available (no cargo)"))),
                new ServerLine("futures", null, "open", 1000, 128, 0.75, 45000.0, 2, 2.001, 90045L, 0L, 44999.5,
                        810_000_000L, 8.995, 41.2, 60.1, 120.5, 300.7, 1200.9, "0", "1", null,
                        List.of("-Xmx512m", "-Dkotlinx.coroutines.io.parallelism=2"),
                        "hgrm/server-futures-1000-open-75-w2.hgrm", "ok", null),
                new ServerLine("pool", null, "closed", 1000, 128, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, "failed", "not run: bounded"));
        for (Record line : lines) {
            assertEquals(line, JsonLines.read(JsonLines.write(line), line.getClass()), line.getClass().getSimpleName());
        }
    }

    @Test
    void fieldsAreWrittenInTheSchemasOrderWithNullsAndUnlimitedAsMinusOne() {
        String line = JsonLines.write(new FailureLine("report", null, Map.of(), "boom", LIMITS));

        assertEquals("{\"stage\":\"report\",\"runtime\":null,\"params\":{},\"error\":\"boom\",\"osLimits\":{\"pidMax\":32768,"
                + "\"threadsMax\":192730,\"maxMapCount\":null,\"maxUserProcesses\":-1,\"maxOpenFiles\":20000}}", line);
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        LatencyLine line = LatencyLine.of("request-latency", "loom", Map.of(), true, 100L, new Histogram(3), null);

        assertEquals(0L, line.count());
        assertEquals(null, line.p50());
        assertEquals("open", line.mode());
    }

    @Test
    void aServerLineThatSaysOkMustBeAMeasuredWindow() {
        String line = JsonLines.write(new ServerLine("loom", null, "closed", 10, 128, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, "failed", "no"))
                .replace("\"failed\"", "\"ok\"");

        JsonProcessingException error = assertThrows(JsonProcessingException.class, () -> JsonLines.read(line, ServerLine.class));
        assertTrue(error.getMessage().contains("an ok line is a measured window"), error.getMessage());
    }

    @Test
    void aProbeLineWithAnotherStatusIsRefused() {
        String line = JsonLines.write(new ProbeLine("memory", "loom", 1, "ok", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null)).replace("\"ok\"", "\"fine\"");

        JsonProcessingException error = assertThrows(JsonProcessingException.class, () -> JsonLines.read(line, ProbeLine.class));
        assertTrue(error.getMessage().contains("status must be \"ok\" or \"failed\", was \"fine\""), error.getMessage());
    }

    /** Every measured field of a probe line is a measurement the report reads (none is written and left unread). */
    @Test
    void everyMeasuredFieldIsAMeasurement() {
        ProbeLine line = new ProbeLine("memory", "loom", 1, "ok", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, "default", null);
        List<String> identity = List.of("experiment", "runtime", "tasks", "status", "error", "osLimits", "jvmFlags",
                "sleepMs", "depth", "nmt", "config", "runtimeVersion");
        for (var component : ProbeLine.class.getRecordComponents()) {
            if (!identity.contains(component.getName())) {
                assertTrue(line.measurements().containsKey(component.getName()), component.getName());
            }
        }
        for (var component : NmtSummary.class.getRecordComponents()) {
            assertTrue(line.measurements().containsKey("nmt." + component.getName()), component.getName());
        }
    }
}
