package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Grouped bars with error bars (JMH's 99.9% interval half-width, or whatever interval the
 * caller's figures have) and the value printed above each bar, rounded by {@link Figure}'s rule;
 * a missing value prints "n/a". Where the values span more than two decades the y axis
 * turns logarithmic, or the smaller bars would vanish.
 */
record BarChart(String title, String xLabel, String yLabel, List<String> categories, List<Series> series) {

    /** One bar per category; NaN means not measured, and an error of NaN draws no error bar. */
    record Series(String name, String color, double[] values, double[] errors) {
    }

    String svg() {
        List<Double> extents = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.values().length; i++) {
                if (Double.isFinite(s.values()[i])) {
                    double error = Double.isFinite(s.errors()[i]) ? s.errors()[i] : 0;
                    extents.add(s.values()[i] + error);
                    extents.add(s.values()[i] - error);
                }
            }
        }
        double smallest = extents.stream().filter(v -> v > 0).min(Double::compare).orElse(1.0);
        double largest = extents.stream().filter(v -> v > 0).max(Double::compare).orElse(1.0);
        boolean log = largest / smallest > 100 && extents.stream().noneMatch(v -> v <= 0);
        Axis y = Axis.covering(log ? yLabel + " (log)" : yLabel, extents, log);
        Plot plot = new Plot(title, xLabel, y, categories);
        plot.categories();
        double slot = Plot.plotWidth() / categories.size();
        double bar = slot * 0.8 / Math.max(1, series.size());
        List<Plot.Key> keys = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            keys.add(new Plot.Key(one.name(), one.color(), false));
            for (int c = 0; c < categories.size(); c++) {
                double left = Plot.left() + slot * c + slot * 0.1 + bar * s;
                double value = one.values()[c];
                if (!Double.isFinite(value)) {
                    plot.svg.text(left + bar / 2, plot.baseline() - 4, "n/a", "middle", 10, false);
                    continue;
                }
                double top = plot.y(value);
                plot.svg.rect(left, top, bar * 0.9, plot.baseline() - top, one.color(), null);
                double error = one.errors()[c];
                double labelAt = Double.isFinite(error) && error > 0 ? plot.y(value + error) : top;
                plot.svg.text(left + bar * 0.45, labelAt - 4, Figure.ci(new Value(value, error, "")).number(), "middle",
                        10, false);
                if (Double.isFinite(error) && error > 0) {
                    double middle = left + bar * 0.45;
                    double high = plot.y(value + error);
                    double low = plot.y(Math.max(y.min(), value - error));
                    plot.svg.line(middle, high, middle, low, "#24292f", 1.5, false);
                    plot.svg.line(middle - 4, high, middle + 4, high, "#24292f", 1.5, false);
                    plot.svg.line(middle - 4, low, middle + 4, low, "#24292f", 1.5, false);
                }
            }
        }
        plot.legend(keys);
        return plot.finish();
    }
}
