package threadmill.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.bench.raw.ProbeLine;
import threadmill.workload.TaskRuntimes;

/**
 * A probe point as the report uses it: one line of raw/probe.jsonl ({@link ProbeLine}) with its
 * measurements by name and its OS limits as text.
 */
record ProbeResult(String experiment, String runtime, long tasks, boolean ok, String error,
                   Map<String, String> osLimits, List<String> jvmFlags, Double sleepMs, Double depth,
                   Map<String, Double> values, String config, String runtimeVersion) {

    /** The JDK's own flags: what a line without a config (an older run) measured. */
    static final String DEFAULT_CONFIG = "default";
    /** The config of a point with no JVM at all (the native reference). */
    static final String NATIVE_CONFIG = "native";

    static ProbeResult from(ProbeLine line) {
        Map<String, Double> values = new LinkedHashMap<>();
        line.measurements().forEach((field, value) -> values.put(field, value == null ? null : value.doubleValue()));
        return new ProbeResult(line.experiment(), line.runtime(), line.tasks(), line.ok(), line.error(),
                Scalars.of(line.osLimits()), line.jvmFlags(), line.sleepMs() == null ? null : line.sleepMs().doubleValue(),
                line.depth() == null ? null : line.depth().doubleValue(), Collections.unmodifiableMap(values),
                line.config() == null ? DEFAULT_CONFIG : line.config(), line.runtimeVersion());
    }

    /** Whether the point ran with the flags everything else in the report ran with: the JDK's defaults, or no JVM. */
    boolean defaultFlags() {
        return config.equals(DEFAULT_CONFIG) || config.equals(NATIVE_CONFIG);
    }

    /**
     * The series the point belongs to: its runtime, or e.g. {@code loom depth=16} when the sleep
     * was deeper than 1, so each depth is compared with its own baseline.
     */
    String series() {
        return depth == null || depth == 1 ? runtime : runtime + Runtimes.DEPTH_LABEL + Fmt.exact(depth);
    }

    /** A measured value, or null when the point did not measure it. */
    Double value(String field) {
        return values.get(field);
    }

    String statusText() {
        if (!ok) {
            return "failed: " + (error == null ? "no message" : error);
        }
        return beyondPidMax() ? "ok, but " + BEYOND_PID_MAX.formatted(osLimits.get("pidMax")) : "ok";
    }

    /** What a completed platform-thread point past pid_max means, with the limit filled in. */
    static final String BEYOND_PID_MAX = "N > pid_max=%s: the threads cannot all be alive at once, so the "
            + "OS limit serialised the run";

    /**
     * A kernel thread takes a pid, so a point of a runtime whose every task is one (as its
     * provider declares) with more tasks than pid_max that still completed ran them in waves
     * (thread creation waits for earlier threads to exit), not all at once: its figures are not
     * those of N threads alive together.
     */
    boolean beyondPidMax() {
        boolean kernelThreads = TaskRuntimes.known(runtime) && TaskRuntimes.provider(runtime).eachTaskIsKernelThread();
        if (!kernelThreads || osLimits == null || osLimits.get("pidMax") == null) {
            return false;
        }
        try {
            return tasks > Long.parseLong(osLimits.get("pidMax"));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
