package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhDerivedTest {

    private static JmhResult result(Map<String, String> params, JmhResult.Score primary,
                                    Map<String, JmhResult.Score> secondary) {
        return new JmhResult("creation", "threadmill.bench.jmh.CreationBenchmark.spawnAndJoin", "avgt", params,
                primary, secondary, 1, 1, 1, "1 s", 1, "1 s", "java", List.of(), "25", "25");
    }

    private static JmhResult.Score score(double value, double error, String unit) {
        return new JmhResult.Score(value, error, value - error, value + error, unit);
    }

    @Test
    void theCompletedCounterIsAlreadyPerTask() {
        JmhResult fanOut = result(Map.of("runtime", "loom", "tasks", "1000"), score(500_000, 50_000, "ns/op"),
                Map.of(JmhDerived.COMPLETED, score(480, 12, "ns/op")));

        Value perTask = JmhDerived.nanosPerTask(fanOut).orElseThrow();

        assertEquals(480, perTask.value(), 1e-9);
        assertEquals(12, perTask.error(), 1e-9);
    }

    @Test
    void withoutTheCounterTheScoreIsDividedByTheTasks() {
        JmhResult fanOut = result(Map.of("runtime", "loom", "tasks", "1000"), score(500_000, 50_000, "ns/op"),
                Map.of());

        assertEquals(500, JmhDerived.nanosPerTask(fanOut).orElseThrow().value(), 1e-9);
    }

    @Test
    void requestRatesComeFromTheCounterInThroughputMode() {
        JmhResult load = result(Map.of("runtime", "futures", "connections", "100", "requests", "10"),
                score(20, 1, "ops/s"), Map.of(JmhDerived.COMPLETED, score(21_000, 500, "ops/s")));

        Value rate = JmhDerived.requestsPerSecond(load).orElseThrow();

        assertEquals(21_000, rate.value(), 1e-6);
        assertEquals(500, rate.error(), 1e-6);
    }
}
