package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of raw/pitfalls.jsonl: one pitfall measurement, in a JVM of its own. */
public record PitfallLine(
        @JsonProperty(required = true)
        @JsonPropertyDescription("`blocking-sleep-in-future`, `cpu-hog-timer-lateness` or `vt-pinning`")
        String pitfall,
        @JsonProperty(required = true) @JsonPropertyDescription("the runtime's name in the registry")
        String runtime,
        @JsonPropertyDescription("e.g. `blocking-sleep`, `async-sleep`, `cpu-hog`, `synchronized`, `native-frame`")
        String variant,
        @JsonPropertyDescription("whole-number settings: tasks, sleepMs, rounds, ...")
        Map<String, Object> params,
        @JsonPropertyDescription("wall time of the run, ms")
        Double wallMillis,
        @JsonPropertyDescription("what the runtime's model predicts, ms")
        Double expectedMillis,
        @JsonPropertyDescription("sleeps completed per second, where counted")
        Double throughputPerSecond,
        @JsonPropertyDescription("JFR jdk.VirtualThreadPinned events, where counted")
        Long pinnedEvents,
        @JsonPropertyDescription("wake lateness, where measured (also a latency.jsonl line)")
        LatencySummary latency,
        @JsonPropertyDescription("the JVM flags of the run")
        List<String> jvmFlags,
        @JsonPropertyDescription("Runtime.version() of the run's JVM")
        String jdk,
        @JsonPropertyDescription("one line saying what this shows")
        String note) {

    public PitfallLine {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
    }
}
