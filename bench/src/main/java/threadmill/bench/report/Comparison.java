package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same measurement in two runs: the ratio candidate / baseline with its error, propagated
 * from JMH's errors as relative errors in quadrature, and whether the difference is within noise
 * (the two intervals overlap).
 */
record Comparison(Measurement baseline, Measurement candidate, double ratio, double ratioError, Verdict verdict) {

    enum Verdict {
        WITHIN_NOISE("within noise"),
        SIGNIFICANT("significant"),
        NO_ERROR_KNOWN("no error known (single shot)"),
        NOT_COMPARABLE("not comparable");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    static Comparison of(Measurement baseline, Measurement candidate) {
        if (!baseline.unit().equals(candidate.unit()) || baseline.value() == 0) {
            return new Comparison(baseline, candidate, Double.NaN, Double.NaN, Verdict.NOT_COMPARABLE);
        }
        double ratio = candidate.value() / baseline.value();
        double relative = Math.hypot(baseline.error() / baseline.value(), candidate.error() / candidate.value());
        double ratioError = Math.abs(ratio) * relative;
        if (Double.isNaN(baseline.error()) || Double.isNaN(candidate.error())) {
            return new Comparison(baseline, candidate, ratio, Double.NaN, Verdict.NO_ERROR_KNOWN);
        }
        boolean overlap = candidate.value() - candidate.error() <= baseline.value() + baseline.error()
                && baseline.value() - baseline.error() <= candidate.value() + candidate.error();
        return new Comparison(baseline, candidate, ratio, ratioError,
                overlap ? Verdict.WITHIN_NOISE : Verdict.SIGNIFICANT);
    }

    /** The measured values of a run by key, first occurrence kept, in the run's order. */
    static Map<String, Measurement> measured(RawRun run) {
        Map<String, Measurement> byKey = new LinkedHashMap<>();
        for (Measurement m : Measurements.of(run)) {
            if (m.ok()) {
                byKey.putIfAbsent(m.key(), m);
            }
        }
        return byKey;
    }

    /** Pairs every key the two runs share, in the baseline's order. */
    static List<Comparison> all(Map<String, Measurement> baseline, Map<String, Measurement> candidate) {
        List<Comparison> out = new ArrayList<>();
        baseline.forEach((key, b) -> {
            Measurement c = candidate.get(key);
            if (c != null) {
                out.add(of(b, c));
            }
        });
        return out;
    }
}
