package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import threadmill.bench.raw.RawDir;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.TaskRuntimeProvider;

/**
 * A CPU-bound task that never yields, on a runtime with one worker: {@code tasks} sleepers
 * each sleep {@code sleepMs} {@code rounds} times and record how late they wake, while one
 * task spins for {@code hogMs} after {@code hogDelayMs}. Where nothing preempts the spinning
 * task, the sleepers' lateness grows to the hog's length; platform threads are preempted by
 * the kernel and stay on time. Variant {@code no-hog} is the same run without the hog. Each
 * runtime runs its side ({@link RuntimePitfalls#runCpuHog}) under the JVM flags that give it
 * one worker.
 */
final class CpuHogPitfall {

    static final String NAME = "cpu-hog-timer-lateness";
    static final List<String> VARIANTS = List.of("no-hog", "cpu-hog");

    private CpuHogPitfall() {
    }

    /** Both variants on each runtime that takes part, variant by variant. */
    static List<PitfallSpec> plan(List<TaskRuntimeProvider> runtimes, Map<String, Long> params) {
        List<PitfallSpec> plan = new ArrayList<>();
        for (String variant : VARIANTS) {
            for (TaskRuntimeProvider runtime : runtimes) {
                runtime.pitfalls().oneWorkerJvmFlags().ifPresent(flags ->
                        plan.add(new PitfallSpec(NAME, runtime.name(), variant, flags, params)));
            }
        }
        return plan;
    }

    static PitfallResult measure(PitfallSpec spec, RuntimePitfalls runtime, RawDir raw) throws InterruptedException {
        boolean hog = spec.variant().equals("cpu-hog");
        RuntimePitfalls.CpuHogRun run = new RuntimePitfalls.CpuHogRun((int) spec.param("tasks"),
                (int) spec.param("rounds"), Duration.ofMillis(spec.param("sleepMs")), hog,
                Duration.ofMillis(spec.param("hogDelayMs")), Duration.ofMillis(spec.param("hogMs")));
        WakeLateness lateness = new WakeLateness();
        long start = System.nanoTime();
        String note = runtime.runCpuHog(run, lateness);
        PitfallResult result = new PitfallResult(PitfallResult.millisSince(start),
                (double) spec.param("rounds") * spec.param("sleepMs"), null, null, lateness.summary(),
                hog ? note : "baseline without the spinning task");
        lateness.write(raw, spec);
        return result;
    }
}
