package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One latency point of one runtime (a metric and its params) with its forks: a JMH benchmark
 * writes a histogram per fork, each from a JVM of its own. A percentile of the point is the
 * mean of the forks' percentiles, ± half their range, so the fork-to-fork spread (what a rerun
 * would show) stays visible; a point with one histogram is a single run.
 */
record LatencyPoint(String key, String runtime, List<LatencyRecord> forks) {

    /** The points of the records, in the order their first fork appears. */
    static List<LatencyPoint> of(List<LatencyRecord> records) {
        Map<String, List<LatencyRecord>> byPoint = new LinkedHashMap<>();
        for (LatencyRecord record : records) {
            byPoint.computeIfAbsent(record.chartKey() + "\n" + record.runtime(), k -> new ArrayList<>()).add(record);
        }
        List<LatencyPoint> points = new ArrayList<>();
        byPoint.values().forEach(forks -> points.add(new LatencyPoint(forks.get(0).chartKey(), forks.get(0).runtime(),
                List.copyOf(forks))));
        return List.copyOf(points);
    }

    String metric() {
        return forks.get(0).metric();
    }

    Map<String, String> params() {
        return forks.get(0).params();
    }

    String unit() {
        return forks.get(0).unit();
    }

    /** A percentile ("p99") over the forks that recorded it. */
    Optional<Figure> percentile(String name) {
        List<Double> values = forks.stream().map(f -> f.percentiles().get(name)).filter(v -> v != null).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Figure.spread(values, unit()));
    }
}
