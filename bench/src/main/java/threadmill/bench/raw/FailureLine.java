package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of raw/failures.jsonl: something the suite could not measure, so that the report
 * shows it instead of breaking. A JMH trial without a result has {@code params.benchmark}
 * (Class.method) and the first exception line its log shows; a runtime a group leaves out has
 * an error that starts with {@code not run:} and gives the reason.
 */
public record FailureLine(
        @JsonProperty(required = true) String stage, String runtime, Map<String, Object> params,
        @JsonProperty(required = true) String error, RawOsLimits osLimits) {

    private static final int ERROR_CHARS = 600;

    public FailureLine {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A failure's message as one line of bounded length. */
    public static String oneLine(Exception failure) {
        String text = String.valueOf(failure.getMessage()).replaceAll("\\s*\\R\\s*", " | ");
        return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS) + "...";
    }
}
