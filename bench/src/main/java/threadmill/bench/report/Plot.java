package threadmill.bench.report;

import java.util.List;
import threadmill.workload.TaskRuntimes;

/**
 * The frame every chart shares: title, plot area, grid, ticks, axis labels and a legend on the
 * right. Charts draw their data inside {@link #x} and {@link #y}.
 */
final class Plot {

    static final int WIDTH = 760;
    static final int HEIGHT = 440;
    private static final int LEFT = 84;
    private static final int RIGHT = 200;
    private static final int TOP = 48;
    private static final int BOTTOM = 64;

    /** A legend entry: a colour, solid or dashed. */
    record Key(String name, String color, boolean dashed) {
    }

    private static final List<String> COLORS =
            List.of("#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#57606a", "#bf3989", "#0a3069");

    /** Lighter shades of {@link #COLORS}, for the same runtime at a greater depth ("loom depth=16"). */
    private static final List<String> DEEPER =
            List.of("#80ccff", "#ff8182", "#6fdd8b", "#d8b9ff", "#ffb77c", "#afb8c1", "#ff9bce", "#54aeff");

    /**
     * The colour of a series named after a runtime, or after a runtime at a depth: a runtime of
     * the registry gets the colour of its place there, so it looks the same in every chart;
     * others take the fallback.
     */
    static String color(String series, int fallbackIndex) {
        String runtime = series.split(" ")[0];
        List<String> runtimes = TaskRuntimes.names();
        int known = runtimes.indexOf(runtime);
        if (known >= 0) {
            return (series.contains(" depth=") ? DEEPER : COLORS).get(known % COLORS.size());
        }
        return COLORS.get((runtimes.size() + fallbackIndex) % COLORS.size());
    }

    final Svg svg;
    private final Axis yAxis;

    /** Starts a chart with a y axis; the x axis is drawn by {@link #xTicks} or {@link #categories}. */
    Plot(String title, String xLabel, Axis yAxis) {
        this.yAxis = yAxis;
        this.svg = new Svg(WIDTH, HEIGHT, title);
        svg.text(WIDTH / 2.0, 26, title, "middle", 15, false);
        svg.rect(LEFT, TOP, plotWidth(), plotHeight(), "none", "#d0d7de");
        for (double tick : yAxis.ticks()) {
            double py = y(tick);
            svg.line(LEFT, py, LEFT + plotWidth(), py, "#eaeef2", 1, false);
            svg.text(LEFT - 6, py + 4, yAxis.tickLabel().apply(tick), "end", 11, false);
        }
        svg.text(18, TOP + plotHeight() / 2.0, yAxis.label(), "middle", 12, true);
        svg.text(LEFT + plotWidth() / 2.0, HEIGHT - 16, xLabel, "middle", 12, false);
    }

    static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    static double left() {
        return LEFT;
    }

    double y(double value) {
        return TOP + plotHeight() * (1 - yAxis.fraction(value));
    }

    double baseline() {
        return TOP + plotHeight();
    }

    static double x(Axis xAxis, double value) {
        return LEFT + plotWidth() * xAxis.fraction(value);
    }

    void xTicks(Axis xAxis) {
        for (double tick : xAxis.ticks()) {
            double px = x(xAxis, tick);
            svg.line(px, TOP, px, baseline(), "#eaeef2", 1, false);
            svg.text(px, baseline() + 16, xAxis.tickLabel().apply(tick), "middle", 11, false);
        }
    }

    void categories(List<String> names) {
        double slot = plotWidth() / names.size();
        for (int i = 0; i < names.size(); i++) {
            svg.text(LEFT + slot * (i + 0.5), baseline() + 16, names.get(i), "middle", 11, false);
        }
    }

    void legend(List<Key> keys) {
        double top = TOP + 8;
        double left = WIDTH - RIGHT + 16;
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            double py = top + i * 20;
            svg.line(left, py, left + 24, py, key.color(), 3, key.dashed());
            svg.text(left + 30, py + 4, shorten(key.name()), "start", 12, false);
        }
    }

    /** Legend names longer than the legend column end in an ellipsis; the tables have them in full. */
    private static String shorten(String name) {
        int room = 26;
        return name.length() <= room ? name : name.substring(0, room - 1) + "…";
    }

    /** A note under the x axis label, for what the chart leaves out. */
    void footnote(String text) {
        svg.text(LEFT, HEIGHT - 2, text, "start", 10, false);
    }

    String finish() {
        return svg.finish();
    }
}
