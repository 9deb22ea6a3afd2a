package threadmill.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes REPORT.md, results.csv and the SVG charts of a run from its raw/ files. Every number in
 * the output comes from those files; the output is the same bytes for the same input.
 *
 * <p>Usage: {@code ReportGenerator <run-dir>} (the folder that holds raw/).
 */
public final class ReportGenerator {

    private ReportGenerator() {
    }

    public static void main(String[] args) {
        CommandMain.run(args, 1, 1, "ReportGenerator <run-dir>   (the folder that contains raw/)",
                a -> generate(Path.of(a[0])));
    }

    /** Generates the report into the run dir; returns the files written. */
    public static List<Path> generate(Path runDir) throws IOException {
        RawRun run = RawRun.load(runDir);
        ReportContext ctx = new ReportContext(run);
        header(ctx);
        HeadlineSection.write(ctx);
        MemorySection.write(ctx);
        Sleep10sSection.write(ctx);
        FlagsSection.write(ctx);
        ReferenceSection.write(ctx);
        JmhSection.write(ctx);
        LatencySection.write(ctx);
        ServerSection.write(ctx);
        PitfallsSection.write(ctx);
        FailuresSection.write(ctx);
        MethodologySection.write(ctx);

        List<Path> written = new java.util.ArrayList<>();
        written.add(write(runDir.resolve("REPORT.md"), ctx.md.toString()));
        Csv csv = new Csv(Measurement.COLUMNS);
        Measurements.of(run).forEach(m -> csv.row(m.cells()));
        written.add(write(runDir.resolve("results.csv"), csv.toString()));
        for (Map.Entry<String, String> chart : ctx.charts().entrySet()) {
            written.add(write(runDir.resolve(chart.getKey()), chart.getValue()));
        }
        return written;
    }

    private static void header(ReportContext ctx) {
        Env env = ctx.run.env();
        ctx.md.heading(1, "Threadmill report: " + ctx.run.name());
        if (env == null) {
            ctx.md.paragraph("raw/env.json is missing: JDK, commit and machine unknown.");
            return;
        }
        ctx.md.paragraph("Suite **" + Env.orUnknown(env.suite()) + "**, started " + Env.orUnknown(env.started())
                + ". JDK " + env.jdkText() + ". Commit " + env.commitText() + ". Machine: " + env.machineText()
                + ". Exact command and flags: see Reproduce and Methodology at the end.");
    }

    static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
