package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of raw/reference.jsonl: a spawn-cost result of a native reference runtime, the
 * counterpart of a JMH {@code spawn} or {@code spawnAndJoin} score per task, with JMH's
 * statistics (mean over the measured iterations, half-width of the 99.9 % Student t interval).
 */
public record ReferenceLine(
        @JsonProperty(required = true) String runtime, String runtimeVersion,
        @JsonProperty(required = true) String benchmark, @JsonProperty(required = true) long tasks,
        @JsonProperty(required = true) double score, Double scoreError, Double scoreLow, Double scoreHigh,
        @JsonProperty(required = true) String unit, Integer iterations, List<Double> rawData, Integer workerThreads) {

    public ReferenceLine {
        rawData = rawData == null ? List.of() : List.copyOf(rawData);
    }
}
