package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
