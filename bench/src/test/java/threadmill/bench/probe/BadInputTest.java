package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad sweep is one clear error before any point runs. */
class BadInputTest {

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class,
                () -> MemoryProbe.sweep(new CommandLine(args, "out", "experiment", "suite", "runtimes", "tasks", "xmx-mb")))
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
        assertEquals("10000000 loom tasks need about 9765 MiB of heap (1024 bytes each), more than 80% of the"
                        + " 4096 MiB heap of the point; give a larger --xmx-mb or fewer tasks",
                error("--runtimes", "loom", "--tasks", "10M", "--xmx-mb", "4096"));
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
    void sleep10sTakesNoHeapSetting() {
        assertEquals(true, error("--experiment", "sleep10s", "--runtimes", "loom", "--xmx-mb", "4096")
                .startsWith("the sleep10s experiment runs with the JDK's default flags"));
    }

    @Test
    void unknownOrIncompleteOptions() {
        assertEquals(true, error("--depth", "3").startsWith("unknown option '--depth'; known options: "));
        assertEquals("option --tasks needs a value", error("--tasks"));
    }

    @Test
    void theDefaultSweepsAreValid() {
        assertEquals(ProbeSweep.RUNTIMES.size() * ProbeSweep.FULL_TASKS.size(),
                ProbeSweep.memory(true, ProbeSweep.RUNTIMES).points().size());
        List<ProbeSpec> sleep = ProbeSweep.sleep10s(false, ProbeSweep.RUNTIMES).points();
        assertEquals(8, sleep.size(), "threads 10k/100k, loom and futures 10k/100k/1M; no pool: " + sleep);
    }
}
