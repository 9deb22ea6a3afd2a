package threadmill.workload;

/**
 * The few JSON literals Threadmill writes by hand (the contract has no JSON dependency):
 * numbers are plain, absent values are {@code null}, never NaN.
 */
public final class Json {

    private Json() {
    }

    /** A quoted, escaped JSON string, or {@code null}. */
    public static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON number, or {@code null} for an absent value. */
    public static String number(Long value) {
        return value == null ? "null" : Long.toString(value);
    }

    /** A JSON number, or {@code null} when the value is not finite (JSON has no NaN). */
    public static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
