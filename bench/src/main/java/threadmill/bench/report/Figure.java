package threadmill.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A figure as a reader gets it: a value, the half-width of what is known of its precision and
 * where that half-width comes from, and the one rule by which the report prints it.
 *
 * <p>The rule: the value is rounded at the first significant digit of its half-width (69 ± 52 ns
 * prints as 70 ns), never to more than four significant digits; a figure with no known
 * half-width (a single run) prints with three significant digits and says so. The half-width
 * prints as a percentage of the value ("±75 %"), and a figure whose half-width exceeds the
 * suite's bound ({@link #noiseBound}) is marked "noisy", so that nobody quotes it as exact.
 * Large values are scaled to a unit that keeps them short (µs, KiB, k req/s) before rounding.
 */
record Figure(double value, double halfWidth, Basis basis, String unit) {

    /** Where a half-width comes from; the report's notes say which basis a figure has. */
    enum Basis {
        /** JMH's 99.9 % confidence interval (Student t over every iteration of every fork). */
        CI("half-width of JMH's 99.9 % confidence interval"),
        /** Repeats of one point in processes of their own (JMH forks, server windows). */
        SPREAD("half the range of the repeats"),
        /** A memory sweep: the per-task figure at the largest N against the next-smaller N. */
        SWEEP("the change from the per-task figure at the sweep's next-smaller N"),
        /** One measurement: nothing is known of its precision. */
        SINGLE("single run: no interval is known");

        final String meaning;

        Basis(String meaning) {
            this.meaning = meaning;
        }
    }

    /** The largest half-width, relative to the value, that a figure of a full suite may have before it is noisy. */
    static final double FULL_BOUND = 0.10;
    /** The same for every other suite (quick, smoke): fewer and shorter iterations. */
    static final double QUICK_BOUND = 0.20;

    private static final int MAX_DIGITS = 4;
    private static final int SINGLE_RUN_DIGITS = 3;
    private static final int RATIO_DIGITS = 2;

    /** The bound of issue 16: 10 % in the full suite, 20 % in the others. */
    static double noiseBound(String suite) {
        return "full".equals(suite) ? FULL_BOUND : QUICK_BOUND;
    }

    static Figure ci(Value value) {
        boolean known = Double.isFinite(value.error());
        return new Figure(value.value(), known ? Math.abs(value.error()) : Double.NaN,
                known ? Basis.CI : Basis.SINGLE, value.unit());
    }

    static Figure single(double value, String unit) {
        return new Figure(value, Double.NaN, Basis.SINGLE, unit);
    }

    /** The mean of repeats, ± half their range; a single repeat is a single run. */
    static Figure spread(List<Double> repeats, String unit) {
        double mean = repeats.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (repeats.size() < 2) {
            return single(mean, unit);
        }
        double low = repeats.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = repeats.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Figure(mean, (high - low) / 2, Basis.SPREAD, unit);
    }

    /** A sweep's figure at its largest point, known to within its change from the next-smaller point. */
    static Figure sweep(double atLargest, double atNextSmaller, String unit) {
        if (!Double.isFinite(atNextSmaller)) {
            return single(atLargest, unit);
        }
        return new Figure(atLargest, Math.abs(atLargest - atNextSmaller), Basis.SWEEP, unit);
    }

    boolean known() {
        return Double.isFinite(halfWidth);
    }

    /** Half-width over value; NaN when no half-width is known. */
    double relative() {
        return halfWidth / Math.abs(value);
    }

    boolean noisy(double bound) {
        return known() && !(relative() <= bound);
    }

    /** Whether the two intervals overlap; figures without one never do (nothing says they agree). */
    boolean overlaps(Figure other) {
        return known() && other.known() && value - halfWidth <= other.value + other.halfWidth
                && other.value - other.halfWidth <= value + halfWidth;
    }

    /** Scaled and rounded by the rule, with its unit: "70 ns", "1.24 GiB", "84k req/s". */
    String number() {
        Scaled s = scaled();
        return round(s.value(), s.halfWidth(), known() ? MAX_DIGITS : SINGLE_RUN_DIGITS) + s.suffix();
    }

    /** "±75 %", or "single run". */
    String precision() {
        return known() ? "±" + percent(100 * relative()) + " %" : "single run";
    }

    /**
     * "±75 %" against a bound: where the whole percentage would read as within the bound though
     * the half-width is above it (10.3 % against 10 %), one decimal, rounded up ("±10.4 %"), so
     * that a figure marked noisy never shows a ± that reads as within the bound.
     */
    String precision(double bound) {
        if (noisy(bound) && Math.round(100 * relative()) <= Math.round(100 * bound)) {
            return "±" + new BigDecimal(100 * relative()).setScale(1, RoundingMode.CEILING).toPlainString() + " %";
        }
        return precision();
    }

    /** The figure for a sentence or a cell: "70 ns ±75 % (noisy)", "860 B ±6 %"; a single run is its number alone. */
    String text(double bound) {
        if (!known()) {
            return number();
        }
        return number() + " " + precision(bound) + (noisy(bound) ? " (noisy)" : "");
    }

    /**
     * "1200 ± 40" in the figure's own unit, unscaled: the full tables' score ± error column. The
     * half-width keeps its first significant digit even where the value stops at four digits
     * ("1250 ± 0.1").
     */
    String plusMinus() {
        int place = place(value, halfWidth, known() ? MAX_DIGITS : SINGLE_RUN_DIGITS);
        if (!known()) {
            return digits(value, place);
        }
        return digits(value, place) + " ± " + digits(halfWidth, exponent(halfWidth));
    }

    /** "[1160, 1240]" in the figure's own unit, rounded like the value; "n/a" without an interval. */
    String interval() {
        if (!known()) {
            return "n/a";
        }
        int place = place(value, halfWidth, MAX_DIGITS);
        return "[" + digits(value - halfWidth, place) + ", " + digits(value + halfWidth, place) + "]";
    }

    /** This figure over {@code base}, unitless, with both relative half-widths in quadrature. */
    Figure over(Figure base) {
        double ratio = value / base.value;
        if (!known() || !base.known()) {
            return single(ratio, "×");
        }
        return new Figure(ratio, Math.abs(ratio) * Math.hypot(relative(), base.relative()), Basis.CI, "×");
    }

    /**
     * How this figure stands to {@code base}, for a sentence: "11× less than loom", "1.3× more
     * than loom", or "≈ loom" when the intervals overlap. At most two significant digits.
     */
    String versus(Figure base, String baseName) {
        if (overlaps(base)) {
            return "≈ " + baseName;
        }
        Figure ratio = over(base);
        if (!Double.isFinite(ratio.value) || ratio.value <= 0) {
            return "n/a against " + baseName;
        }
        boolean less = ratio.value < 1;
        double shown = less ? 1 / ratio.value : ratio.value;
        double halfWidth = less ? ratio.halfWidth / (ratio.value * ratio.value) : ratio.halfWidth;
        String times = digits(shown, place(shown, halfWidth, RATIO_DIGITS));
        if (new BigDecimal(times).compareTo(BigDecimal.ONE) == 0) {
            return "≈ " + baseName;
        }
        return times + "× " + (less ? "less" : "more") + " than " + baseName;
    }

    /** "×0.81" of a ratio figure, two significant digits at most. */
    String factor() {
        return "×" + digits(value, place(value, halfWidth, RATIO_DIGITS));
    }

    // ---- the rule ----

    /** The power of ten of the last digit shown. */
    static int place(double value, double halfWidth, int maxDigits) {
        int top = exponent(value);
        int place = Double.isFinite(halfWidth) && halfWidth > 0 ? exponent(halfWidth)
                : top - (Math.min(maxDigits, SINGLE_RUN_DIGITS) - 1);
        place = Math.max(place, top - (maxDigits - 1));
        return Math.min(place, top);
    }

    /**
     * The value rounded by the rule; where rounding carries it into the next decade (999.96 →
     * 1000.0) the digit cap applies to the rounded value ("1000").
     */
    static String round(double value, double halfWidth, int maxDigits) {
        int place = place(value, halfWidth, maxDigits);
        String rounded = digits(value, place);
        double carried = Double.parseDouble(rounded);
        if (exponent(carried) > exponent(value)) {
            return digits(carried, Math.max(place, exponent(carried) - (maxDigits - 1)));
        }
        return rounded;
    }

    private static int exponent(double value) {
        return value == 0 || !Double.isFinite(value) ? 0 : (int) Math.floor(Math.log10(Math.abs(value)));
    }

    static String digits(double value, int place) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return new BigDecimal(value).setScale(-place, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A percentage: whole from 10 up, two significant digits below. */
    static String percent(double percent) {
        if (!Double.isFinite(percent)) {
            return "n/a";
        }
        if (percent >= 10) {
            return Long.toString(Math.round(percent));
        }
        return new BigDecimal(percent).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    // ---- units ----

    private record Scaled(double value, double halfWidth, String suffix) {
    }

    private record Step(double factor, String unit) {
    }

    private static final List<Step> NANOS = List.of(new Step(1, " ns"), new Step(1e3, " µs"), new Step(1e6, " ms"),
            new Step(1e9, " s"));
    private static final List<Step> BYTES = List.of(new Step(1, " B"), new Step(1024, " KiB"),
            new Step(1024 * 1024, " MiB"), new Step(1024.0 * 1024 * 1024, " GiB"));

    private Scaled scaled() {
        double nanos = switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> Double.NaN;
        };
        if (Double.isFinite(nanos)) {
            return pick(value * nanos, halfWidth * nanos, NANOS);
        }
        if (unit.equals("B")) {
            return pick(value, halfWidth, BYTES);
        }
        if (unit.endsWith("/s") && !unit.contains(" ")) {
            List<Step> rates = List.of(new Step(1, " " + unit), new Step(1e3, "k " + unit), new Step(1e6, "M " + unit));
            return pick(value, halfWidth, rates);
        }
        if (unit.equals("×")) {
            return new Scaled(value, halfWidth, "×");
        }
        return new Scaled(value, halfWidth, unit.isEmpty() ? "" : " " + unit);
    }

    private static Scaled pick(double value, double halfWidth, List<Step> steps) {
        Step chosen = steps.get(0);
        for (Step step : steps) {
            if (Math.abs(value) >= step.factor()) {
                chosen = step;
            }
        }
        return new Scaled(value / chosen.factor(), halfWidth / chosen.factor(), chosen.unit());
    }
}
