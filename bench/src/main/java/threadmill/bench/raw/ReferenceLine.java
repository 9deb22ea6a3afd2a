package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of raw/reference.jsonl: a spawn-cost result of the native reference ({@code tokio}),
 * measured by its own harness, in nanoseconds per task, with the 99.9 % half-width of its
 * iterations (null for a single iteration) and each iteration's score.
 */
public record ReferenceLine(
        @JsonProperty(required = true) String runtime, String runtimeVersion,
        @JsonProperty(required = true) String benchmark, Long tasks, Double score, Double scoreError, Double scoreLow,
        Double scoreHigh, String unit, Integer iterations, List<Double> rawData, Integer workerThreads) {

    public ReferenceLine {
        rawData = rawData == null ? List.of() : List.copyOf(rawData);
    }
}
