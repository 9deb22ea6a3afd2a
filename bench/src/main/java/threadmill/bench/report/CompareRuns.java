package threadmill.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two runs measurement by measurement and writes COMPARE.md and compare.csv.
 *
 * <p>Usage: {@code CompareRuns <baseline-run-dir> <candidate-run-dir> [<out-dir>]}; the output
 * goes to the candidate's run dir unless an out dir is given.
 */
public final class CompareRuns {

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

        Markdown md = new Markdown();
        md.heading(1, "Threadmill comparison: " + candidate.name() + " vs " + baseline.name());
        md.table(List.of("", "baseline", "candidate"), List.of(
                List.of("run", baseline.name(), candidate.name()),
                List.of("suite", suite(baseline), suite(candidate)),
                List.of("JDK", env(baseline, Env::jdkText), env(candidate, Env::jdkText)),
                List.of("commit", env(baseline, Env::commitText), env(candidate, Env::commitText)),
                List.of("machine", env(baseline, Env::machineText), env(candidate, Env::machineText))));
        md.paragraph("Ratio = candidate / baseline. Its error propagates both JMH errors (99.9% CI half-widths) "
                + "as relative errors in quadrature. \"within noise\": the two intervals overlap. Probe and "
                + "latency values are single shots: no error is known, so no verdict is possible.");
        List<List<String>> rows = new ArrayList<>();
        Csv csv = new Csv(List.of("source", "metric", "runtime", "params", "unit", "baseline", "baselineError",
                "candidate", "candidateError", "ratio", "ratioError", "verdict"));
        for (Comparison c : comparisons) {
            Measurement b = c.baseline();
            Measurement a = c.candidate();
            String ratio = Double.isNaN(c.ratio()) ? "n/a" : Fmt.measured(c.ratio(), c.ratioError(), "");
            rows.add(List.of(b.source(), b.metric(), b.runtime(), b.params(), Fmt.measured(b.value(), b.error(),
                    b.unit()), Fmt.measured(a.value(), a.error(), a.unit()), ratio, c.verdict().text));
            csv.row(List.of(b.source(), b.metric(), b.runtime(), b.params(), b.unit(), Fmt.exact(b.value()),
                    Fmt.exact(b.error()), Fmt.exact(a.value()), Fmt.exact(a.error()), Fmt.exact(c.ratio()),
                    Fmt.exact(c.ratioError()), c.verdict().text));
        }
        md.heading(2, "Measurements in both runs");
        if (rows.isEmpty()) {
            md.paragraph("None.");
        } else {
            md.table(List.of("source", "metric", "runtime", "params", "baseline", "candidate",
                    "ratio candidate/baseline", "verdict"), rows);
        }
        onlyIn(md, "Only in the baseline", before, after);
        onlyIn(md, "Only in the candidate", after, before);

        java.nio.file.Files.createDirectories(outDir);
        return List.of(ReportGenerator.write(outDir.resolve("COMPARE.md"), md.toString()),
                ReportGenerator.write(outDir.resolve("compare.csv"), csv.toString()));
    }

    private static void onlyIn(Markdown md, String title, Map<String, Measurement> here,
                               Map<String, Measurement> there) {
        md.heading(2, title);
        List<List<String>> rows = new ArrayList<>();
        here.forEach((key, m) -> {
            if (!there.containsKey(key)) {
                rows.add(List.of(m.source(), m.metric(), m.runtime(), m.params(), Fmt.measured(m.value(), m.error(),
                        m.unit())));
            }
        });
        if (rows.isEmpty()) {
            md.paragraph("None.");
        } else {
            md.table(List.of("source", "metric", "runtime", "params", "value"), rows);
        }
    }

    private static String suite(RawRun run) {
        return env(run, e -> Env.orUnknown(e.suite()));
    }

    private static String env(RawRun run, java.util.function.Function<Env, String> field) {
        return run.env() == null ? "unknown (no raw/env.json)" : field.apply(run.env());
    }
}
