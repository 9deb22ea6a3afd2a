package threadmill.bench.report;

import java.util.List;

/** One row of results.csv: a single measured (or failed) value, as it stands in the raw files. */
record Measurement(String source, String metric, String runtime, String params, double value, double error,
                   String unit, String status, String note) {

    static final List<String> COLUMNS =
            List.of("source", "metric", "runtime", "params", "value", "error", "unit", "status", "note");

    /** What identifies the same measurement in two runs. */
    String key() {
        return source + " | " + metric + " | " + runtime + " | " + params;
    }

    boolean ok() {
        return status.equals("ok") && !Double.isNaN(value);
    }

    List<String> cells() {
        return List.of(source, metric, runtime, params, Fmt.exact(value), Fmt.exact(error), unit, status, note);
    }
}
