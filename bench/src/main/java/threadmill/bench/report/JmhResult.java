package threadmill.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One benchmark × params entry of a JMH {@code -rf json} file (raw/jmh-&lt;group&gt;.json). */
record JmhResult(String group, String benchmark, String mode, Map<String, String> params, Score primary,
                 Map<String, Score> secondary, int forks, int threads, int warmupIterations, String warmupTime,
                 int measurementIterations, String measurementTime, String jvm, List<String> jvmArgs,
                 String jdkVersion, String vmVersion, Json.Where where) {

    /**
     * A JMH score: the mean, the half-width of its 99.9% confidence interval (NaN when JMH had
     * too few samples to compute one) and that interval.
     */
    record Score(double score, double error, double low, double high, String unit) {

        static Score from(Json.Obj metric) {
            List<Json> confidence = metric.optArray("scoreConfidence");
            double low = Double.NaN;
            double high = Double.NaN;
            if (confidence.size() == 2) {
                low = Json.jmhNumber("scoreConfidence[0]", confidence.get(0));
                high = Json.jmhNumber("scoreConfidence[1]", confidence.get(1));
            }
            return new Score(metric.number("score"), metric.jmhNumber("scoreError"), low, high,
                    metric.string("scoreUnit"));
        }

        String ciText() {
            return Double.isNaN(low) ? "n/a" : "[" + Fmt.num(low) + ", " + Fmt.num(high) + "]";
        }
    }

    static JmhResult from(String group, Json.Obj entry) {
        Map<String, Score> secondary = new LinkedHashMap<>();
        Json.Obj secondaries = entry.optObject("secondaryMetrics");
        if (secondaries != null) {
            for (String name : secondaries.members().keySet()) {
                secondary.put(name, Score.from(secondaries.object(name)));
            }
        }
        return new JmhResult(group, entry.string("benchmark"), entry.string("mode"), entry.scalars("params"),
                Score.from(entry.object("primaryMetric")), Collections.unmodifiableMap(secondary),
                integer(entry, "forks"), integer(entry, "threads"), integer(entry, "warmupIterations"),
                entry.optString("warmupTime"), integer(entry, "measurementIterations"),
                entry.optString("measurementTime"), entry.optString("jvm"), entry.strings("jvmArgs"),
                entry.optString("jdkVersion"), entry.optString("vmVersion"), entry.where());
    }

    private static int integer(Json.Obj entry, String key) {
        Double value = entry.optNumber(key);
        return value == null ? -1 : value.intValue();
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
        String value = params.get(name);
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notNumeric) {
            return Double.NaN;
        }
    }
}
