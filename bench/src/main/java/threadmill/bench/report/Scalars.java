package threadmill.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import threadmill.bench.raw.LatencySummary;
import threadmill.bench.raw.RawOsLimits;

/** Flat objects of raw lines (params, OS limits, a latency summary) as text, in the order written. */
final class Scalars {

    private Scalars() {
    }

    /** Each value as text: a number as an integer when it is one, null as "null". */
    static Map<String, String> of(Map<String, ?> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((name, value) -> text.put(name, text(value)));
        return Collections.unmodifiableMap(text);
    }

    /** The limits recorded; none when there were none. */
    static Map<String, String> of(RawOsLimits limits) {
        return limits == null ? Map.of() : of(limits.recorded());
    }

    /** The summary's values that were recorded, in the order written. */
    static Map<String, String> of(LatencySummary latency) {
        if (latency == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        putIfPresent(values, "p50", latency.p50());
        putIfPresent(values, "p99", latency.p99());
        putIfPresent(values, "p999", latency.p999());
        putIfPresent(values, "max", latency.max());
        putIfPresent(values, "count", latency.count());
        putIfPresent(values, "unit", latency.unit());
        return of(values);
    }

    private static void putIfPresent(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "null";
            case Number number -> Fmt.exact(number.doubleValue());
            default -> value.toString();
        };
    }
}
