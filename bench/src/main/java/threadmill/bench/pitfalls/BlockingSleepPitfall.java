package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.TaskRuntimeProvider;

/**
 * Blocking sleep where the runtime expects waiting to yield: {@code tasks} tasks each sleep
 * {@code sleepMs} once, in every variant the runtime declares (a {@code Thread.sleep} and the
 * runtime's own sleep, on one worker; see {@link RuntimePitfalls}). Where waiting must yield
 * the worker, blocking sleeps take tasks x sleepMs; the runtime's own sleeps take sleepMs.
 */
final class BlockingSleepPitfall {

    static final String NAME = "blocking-sleep-in-future";

    private BlockingSleepPitfall() {
    }

    /** A run of each variant the runtime declares; none for a runtime with no side of this pitfall. */
    static List<PitfallSpec> plan(TaskRuntimeProvider runtime, Map<String, Long> params) {
        return runtime.pitfalls().blockingSleepVariants().stream()
                .map(variant -> new PitfallSpec(NAME, runtime.name(), variant.name(), variant.jvmFlags(), params))
                .toList();
    }

    static PitfallResult measure(PitfallSpec spec, RuntimePitfalls runtime) throws InterruptedException {
        long start = System.nanoTime();
        RuntimePitfalls.Expectation expected = runtime.runBlockingSleep(spec.variant(), (int) spec.param("tasks"),
                Duration.ofMillis(spec.param("sleepMs")));
        return new PitfallResult(PitfallResult.millisSince(start), expected.expectedMillis(), null, null, null,
                expected.note());
    }
}
