package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.harness.CommandLine;
import threadmill.workload.TaskRuntimes;

/** Every bad sweep is one clear error before any point runs. */
class BadInputTest {

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class,
                () -> MemoryProbe.sweep(new CommandLine(args, MemoryProbe.OPTIONS).optionsOnly()))
                .getMessage();
    }

    @Test
    void unknownRuntime() {
        assertEquals(true, error("--runtimes", "loom,green").startsWith("unknown runtime 'green'; known runtimes: "));
    }

    @Test
    void zeroOrNegativeTasks() {
        assertEquals("tasks must be between 1 and 10000000, was 0", error("--runtimes", "loom", "--tasks", "0"));
        assertEquals("tasks must be between 1 and 10000000, was -5", error("--runtimes", "loom", "--tasks", "-5"));
    }

    @Test
    void tasksThatAreNotCounts() {
        assertEquals("--tasks takes counts such as 1000, 10k or 1M, was 'many'", error("--tasks", "many"));
    }

    @Test
    void tasksThatCannotFitInTheHeap() {
        assertEquals("10000000 loom tasks need about 24414 MiB of heap (2560 bytes each), more than 80% of the"
                        + " 4096 MiB heap of the point; give a larger --xmx-mb or fewer tasks",
                error("--runtimes", "loom", "--tasks", "10M", "--xmx-mb", "4096"));
    }

    @Test
    void theFullSweepKeepsAPointThatCannotFitAndSaysItWillNotRun() {
        ProbeSweep full = ProbeSweep.memory(true, List.of("loom"));

        ProbeSpec tenMillion = full.points().stream().filter(p -> p.tasks() == 10_000_000).findFirst().orElseThrow();

        assertTrue(tenMillion.heapShortfall().isPresent());
        assertTrue(full.plan().stream().anyMatch(line -> line.contains("tasks=10000000")
                && line.contains("not run, recorded as failed")), String.join("\n", full.plan()));
    }

    @Test
    void aHeapLargerThanTheMachine() {
        assertEquals(true, error("--runtimes", "loom", "--tasks", "1", "--xmx-mb", "100000000")
                .startsWith("a heap of 100000000 MiB is more than the "));
    }

    @Test
    void unknownExperimentAndSuite() {
        assertEquals("unknown experiment 'fast'; known: memory, sleep10s", error("--experiment", "fast"));
        assertEquals("unknown suite 'huge'; known: quick, full", error("--suite", "huge"));
    }

    @Test
    void depthOutOfRange() {
        assertEquals("depth must be between 1 and 1000, was 0", error("--runtimes", "loom", "--depth", "1,0"));
        assertEquals("depth must be between 1 and 1000, was 1001", error("--runtimes", "loom", "--depth", "1001"));
    }

    @Test
    void deepTasksThatCannotFitInTheHeap() {
        assertEquals("1000000 loom tasks need about 63415 MiB of heap (66496 bytes each), more than 80% of the"
                        + " 4096 MiB heap of the point; give a larger --xmx-mb or fewer tasks",
                error("--runtimes", "loom", "--tasks", "1M", "--depth", "1000"));
    }

    @Test
    void depthsSweepEveryRuntimeAndSize() {
        List<ProbeSpec> points = MemoryProbe.sweep(new CommandLine(new String[] {"--runtimes", "loom,futures",
            "--tasks", "1,1k", "--depth", "1,16"}, MemoryProbe.OPTIONS)).points();
        assertEquals(List.of("loom tasks=1", "loom tasks=1000", "futures tasks=1", "futures tasks=1000",
                "loom tasks=1 depth=16", "loom tasks=1000 depth=16", "futures tasks=1 depth=16",
                "futures tasks=1000 depth=16"), points.stream().map(p -> p.runtime() + " " + p.label()).toList());
    }

    @Test
    void sleep10sTakesNoHeapSetting() {
        assertEquals(true, error("--experiment", "sleep10s", "--runtimes", "loom", "--xmx-mb", "4096")
                .startsWith("the sleep10s experiment runs with the JDK's default flags"));
    }

    @Test
    void unknownOrIncompleteOptions() {
        assertEquals(true, error("--stack", "3").startsWith("unknown option '--stack'; known options: "));
        assertEquals("option --tasks needs a value", error("--tasks"));
    }

    @Test
    void theDefaultSweepsAreValid() {
        List<ProbeSpec> full = ProbeSweep.memory(true, TaskRuntimes.names()).points();
        assertEquals(TaskRuntimes.names().size() * (ProbeSweep.FULL_TASKS.size() + ProbeSweep.QUICK_TASKS.size()),
                full.size(), "depth 1 up to 10M, depth 16 up to 1M");
        assertEquals(List.of(1, ProbeSweep.FULL_DEPTH), full.stream().map(ProbeSpec::depth).distinct().toList());
        assertEquals(List.of(1), ProbeSweep.memory(false, TaskRuntimes.names()).points().stream()
                .map(ProbeSpec::depth).distinct().toList());
        List<ProbeSpec> sleep = ProbeSweep.sleep10s(false, TaskRuntimes.names()).points();
        long expected = TaskRuntimes.providers().values().stream()
                .mapToLong(runtime -> runtime.maxConcurrentTasks().isPresent() ? 0 : runtime.eachTaskIsKernelThread() ? 2 : 3)
                .sum();
        assertEquals(expected, sleep.size(), "kernel threads 10k/100k, others 10k/100k/1M, none bounded: " + sleep);
        assertTrue(sleep.stream().noneMatch(point -> point.runtime().equals("pool")), sleep.toString());
    }
}
