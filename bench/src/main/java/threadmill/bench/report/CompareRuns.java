package threadmill.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two runs measurement by measurement. COMPARE.md leads with what changed: the
 * significant changes, largest first, then how many measurements stayed within noise, then the
 * largest changes among single shots (which have no interval, so no verdict); compare.csv beside
 * it has every row, including the measurements only one run has.
 *
 * <p>Usage: {@code CompareRuns <baseline-run-dir> <candidate-run-dir> [<out-dir>]}; the output
 * goes to the candidate's run dir unless an out dir is given.
 */
public final class CompareRuns {

    /** How many single-shot changes COMPARE.md lists; the CSV has them all. */
    static final int SINGLE_SHOTS_LISTED = 10;

    private CompareRuns() {
    }

    public static void main(String[] args) {
        CommandMain.run(args, 2, 3, "CompareRuns <baseline-run-dir> <candidate-run-dir> [<out-dir>]",
                a -> compare(Path.of(a[0]), Path.of(a[1]), Path.of(a.length == 3 ? a[2] : a[1])));
    }

    public static List<Path> compare(Path baselineDir, Path candidateDir, Path outDir) throws IOException {
        RawRun baseline = RawRun.load(baselineDir);
        RawRun candidate = RawRun.load(candidateDir);
        Map<String, Measurement> before = Comparison.measured(baseline);
        Map<String, Measurement> after = Comparison.measured(candidate);
        List<Comparison> comparisons = Comparison.all(before, after);
        double baselineBound = Figure.noiseBound(baseline.env() == null ? null : baseline.env().suite());
        double candidateBound = Figure.noiseBound(candidate.env() == null ? null : candidate.env().suite());

        Markdown md = new Markdown();
        md.heading(1, "Threadmill comparison: " + candidate.name() + " vs " + baseline.name());
        md.table(List.of("", "baseline", "candidate"), List.of(
                List.of("run", baseline.name(), candidate.name()),
                List.of("suite", suite(baseline), suite(candidate)),
                List.of("JDK", env(baseline, Env::jdkText), env(candidate, Env::jdkText)),
                List.of("commit", env(baseline, Env::commitText), env(candidate, Env::commitText)),
                List.of("machine", env(baseline, Env::machineText), env(candidate, Env::machineText))));
        md.paragraph("Change = candidate / baseline, its ± both relative errors (JMH's 99.9 % half-widths) in "
                + "quadrature. A change is significant when the two 99.9 % confidence intervals do not overlap; "
                + "\"within noise\" when they do. Probe and latency values are single shots: no interval is known, "
                + "so no verdict is possible. Every row, with JMH's own digits, is in compare.csv.");

        List<Comparison> significant = byChange(comparisons, Comparison.Verdict.SIGNIFICANT);
        md.heading(2, "Significant changes (" + significant.size() + ")");
        if (significant.isEmpty()) {
            md.paragraph("None: every measurement with an interval in both runs is within noise.");
        } else {
            md.table(List.of("source", "metric", "runtime", "params", "baseline", "candidate", "change"),
                    significant.stream().map(c -> row(c, baselineBound, candidateBound)).toList());
        }
        long withinNoise = comparisons.stream().filter(c -> c.verdict() == Comparison.Verdict.WITHIN_NOISE).count();
        long notComparable = comparisons.stream().filter(c -> c.verdict() == Comparison.Verdict.NOT_COMPARABLE).count();
        md.paragraph("**Within noise: " + withinNoise + "** measurement(s) whose intervals overlap."
                + (notComparable > 0 ? " Not comparable (different units or a zero baseline): " + notComparable + "."
                        : ""));

        List<Comparison> singleShots = byChange(comparisons, Comparison.Verdict.NO_ERROR_KNOWN);
        md.heading(2, "Single shots, largest changes first (" + singleShots.size() + ")");
        if (singleShots.isEmpty()) {
            md.paragraph("None.");
        } else {
            md.paragraph("No interval is known, so these are not verdicts; the " + Math.min(SINGLE_SHOTS_LISTED,
                    singleShots.size()) + " largest changes:");
            md.table(List.of("source", "metric", "runtime", "params", "baseline", "candidate", "change"),
                    singleShots.stream().limit(SINGLE_SHOTS_LISTED).map(c -> row(c, baselineBound, candidateBound))
                            .toList());
        }
        md.heading(2, "Measured in one run only");
        md.paragraph("Only in the baseline: " + onlyIn(before, after) + ". Only in the candidate: "
                + onlyIn(after, before) + ".");

        Csv csv = new Csv(List.of("source", "metric", "runtime", "params", "unit", "baseline", "baselineError",
                "candidate", "candidateError", "ratio", "ratioError", "verdict"));
        for (Comparison c : comparisons) {
            Measurement b = c.baseline();
            Measurement a = c.candidate();
            csv.row(List.of(b.source(), b.metric(), b.runtime(), b.params(), b.unit(), Fmt.exact(b.value()),
                    Fmt.exact(b.error()), Fmt.exact(a.value()), Fmt.exact(a.error()), Fmt.exact(c.ratio()),
                    Fmt.exact(c.ratioError()), c.verdict().text));
        }
        oneSided(csv, before, after, true);
        oneSided(csv, after, before, false);
        java.nio.file.Files.createDirectories(outDir);
        return List.of(ReportGenerator.write(outDir.resolve("COMPARE.md"), md.toString()),
                ReportGenerator.write(outDir.resolve("compare.csv"), csv.toString()));
    }

    /** The comparisons of one verdict, the largest change first (by |ln ratio|, so ×2 and ×0.5 weigh alike). */
    static List<Comparison> byChange(List<Comparison> comparisons, Comparison.Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict)
                .sorted(Comparator.comparingDouble((Comparison c) -> -Math.abs(Math.log(c.ratio()))))
                .toList();
    }

    private static List<String> row(Comparison c, double baselineBound, double candidateBound) {
        Measurement b = c.baseline();
        Measurement a = c.candidate();
        Figure ratio = Double.isNaN(c.ratioError()) ? Figure.single(c.ratio(), "×")
                : new Figure(c.ratio(), c.ratioError(), Figure.Basis.CI, "×");
        return List.of(b.source(), b.metric(), b.runtime(), b.params(), figure(b).text(baselineBound),
                figure(a).text(candidateBound), ratio.factor() + (ratio.known() ? " " + ratio.precision() : ""));
    }

    private static Figure figure(Measurement m) {
        return Figure.ci(new Value(m.value(), m.error(), m.unit()));
    }

    /** "12 (jmh:spawn-million 6, probe:memory 6)", or "none". */
    private static String onlyIn(Map<String, Measurement> here, Map<String, Measurement> there) {
        Map<String, Integer> bySource = new TreeMap<>();
        here.forEach((key, m) -> {
            if (!there.containsKey(key)) {
                bySource.merge(m.source(), 1, Integer::sum);
            }
        });
        if (bySource.isEmpty()) {
            return "none";
        }
        int total = bySource.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        bySource.forEach((source, n) -> parts.add(source + " " + n));
        return total + " (" + String.join(", ", parts) + ")";
    }

    private static void oneSided(Csv csv, Map<String, Measurement> here, Map<String, Measurement> there,
                                 boolean baseline) {
        here.forEach((key, m) -> {
            if (!there.containsKey(key)) {
                String value = Fmt.exact(m.value());
                String error = Fmt.exact(m.error());
                csv.row(List.of(m.source(), m.metric(), m.runtime(), m.params(), m.unit(), baseline ? value : "",
                        baseline ? error : "", baseline ? "" : value, baseline ? "" : error, "", "",
                        baseline ? "only in the baseline" : "only in the candidate"));
            }
        });
    }

    private static String suite(RawRun run) {
        return env(run, e -> Env.orUnknown(e.suite()));
    }

    private static String env(RawRun run, java.util.function.Function<Env, String> field) {
        return run.env() == null ? "unknown (no raw/env.json)" : field.apply(run.env());
    }
}
