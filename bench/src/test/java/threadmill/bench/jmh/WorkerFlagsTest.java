package threadmill.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/** A worker count is a flag of the fork's JVM: a trial whose fork lacks it (or sets one unasked) refuses to run. */
class WorkerFlagsTest {

    private static final TaskRuntimeProvider WITH_KNOB = TaskRuntimes.providers().values().stream()
            .filter(provider -> !provider.jvmFlagsForWorkers(1).isEmpty()).findFirst().orElseThrow();
    private static final TaskRuntimeProvider WITHOUT_KNOB = TaskRuntimes.providers().values().stream()
            .filter(provider -> provider.jvmFlagsForWorkers(1).isEmpty()).findFirst().orElseThrow();

    private static String error(TaskRuntimeProvider provider, String workers, List<String> jvmArgs) {
        return assertThrows(IllegalArgumentException.class,
                () -> SleepingTasks.requireWorkerFlags(provider, workers, jvmArgs)).getMessage();
    }

    @Test
    void aCountWithItsFlagsRuns() {
        List<String> flags = WITH_KNOB.jvmFlagsForWorkers(4);
        SleepingTasks.requireWorkerFlags(WITH_KNOB, "4", flags);
        SleepingTasks.requireWorkerFlags(WITH_KNOB, SleepingTasks.DEFAULT_WORKERS, List.of("-Xmx1g"));
        SleepingTasks.requireWorkerFlags(WITHOUT_KNOB, SleepingTasks.DEFAULT_WORKERS, List.of());
    }

    @Test
    void aCountWithoutItsFlagsIsRefusedNamingThem() {
        String message = error(WITH_KNOB, "4", List.of("-Xmx1g"));
        assertTrue(message.startsWith("workers=4 on " + WITH_KNOB.name() + " needs the fork's JVM started with "), message);
        assertTrue(message.endsWith("-jvmArgsAppend " + String.join(" ", WITH_KNOB.jvmFlagsForWorkers(4))), message);
        assertTrue(error(WITH_KNOB, "2", WITH_KNOB.jvmFlagsForWorkers(4)).contains("missing"));
    }

    @Test
    void theDefaultInAForkThatSetsACountIsRefused() {
        assertTrue(error(WITH_KNOB, SleepingTasks.DEFAULT_WORKERS, WITH_KNOB.jvmFlagsForWorkers(2))
                .contains("give that count as -p workers=N"));
    }

    @Test
    void aRuntimeWithoutAKnobOrABadCountIsRefused() {
        assertTrue(error(WITHOUT_KNOB, "2", List.of()).contains("it has no worker count to set"));
        assertTrue(error(WITH_KNOB, "many", List.of()).startsWith("workers must be 'default' or a whole number"));
        assertTrue(error(WITH_KNOB, "0", List.of()).startsWith("workers must be between 1 and 1024"));
    }
}
