package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines with point markers on linear or log axes: memory vs N, throughput vs connections,
 * latency; error bars where a series has them.
 */
record LineChart(String title, Axis x, Axis y, List<Series> series) {

    /**
     * One line; points are {x0, y0, x1, y1, ...} in data units, errors one half-width per point
     * (NaN: none known, no bar).
     */
    record Series(String name, String color, boolean dashed, double[] points, double[] errors) {

        Series(String name, String color, boolean dashed, double[] points) {
            this(name, color, dashed, points, nans(points.length / 2));
        }

        Series {
            if (errors.length != points.length / 2) {
                throw new IllegalArgumentException("series " + name + " has " + points.length / 2 + " points and "
                        + errors.length + " error values");
            }
        }

        private static double[] nans(int n) {
            double[] nans = new double[n];
            java.util.Arrays.fill(nans, Double.NaN);
            return nans;
        }

        double error(int point) {
            return Double.isFinite(errors[point]) && errors[point] > 0 ? errors[point] : 0;
        }
    }

    /** Pixels between the error bars of neighbouring series at one x, so that bars of equal x do not hide each other. */
    private static final double ERROR_BAR_DODGE = 3;

    /** The axes are fitted to the data. */
    static LineChart of(String title, String xLabel, boolean xLog, java.util.function.DoubleFunction<String> xTicks,
                        String yLabel, boolean yLog, List<Series> series) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.points().length; i += 2) {
                xs.add(s.points()[i]);
                ys.add(s.points()[i + 1] + s.error(i / 2));
                ys.add(s.points()[i + 1] - s.error(i / 2));
            }
        }
        return new LineChart(title, Axis.covering(xLabel, xs, xLog, xTicks), Axis.covering(yLabel, ys, yLog),
                series);
    }

    String svg() {
        Plot plot = new Plot(title, x.label(), y);
        plot.xTicks(x);
        List<Plot.Key> keys = new ArrayList<>();
        int hidden = 0;
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            double dodge = ERROR_BAR_DODGE * (index - (series.size() - 1) / 2.0);
            List<Double> xy = new ArrayList<>();
            for (int i = 0; i < s.points().length; i += 2) {
                double px = s.points()[i];
                double py = s.points()[i + 1];
                if (!x.shows(px) || !y.shows(py)) {
                    hidden++;
                    continue;
                }
                xy.add(Plot.x(x, px));
                xy.add(plot.y(py));
                double error = s.error(i / 2);
                if (error > 0) {
                    double high = plot.y(py + error);
                    double low = plot.y(y.shows(py - error) ? Math.max(y.min(), py - error) : y.min());
                    double middle = Plot.x(x, px) + dodge;
                    plot.svg.line(middle, high, middle, low, s.color(), 1.5, false);
                    plot.svg.line(middle - 4, high, middle + 4, high, s.color(), 1.5, false);
                    plot.svg.line(middle - 4, low, middle + 4, low, s.color(), 1.5, false);
                }
            }
            double[] pixels = xy.stream().mapToDouble(Double::doubleValue).toArray();
            plot.svg.polyline(pixels, s.color(), s.dashed(), s.name());
            for (int i = 0; i < pixels.length; i += 2) {
                plot.svg.circle(pixels[i], pixels[i + 1], 3, s.color());
            }
            keys.add(new Plot.Key(s.name(), s.color(), s.dashed()));
        }
        plot.legend(keys);
        if (hidden > 0) {
            plot.footnote(hidden + " point(s) not drawn: zero or negative values have no place on a log axis"
                    + " (see the table)");
        }
        return plot.finish();
    }
}
