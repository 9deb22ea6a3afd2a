package threadmill.bench.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One benchmark × params entry of a JMH {@code -rf json} file (raw/jmh-&lt;group&gt;.json). */
record JmhResult(String group, String benchmark, String mode, Map<String, String> params, Score primary,
                 Map<String, Score> secondary, int forks, int threads, int warmupIterations, String warmupTime,
                 int measurementIterations, String measurementTime, String jvm, List<String> jvmArgs,
                 String jdkVersion, String vmVersion) {

    /**
     * An entry as JMH writes it, the fields the report reads; JMH's others are skipped. JMH
     * writes an undefined error as the string "NaN", which reads as NaN.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty(required = true) String benchmark, @JsonProperty(required = true) String mode,
                 Map<String, String> params, @JsonProperty(required = true) Metric primaryMetric,
                 Map<String, Metric> secondaryMetrics, Integer forks, Integer threads, Integer warmupIterations,
                 String warmupTime, Integer measurementIterations, String measurementTime, String jvm,
                 List<String> jvmArgs, String jdkVersion, String vmVersion) {
    }

    /** A metric as JMH writes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metric(@JsonProperty(required = true) double score, Double scoreError, List<Double> scoreConfidence,
                  @JsonProperty(required = true) String scoreUnit) {
    }

    /**
     * A JMH score: the mean, the half-width of its 99.9% confidence interval (NaN when JMH had
     * too few samples to compute one) and that interval.
     */
    record Score(double score, double error, double low, double high, String unit) {

        static Score from(Metric metric) {
            List<Double> confidence = metric.scoreConfidence() == null ? List.of() : metric.scoreConfidence();
            double low = confidence.size() == 2 ? orNaN(confidence.get(0)) : Double.NaN;
            double high = confidence.size() == 2 ? orNaN(confidence.get(1)) : Double.NaN;
            return new Score(metric.score(), orNaN(metric.scoreError()), low, high, metric.scoreUnit());
        }

        private static double orNaN(Double value) {
            return value == null ? Double.NaN : value;
        }

        String ciText() {
            return Double.isNaN(low) ? "n/a" : "[" + Fmt.num(low) + ", " + Fmt.num(high) + "]";
        }
    }

    static JmhResult from(String group, Entry entry) {
        Map<String, Score> secondary = new LinkedHashMap<>();
        if (entry.secondaryMetrics() != null) {
            entry.secondaryMetrics().forEach((name, metric) -> secondary.put(name, Score.from(metric)));
        }
        return new JmhResult(group, entry.benchmark(), entry.mode(),
                entry.params() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entry.params())),
                Score.from(entry.primaryMetric()), Collections.unmodifiableMap(secondary), orMinusOne(entry.forks()),
                orMinusOne(entry.threads()), orMinusOne(entry.warmupIterations()), entry.warmupTime(),
                orMinusOne(entry.measurementIterations()), entry.measurementTime(), entry.jvm(),
                entry.jvmArgs() == null ? List.of() : entry.jvmArgs(), entry.jdkVersion(), entry.vmVersion());
    }

    private static int orMinusOne(Integer value) {
        return value == null ? -1 : value;
    }

    /** The method name: {@code threadmill.bench.jmh.Creation.spawnAndJoin} → {@code Creation.spawnAndJoin}. */
    String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    String runtime() {
        return params.getOrDefault("runtime", "unknown");
    }

    /** The params other than the runtime, which is what a row is compared across. */
    Map<String, String> workloadParams() {
        Map<String, String> rest = new LinkedHashMap<>(params);
        rest.remove("runtime");
        return rest;
    }

    /** A numeric param, or NaN when absent or not a number. */
    double param(String name) {
        return Params.numberOrNaN(params.get(name));
    }
}
