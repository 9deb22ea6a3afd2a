package threadmill.bench.report;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Params as one canonical text (keys sorted), and an order that sorts numbers as numbers. */
final class Params {

    private Params() {
    }

    static String text(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Compares two values numerically where both are numbers, else as text. */
    static final Comparator<String> VALUE_ORDER = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return a.compareTo(b);
    };

    /** By sorted key, then value in {@link #VALUE_ORDER}. */
    static final Comparator<Map<String, String>> ORDER = (a, b) -> {
        TreeMap<String, String> x = new TreeMap<>(a);
        TreeMap<String, String> y = new TreeMap<>(b);
        var i = x.entrySet().iterator();
        var j = y.entrySet().iterator();
        while (i.hasNext() && j.hasNext()) {
            var e = i.next();
            var f = j.next();
            int byKey = e.getKey().compareTo(f.getKey());
            if (byKey != 0) {
                return byKey;
            }
            int byValue = VALUE_ORDER.compare(e.getValue(), f.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    };

    private static Double number(String text) {
        double number = numberOrNaN(text);
        return Double.isNaN(number) ? null : number;
    }

    /** A param's value as a number, or NaN when absent or not a number. */
    static double numberOrNaN(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notNumeric) {
            return Double.NaN;
        }
    }
}
