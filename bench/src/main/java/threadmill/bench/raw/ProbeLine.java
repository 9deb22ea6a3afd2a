package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of raw/probe.jsonl: a memory-probe point or a sleep-10-s point, appended as soon as
 * the point ends. Fields that do not apply, or that a failed point did not get to measure, are
 * null. Per-task figures are the report's: (value(N) − value(N=1)) / N, and a least-squares
 * slope over the sweep, each within one {@code config} (the JVM flags of the matrix) and one
 * depth, since a baseline is only comparable with points of its own flags.
 */
public record ProbeLine(
        @JsonProperty(required = true) String experiment, @JsonProperty(required = true) String runtime,
        @JsonProperty(required = true) long tasks, @JsonProperty(required = true) String status, String error,
        RawOsLimits osLimits, List<String> jvmFlags, Long sleepMs, Integer depth, Long warmupTasks, Long spawnNanos,
        Long parkedNanos, Long parkedTasks, Long heapUsedAfterGcBytes, Long rssBytes, Long hwmBytes, Long pteBytes,
        NmtSummary nmt, Long completeNanos, Long wallNanos, Long processCpuNanos, Long uptimeNanos,
        Double cpuPercent, String config, String runtimeVersion) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    /** The {@code config} of a point of the native reference, which runs in no JVM. */
    public static final String NATIVE = "native";

    public ProbeLine {
        if (!OK.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status must be \"ok\" or \"failed\", was " + quoted(status));
        }
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    /** The components that say which point it was, not what it measured. */
    private static final Set<String> IDENTITY = Set.of("experiment", "runtime", "tasks", "status", "error", "osLimits",
            "jvmFlags", "sleepMs", "depth", "nmt", "config", "runtimeVersion");

    /**
     * Every measured field by name, in the order above, with the {@code nmt} object's fields
     * last as {@code nmt.<field>}: null where the point did not measure it. Read from the
     * record's components, so that no field is written and left unread.
     */
    public Map<String, Number> measurements() {
        Map<String, Number> measured = new LinkedHashMap<>();
        for (RecordComponent component : ProbeLine.class.getRecordComponents()) {
            if (!IDENTITY.contains(component.getName())) {
                measured.put(component.getName(), (Number) valueOf(component, this));
            }
        }
        for (RecordComponent component : NmtSummary.class.getRecordComponents()) {
            measured.put("nmt." + component.getName(), nmt == null ? null : (Number) valueOf(component, nmt));
        }
        return measured;
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** True when the point measured what it set out to. */
    public boolean ok() {
        return OK.equals(status);
    }
}
