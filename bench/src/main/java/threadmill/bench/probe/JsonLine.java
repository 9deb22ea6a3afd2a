package threadmill.bench.probe;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.workload.Json;

/**
 * One JSON object, written on one line, keys in insertion order. Values may be null, strings,
 * booleans, numbers, lists, maps or nested {@code JsonLine}s. Non-finite doubles become null
 * (JSON has no NaN); strings and numbers are written by the contract's {@link Json}.
 */
public final class JsonLine {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** JSON text written as it is, e.g. {@code OsLimits.toJson()}. */
    public static Raw raw(String json) {
        return new Raw(json);
    }

    /** A value that is already JSON text. */
    public record Raw(String json) {
    }

    public JsonLine put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** The value under {@code key}, or null; lets a caller add to a line before writing it. */
    public Object get(String key) {
        return fields.get(key);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        writeValue(out, fields);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case JsonLine line -> writeValue(out, line.fields);
            case Raw raw -> out.append(raw.json());
            case String text -> out.append(Json.string(text));
            case Boolean flag -> out.append(flag);
            case Double number -> out.append(Json.number(number));
            case Float number -> out.append(Json.number(number.doubleValue()));
            case Number number -> out.append(number);
            case Map<?, ?> map -> writeMap(out, map);
            case List<?> list -> writeList(out, list);
            default -> throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON: " + value);
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            out.append(Json.string(String.valueOf(entry.getKey())));
            out.append(':');
            writeValue(out, entry.getValue());
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void writeList(StringBuilder out, List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeValue(out, list.get(i));
        }
        out.append(']');
    }
}
