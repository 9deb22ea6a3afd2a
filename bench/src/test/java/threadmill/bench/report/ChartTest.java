package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

    @Test
    void percentileTicksKeepTheirNines() {
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"),
                List.of(1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6).stream().map(LatencySection::percentileLabel).toList());
    }

    @Test
    void logAxesCoverWholeDecadesAndLinearAxesStartAtZero() {
        Axis log = Axis.covering("y", List.of(3.0, 4500.0, -1.0), true);
        assertEquals(1, log.min());
        assertEquals(10000, log.max());
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), log.ticks());
        Axis linear = Axis.covering("y", List.of(12.0, 87.0), false);
        assertEquals(0, linear.min());
        assertEquals(100, linear.max());
        assertEquals(0.5, linear.fraction(50));
    }

    @Test
    void barsTurnLogarithmicWhenTheySpanMoreThanTwoDecades() {
        String narrow = new BarChart("t", "x", "ns", List.of("a"), List.of(new BarChart.Series("loom", "#000",
                new double[] {100}, new double[] {5}), new BarChart.Series("futures", "#111", new double[] {300},
                new double[] {Double.NaN}))).svg();
        String wide = new BarChart("t", "x", "ns", List.of("a"), List.of(new BarChart.Series("threads", "#000",
                new double[] {45000}, new double[] {1200}), new BarChart.Series("futures", "#111",
                new double[] {350}, new double[] {Double.NaN}))).svg();
        assertTrue(narrow.contains(">ns</text>"), narrow);
        assertTrue(wide.contains(">ns (log)</text>"), wide);
    }

    @Test
    void aBarThatWasNotMeasuredSaysSo() {
        String svg = new BarChart("t", "x", "ns", List.of("a", "b"), List.of(new BarChart.Series("loom", "#000",
                new double[] {100, Double.NaN}, new double[] {5, Double.NaN}))).svg();
        assertTrue(svg.contains(">n/a</text>"), svg);
    }

    private static final String LONG_TITLE = "Latency by percentile: cpu-hog-lateness hogDelayMs=50 hogMs=500 rounds=20 "
            + "sleepMs=10 tasks=1000 variant=cpu-hog closed";

    /** Every text's measured extent lies inside the picture: titles wrap, legends and labels shorten. */
    @Test
    void noTextRunsOffThePicture() throws Exception {
        String line = LineChart.of(LONG_TITLE, "percentile (log scale of 1/(1-p)); and a long note on what the axis holds "
                + "that needs a second line", true, Fmt::num, "latency (µs, log)", true, List.of(
                new LineChart.Series("coroutines depth=16 fork 2 of a long name", "#000", true,
                        new double[] {1, 10, 100, 1000}))).svg();
        String bars = new BarChart(LONG_TITLE, "x", "ns", List.of("TimerLatenessBenchmark.sleepAll armed=1000000 "
                + "sleepMs=10 tasks=10000 workers=default", "b"), List.of(new BarChart.Series("tokio 1.24.2 (Rust reference)",
                "#000", new double[] {100, 200}, new double[] {5, 5}))).svg();
        for (String svg : List.of(line, bars)) {
            assertTextInside(svg);
        }
        assertEquals(LONG_TITLE, String.join(" ", titleLines(line)), "the title is whole, in lines");
        assertTrue(titleLines(line).size() > 1, "and wrapped");
    }

    /** A throughput chart over connections carries each point's interval. */
    @Test
    void aLineWithErrorsDrawsAnErrorBarPerPoint() {
        String svg = LineChart.of("t", "connections", true, Fmt::num, "req/s", false, List.of(
                new LineChart.Series("loom", "#1a7f37", false, new double[] {100, 50_000, 1000, 70_000},
                        new double[] {5_000, 20_000}),
                new LineChart.Series("futures", "#8250df", false, new double[] {100, 70_000, 1000, 84_000}))).svg();

        assertEquals(6, svg.split("stroke=\"#1a7f37\" stroke-width=\"1.5\"", -1).length - 1, "bar and two caps per point");
        assertEquals(0, svg.split("stroke=\"#8250df\" stroke-width=\"1.5\"", -1).length - 1, "no error, no bar");
        assertTrue(svg.contains(">100000</text>"), "the axis reaches the top of the highest bar (90000): " + svg);
    }

    private static List<String> titleLines(String svg) throws Exception {
        List<String> lines = new ArrayList<>();
        NodeList texts = parse(svg).getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("font-size").equals("15")) {
                lines.add(text.getTextContent());
            }
        }
        return lines;
    }

    private static void assertTextInside(String svg) throws Exception {
        Element root = parse(svg).getDocumentElement();
        String[] box = root.getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        NodeList texts = root.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            double x = Double.parseDouble(text.getAttribute("x"));
            double y = Double.parseDouble(text.getAttribute("y"));
            double extent = Svg.textWidth(text.getTextContent(), Integer.parseInt(text.getAttribute("font-size")));
            if (!text.getAttribute("transform").isEmpty()) {
                assertTrue(extent <= height, "vertical text longer than the picture: " + text.getTextContent());
                continue;
            }
            double left = switch (text.getAttribute("text-anchor")) {
                case "middle" -> x - extent / 2;
                case "end" -> x - extent;
                default -> x;
            };
            assertTrue(left >= 0 && left + extent <= width && y <= height && y > 0,
                    "'" + text.getTextContent() + "' at " + left + ".." + (left + extent) + " of " + width);
        }
    }

    private static org.w3c.dom.Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
