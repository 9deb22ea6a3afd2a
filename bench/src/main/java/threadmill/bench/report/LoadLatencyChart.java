package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import threadmill.bench.raw.ServerLine;
import threadmill.workload.TaskRuntimes;

/**
 * Open-loop latency against the load a server achieved, one colour per server: p99 solid and
 * p50 dashed, each line through the mean of a load's windows, each window a dot of its own, so
 * the spread between windows shows where an error bar would. The x axis is achieved requests
 * per second (each server's loads are fractions of its own maximum, so the lines end where
 * the server does); latency is on a log axis.
 */
record LoadLatencyChart(String title, List<Line> lines) {

    /** One server: its open-loop windows, grouped by load. */
    record Line(String server, List<ServerResults.Windows> loads) {
    }

    private static final double DOT_RADIUS = 2;

    String svg() {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Line line : lines) {
            for (ServerResults.Windows load : line.loads()) {
                for (ServerLine window : load.lines()) {
                    xs.add(window.requestsPerSecond());
                    addIfPresent(ys, window.p50Micros());
                    addIfPresent(ys, window.p99Micros());
                }
            }
        }
        Axis x = Axis.covering("achieved requests per second (open loop)", xs, false);
        Axis y = Axis.covering("latency, µs (log)", ys, true);
        Plot plot = new Plot(title, x.label(), y);
        plot.xTicks(x);
        List<Plot.Key> keys = new ArrayList<>();
        int others = 0;
        for (Line line : lines) {
            // A server outside the registry (the floor, tokio) takes the next colour the registry leaves.
            String color = Runtimes.color(line.server(), TaskRuntimes.known(line.server()) ? 0 : others++);
            draw(plot, x, y, line, color, ServerLine::p99Micros, false);
            draw(plot, x, y, line, color, ServerLine::p50Micros, true);
            keys.add(new Plot.Key(line.server() + " p99", color, false));
            keys.add(new Plot.Key(line.server() + " p50", color, true));
        }
        plot.legend(keys);
        plot.footnote("Lines: mean of each load's windows; dots: single windows.");
        return plot.finish();
    }

    private static void draw(Plot plot, Axis x, Axis y, Line line, String color, Function<ServerLine, Double> latency,
                             boolean dashed) {
        List<Double> path = new ArrayList<>();
        for (ServerResults.Windows load : line.loads()) {
            double sumX = 0;
            double sumY = 0;
            int n = 0;
            for (ServerLine window : load.lines()) {
                Double micros = latency.apply(window);
                if (micros == null || !y.shows(micros) || !x.shows(window.requestsPerSecond())) {
                    continue;
                }
                plot.svg.circle(Plot.x(x, window.requestsPerSecond()), plot.y(micros), DOT_RADIUS, color);
                sumX += window.requestsPerSecond();
                sumY += micros;
                n++;
            }
            if (n > 0) {
                path.add(Plot.x(x, sumX / n));
                path.add(plot.y(sumY / n));
            }
        }
        plot.svg.polyline(path.stream().mapToDouble(Double::doubleValue).toArray(), color, dashed,
                line.server() + (dashed ? " p50" : " p99"));
    }

    private static void addIfPresent(List<Double> values, Double value) {
        if (value != null) {
            values.add(value);
        }
    }
}
