package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** A chart axis: linear or base-10 log, its range, its tick positions and their labels. */
record Axis(String label, double min, double max, boolean log, DoubleFunction<String> tickLabel) {

    /** An axis that covers the values: whole decades on a log axis, from zero on a linear one. */
    static Axis covering(String label, List<Double> values, boolean log) {
        return covering(label, values, log, Fmt::num);
    }

    static Axis covering(String label, List<Double> values, boolean log, DoubleFunction<String> tickLabel) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) {
            return log ? new Axis(label, 1, 10, true, tickLabel) : new Axis(label, 0, 1, false, tickLabel);
        }
        if (log) {
            double bottom = Math.pow(10, Math.floor(Math.log10(low)));
            double top = Math.pow(10, Math.ceil(Math.log10(high)));
            return new Axis(label, bottom, top > bottom ? top : bottom * 10, true, tickLabel);
        }
        double bottom = Math.min(0, low);
        double step = niceStep((high - bottom) / 5);
        double top = Math.ceil(high / step) * step;
        return new Axis(label, bottom, top > bottom ? top : bottom + 1, false, tickLabel);
    }

    private static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Where a value falls, from 0 (min) to 1 (max). */
    double fraction(double value) {
        if (log) {
            return (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (value - min) / (max - min);
    }

    boolean shows(double value) {
        return Double.isFinite(value) && (!log || value > 0);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            int decades = (int) Math.round(Math.log10(max / min));
            int every = Math.max(1, (decades + 7) / 8);
            for (int d = 0; d <= decades; d += every) {
                ticks.add(min * Math.pow(10, d));
            }
            return ticks;
        }
        double step = niceStep((max - min) / 5);
        for (int i = 0; min + i * step <= max + step * 1e-9; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }
}
