package threadmill.bench.pitfalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadmill.bench.probe.Progress;
import threadmill.bench.probe.RawDir;

class PitfallsTest {

    @Test
    void aSuiteLeavesOutRuntimesWithoutPitfalls() {
        List<PitfallSpec> plan = Pitfalls.plan(false, List.of("loom", "pool"));
        assertTrue(plan.stream().allMatch(spec -> spec.runtime().equals("loom")), plan.toString());
        assertEquals(2 + 2 + PinningPitfall.VARIANTS.size(), plan.size());
    }

    @Test
    void aMissingParameterIsNamed() {
        PitfallSpec spec = new PitfallSpec("vt-pinning", "loom", "synchronized", List.of(), Map.of());
        assertEquals("pitfall vt-pinning needs the parameter tasks",
                assertThrows(IllegalArgumentException.class, () -> spec.param("tasks")).getMessage());
    }

    /** A real measurement in a child JVM: class initialization still pins on this JDK, synchronized not since 24. */
    @Test
    void pinningIsCountedFromJfrEvents(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        Map<String, Long> params = Pitfalls.params("tasks", 20, "sleepMs", 1, "rounds", 2);
        Pitfalls.run(List.of(
                new PitfallSpec(PinningPitfall.NAME, "loom", "class-init", Pitfalls.TWO_CARRIERS, params),
                new PitfallSpec(PinningPitfall.NAME, "loom", "reentrant-lock", Pitfalls.TWO_CARRIERS, params)),
                raw, new Progress(raw));
        List<String> lines = Files.readAllLines(dir.resolve("pitfalls.jsonl"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"variant\":\"class-init\""), lines.get(0));
        assertTrue(pinnedEvents(lines.get(0)) >= 20 * 2, "every sleep in a class initializer pins: " + lines.get(0));
        assertEquals(0, pinnedEvents(lines.get(1)), lines.get(1));
        assertTrue(lines.get(1).contains("\"jvmFlags\":[\"-Djdk.virtualThreadScheduler.parallelism=2\"]"), lines.get(1));
    }

    /** The lateness histogram goes to raw/hgrm and its summary to latency.jsonl, named as RAW-FORMAT says. */
    @Test
    void cpuHogWritesItsLatencyHistogram(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        Map<String, Long> params = Pitfalls.params("tasks", 10, "sleepMs", 10, "rounds", 3, "hogDelayMs", 5, "hogMs", 50);
        Pitfalls.run(List.of(new PitfallSpec(CpuHogPitfall.NAME, "threads", "cpu-hog", List.of(), params)),
                raw, new Progress(raw));
        String latency = Files.readString(dir.resolve("latency.jsonl"));
        assertTrue(latency.startsWith("{\"metric\":\"cpu-hog-lateness\",\"runtime\":\"threads\","), latency);
        assertTrue(latency.contains("\"count\":20,"), "rounds 1 and 2 of 10 sleepers: " + latency);
        assertTrue(latency.contains("\"hgrm\":\"hgrm/cpu-hog-lateness-threads-cpu-hog-10-10.hgrm\""), latency);
        assertTrue(Files.readString(dir.resolve("hgrm/cpu-hog-lateness-threads-cpu-hog-10-10.hgrm"))
                .contains("#[Mean"));
        assertTrue(Files.readString(dir.resolve("pitfalls.jsonl")).contains("\"latency\":{\"p50\":"));
    }

    private static long pinnedEvents(String line) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"pinnedEvents\":(\\d+)").matcher(line);
        assertTrue(count.find(), line);
        return Long.parseLong(count.group(1));
    }
}
