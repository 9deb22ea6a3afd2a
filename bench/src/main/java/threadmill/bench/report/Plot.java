package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame every chart shares: title, plot area, grid, ticks, axis labels and a legend on the
 * right. Charts draw their data inside {@link #x} and {@link #y}. Every text is measured
 * ({@link Svg#textWidth}) and wrapped or shortened to its room, and the frame grows to hold the
 * lines of a long title or of long category names, so no text runs off the picture.
 */
final class Plot {

    static final int WIDTH = 760;
    private static final int PLOT_HEIGHT = 328;
    private static final int LEFT = 84;
    private static final int RIGHT = 200;
    private static final int MARGIN = 10;
    private static final int TITLE_SIZE = 15;
    private static final int TITLE_LINE = 19;
    private static final int TICK_SIZE = 11;
    private static final int TICK_LINE = 13;
    private static final int LABEL_SIZE = 12;
    private static final int LABEL_LINE = 15;
    private static final int LEGEND_SIZE = 12;
    private static final int LEGEND_LINE = 20;
    private static final int MAX_CATEGORY_LINES = 3;

    /** A legend entry: a colour, solid or dashed. */
    record Key(String name, String color, boolean dashed) {
    }

    final Svg svg;
    private final Axis yAxis;
    private final int top;
    private final List<List<String>> categoryLines;
    private final int height;

    /** Starts a chart with a y axis; the x axis is drawn by {@link #xTicks}. */
    Plot(String title, String xLabel, Axis yAxis) {
        this(title, xLabel, yAxis, List.of());
    }

    /** Starts a chart whose x axis is {@code categories}, each named under its slot. */
    Plot(String title, String xLabel, Axis yAxis, List<String> categories) {
        this.yAxis = yAxis;
        List<String> titleLines = Svg.wrap(title, WIDTH - 2 * MARGIN, TITLE_SIZE);
        this.top = MARGIN + TITLE_LINE * titleLines.size() + 12;
        double slot = categories.isEmpty() ? 0 : plotWidth() / categories.size();
        this.categoryLines = categories.stream().map(c -> categoryLines(c, slot - 4)).toList();
        int tickLines = categoryLines.stream().mapToInt(List::size).max().orElse(1);
        List<String> xLabelLines = Svg.wrap(xLabel, plotWidth() + RIGHT - MARGIN, LABEL_SIZE);
        int bottom = 8 + TICK_LINE * tickLines + 8 + LABEL_LINE * xLabelLines.size() + 14;
        this.height = top + PLOT_HEIGHT + bottom;
        this.svg = new Svg(WIDTH, height, title);
        for (int i = 0; i < titleLines.size(); i++) {
            svg.text(WIDTH / 2.0, MARGIN + TITLE_LINE * (i + 1) - 4, titleLines.get(i), "middle", TITLE_SIZE, false);
        }
        svg.rect(LEFT, top, plotWidth(), plotHeight(), "none", "#d0d7de");
        for (double tick : yAxis.ticks()) {
            double py = y(tick);
            svg.line(LEFT, py, LEFT + plotWidth(), py, "#eaeef2", 1, false);
            svg.text(LEFT - 6, py + 4, yAxis.tickLabel().apply(tick), "end", TICK_SIZE, false);
        }
        svg.text(18, top + plotHeight() / 2.0, Svg.shorten(yAxis.label(), plotHeight(), LABEL_SIZE), "middle",
                LABEL_SIZE, true);
        double labelTop = baseline() + 8 + TICK_LINE * tickLines + 8;
        for (int i = 0; i < xLabelLines.size(); i++) {
            svg.text(LEFT + plotWidth() / 2.0, labelTop + LABEL_LINE * (i + 1) - 3, xLabelLines.get(i), "middle",
                    LABEL_SIZE, false);
        }
    }

    private static List<String> categoryLines(String category, double width) {
        List<String> lines = new ArrayList<>(Svg.wrap(category, width, TICK_SIZE));
        if (lines.size() > MAX_CATEGORY_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_CATEGORY_LINES));
            kept.set(MAX_CATEGORY_LINES - 1, Svg.shorten(kept.get(MAX_CATEGORY_LINES - 1) + " …", width, TICK_SIZE));
            return kept;
        }
        return lines;
    }

    static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    static double plotHeight() {
        return PLOT_HEIGHT;
    }

    static double left() {
        return LEFT;
    }

    int height() {
        return height;
    }

    double y(double value) {
        return top + plotHeight() * (1 - yAxis.fraction(value));
    }

    double baseline() {
        return top + plotHeight();
    }

    static double x(Axis xAxis, double value) {
        return LEFT + plotWidth() * xAxis.fraction(value);
    }

    void xTicks(Axis xAxis) {
        for (double tick : xAxis.ticks()) {
            double px = x(xAxis, tick);
            svg.line(px, top, px, baseline(), "#eaeef2", 1, false);
            svg.text(px, baseline() + 16, xAxis.tickLabel().apply(tick), "middle", TICK_SIZE, false);
        }
    }

    /** The category names under their slots, each in the lines it was wrapped to. */
    void categories() {
        double slot = plotWidth() / categoryLines.size();
        for (int i = 0; i < categoryLines.size(); i++) {
            List<String> lines = categoryLines.get(i);
            for (int line = 0; line < lines.size(); line++) {
                svg.text(LEFT + slot * (i + 0.5), baseline() + 16 + TICK_LINE * line, lines.get(line), "middle",
                        TICK_SIZE, false);
            }
        }
    }

    /** The legend, in the column right of the plot; names shortened to the column. */
    void legend(List<Key> keys) {
        double keyTop = top + 8;
        double left = WIDTH - RIGHT + 16;
        double room = WIDTH - MARGIN - (left + 30);
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            double py = keyTop + i * LEGEND_LINE;
            svg.line(left, py, left + 24, py, key.color(), 3, key.dashed());
            svg.text(left + 30, py + 4, Svg.shorten(key.name(), room, LEGEND_SIZE), "start", LEGEND_SIZE, false);
        }
    }

    /** A note at the foot of the chart, for what the chart leaves out. */
    void footnote(String text) {
        svg.text(LEFT, height - 4, Svg.shorten(text, WIDTH - LEFT - MARGIN, 10), "start", 10, false);
    }

    String finish() {
        return svg.finish();
    }
}
