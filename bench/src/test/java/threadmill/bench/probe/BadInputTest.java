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
        List<String> names = TaskRuntimes.names();
        List<ProbeSpec> full = ProbeSweep.memory(true, names).points();
        int matrix = JvmConfig.matrix(true).size() - 1;
        assertEquals(names.size() * (ProbeSweep.FULL_TASKS.size() + ProbeSweep.QUICK_TASKS.size() + 2 * matrix),
                full.size(), "default: depth 1 up to 10M, depth 16 up to 1M; every other config at N=1 and the matrix's N");
        assertEquals(List.of(1, ProbeSweep.FULL_DEPTH), full.stream().map(ProbeSpec::depth).distinct().toList());
        assertEquals(List.of(JvmConfig.values()), full.stream().map(ProbeSpec::config).distinct().toList());
        List<ProbeSpec> quick = ProbeSweep.memory(false, names).points();
        assertEquals(List.of(JvmConfig.DEFAULT, JvmConfig.COH), quick.stream().map(ProbeSpec::config).distinct().toList());
        for (String runtime : names) {
            assertEquals(List.of(1, ProbeSweep.matrixTasks(runtime), 1, ProbeSweep.matrixTasks(runtime)),
                    quick.stream().filter(point -> point.runtime().equals(runtime)).map(ProbeSpec::tasks).toList());
        }
        List<ProbeSpec> sleep = ProbeSweep.sleep10s(false, names).points();
        assertEquals(2 * names.size(), sleep.size(), "a million tasks, every runtime, default and coh: " + sleep);
        assertTrue(sleep.stream().allMatch(point -> point.tasks() == ProbeSweep.SLEEP10S_MATRIX_TASKS));
    }

    /** What the limits rule out is known before the point starts, with the reason. */
    @Test
    void aPointTheLimitsRuleOutSaysWhy() {
        threadmill.workload.OsLimits limits = new threadmill.workload.OsLimits(32768L, 192725L, 65530L, 96362L, 20000L);
        String kernelThreads = TaskRuntimes.providers().values().stream()
                .filter(threadmill.workload.TaskRuntimeProvider::eachTaskIsKernelThread).findFirst().orElseThrow().name();
        String bounded = TaskRuntimes.providers().values().stream().filter(p -> p.maxConcurrentTasks().isPresent())
                .findFirst().orElseThrow().name();
        String virtual = TaskRuntimes.providers().values().stream()
                .filter(threadmill.workload.TaskRuntimeProvider::tasksAreVirtualThreads).findFirst().orElseThrow().name();

        assertTrue(new ProbeSpec(Experiment.MEMORY, kernelThreads, 100_000, null).predictedFailure(limits, 300)
                .orElseThrow().contains("pid_max=32768"));
        assertTrue(new ProbeSpec(Experiment.MEMORY, kernelThreads, 10_000, null).predictedFailure(limits, 300)
                .isEmpty());
        assertTrue(new ProbeSpec(Experiment.MEMORY, kernelThreads, 32_000, null).predictedFailure(limits, 1_000)
                .isPresent(), "the threads the machine has already count");
        assertTrue(new ProbeSpec(Experiment.SLEEP10S, bounded, 10_000, null).predictedFailure(limits, 300)
                .orElseThrow().contains("at most"));
        assertTrue(new ProbeSpec(Experiment.SLEEP10S, virtual, 1_000_000, null).predictedFailure(limits, 300)
                .isEmpty());
        assertTrue(new ProbeSpec(Experiment.MEMORY, virtual, 10_000_000, 1, null, JvmConfig.DEFAULT)
                .predictedFailure(limits, 300).orElseThrow().contains("of heap"));
    }
}
