package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Lines with point markers on linear or log axes: memory vs N, throughput vs connections, latency. */
record LineChart(String title, Axis x, Axis y, List<Series> series) {

    /** One line; points are {x0, y0, x1, y1, ...} in data units. */
    record Series(String name, String color, boolean dashed, double[] points) {
    }

    /** The axes are fitted to the data. */
    static LineChart of(String title, String xLabel, boolean xLog, java.util.function.DoubleFunction<String> xTicks,
                        String yLabel, boolean yLog, List<Series> series) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.points().length; i += 2) {
                xs.add(s.points()[i]);
                ys.add(s.points()[i + 1]);
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
        for (Series s : series) {
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
