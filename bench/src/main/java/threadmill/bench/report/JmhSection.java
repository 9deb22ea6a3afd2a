package threadmill.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One section per JMH group: every result with its score, error and interval, the figure
 * derived for that workload (per task, per second) and a chart of it.
 */
final class JmhSection {

    private JmhSection() {
    }

    /** The figure a group is charted by. */
    private record Measure(String title, String axisLabel, Function<JmhResult, Optional<Value>> of) {
    }

    private static Measure measure(String group) {
        return switch (group) {
            case "creation" -> new Measure("Spawn + join cost per task", "ns per task", JmhDerived::nanosPerTask);
            case "spawn", "spawn-million" -> new Measure("Spawn cost per task", "ns per task", JmhDerived::nanosPerTask);
            case "sleep" -> new Measure("Sleep fan-out: tasks completed per second", "tasks per second",
                    JmhDerived::tasksPerSecond);
            case "requests" -> new Measure("Request throughput", "requests per second",
                    r -> JmhDerived.requestsPerSecond(r).or(() -> Optional.of(score(r))));
            // "server": the same measure's group name in runs before it was called connect-storm.
            case "connect-storm", "server" -> new Measure("Connect storm: requests per second, connections made afresh",
                    "requests per second", r -> JmhDerived.requestsPerSecond(r).or(() -> Optional.of(score(r))));
            default -> new Measure("JMH score", "score", r -> Optional.of(score(r)));
        };
    }

    private static Figure primary(JmhResult r) {
        return Figure.ci(score(r));
    }

    private static Value score(JmhResult r) {
        return new Value(r.primary().score(), r.primary().error(), r.primary().unit());
    }

    static void write(ReportContext ctx) {
        for (String group : ctx.jmhGroups()) {
            List<JmhResult> results = ctx.jmh(group).stream()
                    .sorted(Comparator.comparing(JmhResult::shortName)
                            .thenComparing(JmhResult::workloadParams, Params.ORDER)
                            .thenComparing(JmhResult::runtime, Runtimes::compare))
                    .toList();
            Measure measure = measure(group);
            ctx.md.heading(2, "JMH: " + group);
            ctx.md.table(List.of("benchmark", "runtime", "params", "mode", "score ± error", "99.9% CI", "unit",
                    measure.axisLabel(), "allocated (gc.alloc.rate.norm)"), results.stream()
                    .map(r -> List.of(r.shortName(), r.runtime(), Params.text(r.workloadParams()), r.mode(),
                            primary(r).plusMinus(), primary(r).interval(), r.primary().unit(),
                            measure.of().apply(r).map(v -> Figure.ci(v).text(ctx.noiseBound)).orElse("n/a"),
                            JmhDerived.allocated(r).orElse(ReportContext.NOT_MEASURED)))
                    .toList());
            ctx.md.paragraph("Score ± error: JMH's mean and the half-width of its 99.9 % confidence interval, "
                    + "rounded at the first digit of the half-width; (noisy): a half-width above "
                    + Figure.percent(100 * ctx.noiseBound) + " % of the score. results.csv has JMH's own digits.");
            if (group.equals("sleep")) {
                ctx.md.paragraph("Ideal for a sleep fan-out: all N tasks finish one sleep D after the start, "
                        + "N/D tasks per second.");
            }
            chart(ctx, group, measure, results);
        }
    }

    /** Lines over connections where the group sweeps them, else bars per params and runtime. */
    private static void chart(ReportContext ctx, String group, Measure measure, List<JmhResult> results) {
        String file = "jmh-" + ReportContext.slug(group);
        boolean several = results.stream().map(JmhResult::shortName).distinct().count() > 1;
        long connectionCounts = results.stream().map(r -> r.params().get("connections")).filter(c -> c != null)
                .distinct().count();
        if (connectionCounts > 1) {
            List<String> varying = varyingParams(results);
            Map<String, List<Double>> lines = new LinkedHashMap<>();
            Map<String, List<Double>> errors = new LinkedHashMap<>();
            for (JmhResult r : results) {
                Optional<Value> v = measure.of().apply(r);
                if (v.isEmpty() || Double.isNaN(r.param("connections"))) {
                    continue;
                }
                Map<String, String> rest = new LinkedHashMap<>(r.workloadParams());
                rest.keySet().retainAll(varying);
                rest.remove("connections");
                String name = r.runtime() + (several ? " " + r.shortName() : "")
                        + (rest.isEmpty() ? "" : " " + Params.text(rest));
                List<Double> points = lines.computeIfAbsent(name, k -> new ArrayList<>());
                points.add(r.param("connections"));
                points.add(v.get().value());
                errors.computeIfAbsent(name, k -> new ArrayList<>()).add(v.get().error());
            }
            List<LineChart.Series> series = new ArrayList<>();
            int i = 0;
            for (var line : lines.entrySet()) {
                series.add(new LineChart.Series(line.getKey(), Runtimes.color(line.getKey(), i++), false,
                        line.getValue().stream().mapToDouble(Double::doubleValue).toArray(),
                        errors.get(line.getKey()).stream().mapToDouble(Double::doubleValue).toArray()));
            }
            Map<String, String> fixed = new LinkedHashMap<>(results.get(0).workloadParams());
            fixed.keySet().removeAll(varying);
            String title = measure.title() + " vs connections (" + group + ")";
            ctx.chart(file, title, LineChart.of(title, "connections (log)" + (fixed.isEmpty() ? ""
                    : "; " + Params.text(fixed)) + "; error bars: JMH 99.9% CI", true, Fmt::num, measure.axisLabel(),
                    false, series).svg());
            return;
        }
        Function<JmhResult, String> category = r -> category(r, several);
        List<String> categories = results.stream().map(category).distinct().toList();
        List<String> runtimes = results.stream().map(JmhResult::runtime).distinct()
                .sorted(Runtimes::compare).toList();
        List<BarChart.Series> series = new ArrayList<>();
        for (int s = 0; s < runtimes.size(); s++) {
            double[] values = new double[categories.size()];
            double[] errors = new double[categories.size()];
            java.util.Arrays.fill(values, Double.NaN);
            java.util.Arrays.fill(errors, Double.NaN);
            for (JmhResult r : results) {
                Optional<Value> v = measure.of().apply(r);
                if (r.runtime().equals(runtimes.get(s)) && v.isPresent()) {
                    values[categories.indexOf(category.apply(r))] = v.get().value();
                    errors[categories.indexOf(category.apply(r))] = v.get().error();
                }
            }
            series.add(new BarChart.Series(runtimes.get(s), Runtimes.color(runtimes.get(s), s), values, errors));
        }
        String title = measure.title() + " (" + group + ")";
        ctx.chart(file, title, new BarChart(title, "benchmark and params; error bars: JMH 99.9% CI",
                measure.axisLabel(), categories, series).svg());
    }

    /** The workload params whose value differs between results of the group. */
    private static List<String> varyingParams(List<JmhResult> results) {
        return results.stream().flatMap(r -> r.workloadParams().keySet().stream()).distinct()
                .filter(key -> results.stream().map(r -> String.valueOf(r.params().get(key))).distinct().count() > 1)
                .toList();
    }

    /** A bar group: the params, and the benchmark's name where the group has several. */
    private static String category(JmhResult r, boolean severalBenchmarks) {
        String params = Params.text(r.workloadParams());
        if (params.isEmpty()) {
            return r.shortName();
        }
        return severalBenchmarks ? r.shortName() + " " + params : params;
    }
}
