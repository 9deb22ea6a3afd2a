package threadmill.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for files: Locale-free and the same bytes for the same value. */
final class Fmt {

    private Fmt() {
    }

    /** The value itself, as short as it reads back exactly (CSV, params, error messages). */
    static String exact(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** For people: whole numbers from 1000 up, four significant digits below. */
    static String num(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 1000) {
            return Long.toString(Math.round(value));
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code value ± error unit}, or without the error where none is known. */
    static String measured(double value, double error, String unit) {
        String suffix = unit.isEmpty() ? "" : " " + unit;
        if (Double.isNaN(error)) {
            return num(value) + suffix;
        }
        return num(value) + " ± " + num(error) + suffix;
    }

    /** A count for a title: 1000000 → "1M", 100000 → "100k", 1500 → "1500". */
    static String count(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 10_000 && n % 1000 == 0) {
            return n / 1000 + "k";
        }
        return Long.toString(n);
    }

    static String mib(double bytes) {
        return num(bytes / (1024.0 * 1024.0));
    }

    static String seconds(double nanos) {
        return num(nanos / 1e9);
    }
}
