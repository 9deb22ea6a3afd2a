package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of raw/pitfalls.jsonl: one pitfall measurement, in a JVM of its own. */
public record PitfallLine(
        @JsonProperty(required = true) String pitfall, @JsonProperty(required = true) String runtime, String variant,
        Map<String, Object> params, Double wallMillis, Double expectedMillis, Double throughputPerSecond,
        Long pinnedEvents, LatencySummary latency, List<String> jvmFlags, String jdk, String note) {

    public PitfallLine {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
    }
}
