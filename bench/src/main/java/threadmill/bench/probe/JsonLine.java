package threadmill.bench.probe;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object, written on one line, keys in insertion order. Values may be null, strings,
 * booleans, numbers, lists, maps or nested {@code JsonLine}s. Non-finite doubles become null
 * (JSON has no NaN), and numbers are printed with {@link Locale#ROOT}.
 */
public final class JsonLine {

    private final Map<String, Object> fields = new LinkedHashMap<>();

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
            case String text -> writeString(out, text);
            case Boolean flag -> out.append(flag);
            case Double number -> writeDouble(out, number);
            case Float number -> writeDouble(out, number.doubleValue());
            case Number number -> out.append(number);
            case Map<?, ?> map -> writeMap(out, map);
            case List<?> list -> writeList(out, list);
            default -> throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON: " + value);
        }
    }

    private static void writeDouble(StringBuilder out, double number) {
        if (Double.isFinite(number)) {
            out.append(String.format(Locale.ROOT, "%s", number));
        } else {
            out.append("null");
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            writeString(out, String.valueOf(entry.getKey()));
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

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
