package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Memory per live task from the probe's memory sweep: per point (value(N) − value(1)) / N against
 * the N = 1 baseline of the same runtime, and the least-squares slope of value over N. The
 * baseline removes what the JVM costs with no tasks; the slope is what one more task costs.
 * Points are grouped by {@link ProbeResult#series()}: a runtime at depth 1 under its own name,
 * a deeper sleep as its own series ({@code loom depth=16}) with its own baseline.
 */
final class MemoryAnalysis {

    /** A figure and the N it was measured at. */
    record AtN(long tasks, Figure figure) {
    }

    /** A memory column: a probe field and what the report calls it. */
    record Column(String field, String title) {
    }

    /**
     * Heap and native thread stacks both: a platform thread's stack is native memory (NMT
     * "Thread"), a virtual thread's is a heap object — showing one alone would flatter one side.
     */
    static final List<Column> COLUMNS = List.of(
            new Column("heapUsedAfterGcBytes", "heap after GC"),
            new Column("rssBytes", "RSS"),
            new Column("nmt.threadCommitted", "NMT thread stacks (committed)"),
            new Column("pteBytes", "page tables (VmPTE)"));

    private final Map<String, List<ProbeResult>> byRuntime = new TreeMap<>(Runtimes::compare);

    /** The points of one experiment that ran with the given flags ({@link ProbeResult#config()}). */
    MemoryAnalysis(List<ProbeResult> probe, String experiment, Predicate<ProbeResult> flags) {
        for (ProbeResult p : probe) {
            if (p.experiment().equals(experiment) && flags.test(p)) {
                byRuntime.computeIfAbsent(p.series(), r -> new ArrayList<>()).add(p);
            }
        }
        byRuntime.values().forEach(points -> points.sort(
                java.util.Comparator.comparingLong(ProbeResult::tasks)));
    }

    Map<String, List<ProbeResult>> byRuntime() {
        return byRuntime;
    }

    Optional<ProbeResult> baseline(String series) {
        return byRuntime.getOrDefault(series, List.of()).stream()
                .filter(p -> p.ok() && p.tasks() == 1).findFirst();
    }

    /** (value(N) − value(1)) / N, or NaN where the point, the baseline or the value is missing. */
    double perTask(ProbeResult point, String field) {
        if (!point.ok() || point.tasks() <= 1 || point.value(field) == null) {
            return Double.NaN;
        }
        Double base = baseline(point.series()).map(b -> b.value(field)).orElse(null);
        return base == null ? Double.NaN : (point.value(field) - base) / point.tasks();
    }

    /** Least-squares slope of value over N through the runtime's ok points (bytes per task). */
    double slope(String runtime, String field) {
        List<double[]> xy = new ArrayList<>();
        for (ProbeResult p : byRuntime.getOrDefault(runtime, List.of())) {
            if (p.ok() && p.value(field) != null) {
                xy.add(new double[] {p.tasks(), p.value(field)});
            }
        }
        return leastSquaresSlope(xy);
    }

    static double leastSquaresSlope(List<double[]> xy) {
        if (xy.size() < 2) {
            return Double.NaN;
        }
        double meanX = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (double[] p : xy) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    int pointsUsed(String runtime, String field) {
        return (int) byRuntime.getOrDefault(runtime, List.of()).stream()
                .filter(p -> p.ok() && p.value(field) != null).count();
    }

    /** The largest N that was measured without failure: the headline point. */
    Optional<ProbeResult> largestOk(String runtime) {
        return byRuntime.getOrDefault(runtime, List.of()).stream().filter(ProbeResult::ok)
                .reduce((a, b) -> b);
    }

    /**
     * The per-task figure of a series at its largest measured N, known to within its change from
     * the next-smaller N that measured it (the fixed costs the baseline leaves behind shrink as N
     * grows, so two neighbouring points that agree say the figure has settled); empty when no
     * point measured the field.
     */
    Optional<AtN> perTaskFigure(String series, String field) {
        return perTaskFigure(series, field, Long.MAX_VALUE);
    }

    /** {@link #perTaskFigure(String, String)} at the largest measured N no larger than {@code maxTasks}. */
    Optional<AtN> perTaskFigure(String series, String field, long maxTasks) {
        List<ProbeResult> measured = byRuntime.getOrDefault(series, List.of()).stream()
                .filter(p -> p.tasks() <= maxTasks && Double.isFinite(perTask(p, field))).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        ProbeResult largest = measured.get(measured.size() - 1);
        double next = measured.size() > 1 ? perTask(measured.get(measured.size() - 2), field) : Double.NaN;
        return Optional.of(new AtN(largest.tasks(), Figure.sweep(perTask(largest, field), next, "B")));
    }

    /** The Ns at which a series measured a per-task figure of the field. */
    Set<Long> perTaskTasks(String series, String field) {
        Set<Long> tasks = new TreeSet<>();
        byRuntime.getOrDefault(series, List.of()).stream().filter(p -> Double.isFinite(perTask(p, field)))
                .forEach(p -> tasks.add(p.tasks()));
        return tasks;
    }

    /** The largest N that failed (0 when none did). */
    long largestFailed(String runtime) {
        return byRuntime.getOrDefault(runtime, List.of()).stream().filter(p -> !p.ok())
                .mapToLong(ProbeResult::tasks).max().orElse(0);
    }
}
