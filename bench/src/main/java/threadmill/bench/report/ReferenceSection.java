package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The native reference (issue 17): what its binary says of itself (version, compiler, the bytes
 * of its task) and its spawn cost from its own harness (raw/reference.jsonl). Its memory and
 * N × 10 s rows stand in those sections, beside the JVM runtimes'. Left out of a run that had no
 * reference.
 */
final class ReferenceSection {

    static final String HEADING = "Native reference";

    private ReferenceSection() {
    }

    static void write(ReportContext ctx) {
        boolean described = ctx.run.env() != null && !ctx.run.env().reference().isEmpty();
        if (!described && ctx.run.reference().isEmpty()) {
            return;
        }
        ctx.md.heading(2, HEADING);
        if (described) {
            ctx.run.env().reference().forEach((runtime, info) ->
                    ctx.md.paragraph(MemorySection.referenceText(ctx, runtime, info)));
        }
        if (ctx.run.reference().isEmpty()) {
            ctx.md.paragraph("Spawn cost: " + ReportContext.NOT_MEASURED + " in this run (no raw/reference.jsonl).");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ReferenceResult r : ctx.run.reference()) {
            rows.add(List.of(Runtimes.label(r.runtime(), r.runtimeVersion()), r.benchmark(),
                    r.tasks() == null ? "?" : Long.toString(r.tasks()), r.perTask().text(ctx.noiseBound),
                    r.iterations() == null ? "?" : Integer.toString(r.iterations()),
                    r.workerThreads() == null ? "?" : Integer.toString(r.workerThreads())));
        }
        ctx.md.paragraph("Spawn cost measured by the reference's own harness (not JMH): mean per task over its "
                + "iterations, ± the half-width of their 99.9 % confidence interval.");
        ctx.md.table(List.of("runtime", "benchmark", "tasks", "per task", "iterations", "worker threads"), rows);
    }
}
