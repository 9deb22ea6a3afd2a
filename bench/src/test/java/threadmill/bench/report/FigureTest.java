package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule by which the report prints a figure: digits follow the interval, and a wide one is called noisy. */
class FigureTest {

    private static Figure ci(double value, double error, String unit) {
        return Figure.ci(new Value(value, error, unit));
    }

    @Test
    void aFigureIsRoundedAtTheFirstDigitOfItsHalfWidth() {
        Figure spawn = ci(69.24, 52.24, "ns");

        assertEquals("70 ns", spawn.number());
        assertEquals("±75 %", spawn.precision());
        assertEquals("1200 ± 40", ci(1200, 35.5, "us/op").plusMinus());
        assertEquals("[1160, 1240]", ci(1200, 35.5, "us/op").interval());
        assertEquals("3.16 ms", ci(3157, 46, "us").number(), "scaled first, then rounded");
    }

    @Test
    void noMoreThanFourSignificantDigitsAndARoundingCarryDoesNotAddOne() {
        assertEquals("1235", ci(1234.5678, 0.0001, "").number());
        assertEquals("1000", ci(999.96, 0.09, "").number());
        assertEquals("1250 ± 0.1", ci(1250, 0.1, "B per task").plusMinus(), "the half-width keeps its digit");
    }

    @Test
    void aFigureWiderThanTheSuitesBoundIsMarkedNoisy() {
        Figure spawn = ci(69.24, 52.24, "ns");
        Figure memory = Figure.sweep(856.7, 912.1, "B");

        assertEquals("70 ns ±75 % (noisy)", spawn.text(Figure.noiseBound("full")));
        assertEquals("860 B ±6.5 %", memory.text(Figure.noiseBound("full")));
        assertEquals("860 B ±6.5 % (noisy)", memory.text(0.05));
        assertEquals("23k req/s ±10.4 % (noisy)", ci(23410, 2430, "req/s").text(0.10),
                "just above the bound: a decimal, rounded up, so the ± does not read as within it");
        assertEquals("23k req/s ±9.6 %", ci(23410, 2250, "req/s").text(0.10));
        assertEquals("23k req/s ±10 %", ci(23410, 2341, "req/s").text(0.10), "at the bound is within it");
        assertEquals("23k req/s ±21 % (noisy)", ci(23410, 4900, "req/s").text(0.10));
        assertEquals(0.10, Figure.noiseBound("full"));
        assertEquals(0.20, Figure.noiseBound("quick"));
        assertEquals(0.20, Figure.noiseBound(null));
    }

    @Test
    void aSingleRunHasThreeSignificantDigitsAndNoInterval() {
        Figure wall = Figure.single(18.26e9, "ns");

        assertEquals("18.3 s", wall.text(0.10));
        assertEquals("single run", wall.precision());
        assertFalse(wall.noisy(0.10), "nothing is known, so nothing is called noisy");
        assertEquals("1.24 GiB", Figure.single(1_333_000_000, "B").number());
        assertEquals("76.3 B", Figure.sweep(76.27, Double.NaN, "B").number(), "a sweep of one point is a single run");
    }

    @Test
    void repeatsGiveTheirMeanAndHalfTheirRange() {
        Figure p99 = Figure.spread(List.of(990.0, 1500.0), "us");

        assertEquals(1245, p99.value());
        assertEquals(255, p99.halfWidth());
        assertEquals("1.2 ms ±20 %", p99.text(0.25));
    }

    @Test
    void ratesScaleToThousandsAndMillions() {
        assertEquals("1.4M tasks/s ±34 %", ci(1_437_674, 492_642, "tasks/s").text(1));
        assertEquals("40.0k req/s", ci(40_000, 800, "req/s").number());
    }

    @Test
    void aRatioToTheBaseSaysLessOrMoreOrWithinNoise() {
        Figure loom = Figure.sweep(856.7, 912.1, "B");

        assertEquals("11× less than loom", Figure.sweep(76.27, 75.45, "B").versus(loom, "loom"));
        assertEquals("41× more than loom", ci(8300, 400, "ns").versus(ci(200.5, 35.7, "ns"), "loom"));
        assertEquals("≈ loom", ci(1212, 35.5, "us").versus(ci(1200, 35.5, "us"), "loom"), "overlapping intervals");
        assertEquals("≈ loom", Figure.single(18.3e9, "ns").versus(Figure.single(18.25e9, "ns"), "loom"),
                "a single-run ratio that rounds to one");
        assertEquals("×0.82", Figure.sweep(700, 705, "B").over(loom).factor());
    }

    @Test
    void overlapNeedsBothIntervals() {
        assertTrue(ci(100, 10, "ns").overlaps(ci(115, 10, "ns")));
        assertFalse(ci(100, 1, "ns").overlaps(ci(115, 1, "ns")));
        assertFalse(Figure.single(100, "ns").overlaps(Figure.single(100, "ns")));
    }
}
