package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of raw/probe.jsonl: a memory-probe point or a sleep-10-s point, appended as soon as
 * the point ends. Fields that do not apply, or that a failed point did not get to measure, are
 * null. Per-task figures are the report's: (value(N) − value(N=1)) / N, and a least-squares
 * slope over the sweep.
 */
public record ProbeLine(
        @JsonProperty(required = true) @JsonPropertyDescription("`memory` or `sleep10s` (PROBE.md)")
        String experiment,
        @JsonProperty(required = true) @JsonPropertyDescription("the runtime's name in the registry")
        String runtime,
        @JsonProperty(required = true) @JsonPropertyDescription("N, the tasks started")
        long tasks,
        @JsonProperty(required = true) @JsonPropertyDescription("`ok` or `failed`")
        String status,
        @JsonPropertyDescription("a failed point's one-line error")
        String error,
        @JsonPropertyDescription("the OS limits in force in the point's JVM")
        RawOsLimits osLimits,
        @JsonPropertyDescription("the point's JVM flags, as its JVM lists them")
        List<String> jvmFlags,
        @JsonPropertyDescription("how long each task sleeps, ms")
        Long sleepMs,
        @JsonPropertyDescription("the call depth of the sleep: 1 when the task body itself sleeps (PROBE.md)")
        Integer depth,
        @JsonPropertyDescription("memory points: tasks run before the N, to warm the JIT (PROBE.md)")
        Long warmupTasks,
        @JsonPropertyDescription("time to spawn all N, ns")
        Long spawnNanos,
        @JsonPropertyDescription("time until all had parked, or their count stopped growing, ns")
        Long parkedNanos,
        @JsonPropertyDescription("how many had parked (a bounded runtime: its bound)")
        Long parkedTasks,
        @JsonPropertyDescription("memory points: heap used after two full GCs, bytes")
        Long heapUsedAfterGcBytes,
        @JsonPropertyDescription("VmRSS, bytes")
        Long rssBytes,
        @JsonPropertyDescription("VmHWM, the peak of VmRSS (what /usr/bin/time reports), bytes")
        Long hwmBytes,
        @JsonPropertyDescription("VmPTE, page tables, bytes")
        Long pteBytes,
        @JsonPropertyDescription("Native Memory Tracking's summary; null without NMT")
        NmtSummary nmt,
        @JsonPropertyDescription("memory: time to cancel the N; sleep10s: first spawn to last join, ns")
        Long completeNanos,
        @JsonPropertyDescription("first spawn to the end of the point, ns")
        Long wallNanos,
        @JsonPropertyDescription("CPU time of the whole process, ns")
        Long processCpuNanos,
        @JsonPropertyDescription("the JVM's uptime when the point ended, ns")
        Long uptimeNanos,
        @JsonPropertyDescription("processCpuNanos over uptimeNanos, percent of one core")
        Double cpuPercent) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public ProbeLine {
        if (!OK.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status must be \"ok\" or \"failed\", was " + quoted(status));
        }
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    /**
     * Every measured field by name, in the order above, with the {@code nmt} object's fields
     * last as {@code nmt.<field>}: null where the point did not measure it.
     */
    public Map<String, Number> measurements() {
        Map<String, Number> measured = new LinkedHashMap<>();
        measured.put("warmupTasks", warmupTasks);
        measured.put("spawnNanos", spawnNanos);
        measured.put("parkedNanos", parkedNanos);
        measured.put("parkedTasks", parkedTasks);
        measured.put("heapUsedAfterGcBytes", heapUsedAfterGcBytes);
        measured.put("rssBytes", rssBytes);
        measured.put("hwmBytes", hwmBytes);
        measured.put("pteBytes", pteBytes);
        measured.put("completeNanos", completeNanos);
        measured.put("wallNanos", wallNanos);
        measured.put("processCpuNanos", processCpuNanos);
        measured.put("uptimeNanos", uptimeNanos);
        measured.put("cpuPercent", cpuPercent);
        measured.put("nmt.javaHeapCommitted", nmt == null ? null : nmt.javaHeapCommitted());
        measured.put("nmt.threadCommitted", nmt == null ? null : nmt.threadCommitted());
        measured.put("nmt.threadReserved", nmt == null ? null : nmt.threadReserved());
        measured.put("nmt.threadCount", nmt == null ? null : nmt.threadCount());
        measured.put("nmt.classCommitted", nmt == null ? null : nmt.classCommitted());
        measured.put("nmt.totalCommitted", nmt == null ? null : nmt.totalCommitted());
        return measured;
    }

    /** True when the point measured what it set out to. */
    public boolean ok() {
        return OK.equals(status);
    }
}
