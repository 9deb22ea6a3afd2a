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
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

class PitfallsTest {

    @Test
    void aSuiteLeavesOutRuntimesWithoutPitfalls() {
        List<PitfallSpec> plan = Pitfalls.plan(false, List.of("loom", "pool"));
        assertTrue(plan.stream().allMatch(spec -> spec.runtime().equals("loom")), plan.toString());
        assertEquals(2 + 2 + PinningPitfall.VARIANTS.size(), plan.size());
    }

    /** Each runtime takes part in what its provider has a side of, with the flags it declares. */
    @Test
    void thePlanFollowsWhatEachRuntimeDeclares() {
        List<PitfallSpec> plan = Pitfalls.plan(false, TaskRuntimes.names());
        for (String runtime : TaskRuntimes.names()) {
            TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
            List<String> sleepVariants = plan.stream()
                    .filter(spec -> spec.runtime().equals(runtime) && spec.pitfall().equals(BlockingSleepPitfall.NAME))
                    .map(PitfallSpec::variant).toList();
            assertEquals(provider.pitfalls().blockingSleepVariants().stream().map(RuntimePitfalls.Variant::name).toList(),
                    sleepVariants, runtime);
            List<PitfallSpec> hog = plan.stream()
                    .filter(spec -> spec.runtime().equals(runtime) && spec.pitfall().equals(CpuHogPitfall.NAME)).toList();
            assertEquals(provider.pitfalls().oneWorkerJvmFlags().isPresent() ? 2 : 0, hog.size(), runtime);
            hog.forEach(spec -> assertEquals(provider.pitfalls().oneWorkerJvmFlags().orElseThrow(), spec.jvmFlags()));
            assertEquals(provider.tasksAreVirtualThreads(), plan.stream()
                    .anyMatch(spec -> spec.runtime().equals(runtime) && spec.pitfall().equals(PinningPitfall.NAME)), runtime);
        }
    }

    @Test
    void anUnknownRuntimeIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pitfalls.plan(false, List.of("goroutines")))
                .getMessage().startsWith("unknown runtime 'goroutines'"));
    }

    @Test
    void aMissingParameterIsNamed() {
        PitfallSpec spec = new PitfallSpec("vt-pinning", "loom", "synchronized", List.of(), Map.of());
        assertEquals("pitfall vt-pinning needs the parameter tasks",
                assertThrows(IllegalArgumentException.class, () -> spec.param("tasks")).getMessage());
    }

    /**
     * A real measurement in a child JVM: class initialization and a native frame still pin on this JDK,
     * a ReentrantLock never does. "Pins" is the pitfall's own test, a pinned wait per task at the
     * least: a 1 ms sleep that a loaded machine holds up past its deadline need not park, so not
     * every sleep is certain to record an event.
     */
    @Test
    void pinningIsCountedFromJfrEvents(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        Map<String, Long> params = Pitfalls.params("tasks", 20, "sleepMs", 1, "rounds", 2);
        Pitfalls.run(List.of(
                new PitfallSpec(PinningPitfall.NAME, "loom", "class-init", PinningPitfall.TWO_CARRIERS, params),
                new PitfallSpec(PinningPitfall.NAME, "loom", "reentrant-lock", PinningPitfall.TWO_CARRIERS, params),
                new PitfallSpec(PinningPitfall.NAME, "loom", "native-frame", PinningPitfall.jvmFlags("native-frame"),
                        params)),
                raw, new Progress(raw));
        List<String> lines = Files.readAllLines(dir.resolve("pitfalls.jsonl"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"variant\":\"class-init\""), lines.get(0));
        assertTrue(pinnedEvents(lines.get(0)) >= 20 && lines.get(0).contains(": pins ("),
                "sleeps in a class initializer pin: " + lines.get(0));
        assertEquals(0, pinnedEvents(lines.get(1)), lines.get(1));
        assertTrue(lines.get(1).contains("\"jvmFlags\":[\"-Djdk.virtualThreadScheduler.parallelism=2\"]"), lines.get(1));
        assertTrue(pinnedEvents(lines.get(2)) >= 20 && lines.get(2).contains(": pins ("),
                "sleeps under a native frame pin: " + lines.get(2));
        assertTrue(lines.get(2).contains("\"jvmFlags\":[\"-Djdk.virtualThreadScheduler.parallelism=2\","
                + "\"-Djdk.reflect.useNativeAccessorOnly=true\"]"), lines.get(2));
        assertTrue(lines.get(2).contains("reason: Native or VM frame on stack"), lines.get(2));
    }

    /** Without the flag reflection has no native frame, so the variant refuses to measure instead of measuring nothing. */
    @Test
    void nativeFrameWithoutItsFlagFailsWithTheFlagNamed(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        Map<String, Long> params = Pitfalls.params("tasks", 2, "sleepMs", 1, "rounds", 1);
        Pitfalls.run(List.of(new PitfallSpec(PinningPitfall.NAME, "loom", "native-frame", PinningPitfall.TWO_CARRIERS, params)),
                raw, new Progress(raw));
        String failure = Files.readString(dir.resolve("failures.jsonl"));
        assertTrue(failure.contains("-Djdk.reflect.useNativeAccessorOnly=true"), failure);
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
