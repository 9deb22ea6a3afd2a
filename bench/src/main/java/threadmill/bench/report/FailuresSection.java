package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import threadmill.bench.raw.ServerLine;

/**
 * Everything that did not produce a number: failed probe points (with the OS limits in force),
 * raw/failures.jsonl, histograms that are missing and raw files that were not written.
 */
final class FailuresSection {

    private FailuresSection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, "Failures and gaps");
        List<List<String>> rows = new ArrayList<>();
        for (ProbeResult p : ctx.run.probe()) {
            if (!p.ok()) {
                rows.add(List.of("probe:" + p.experiment(), p.runtime(), "tasks=" + p.tasks(),
                        p.error() == null ? "no message" : p.error(), Params.text(p.osLimits())));
            }
        }
        for (Failure f : ctx.run.failures()) {
            rows.add(List.of(f.stage(), f.runtime() == null ? "" : f.runtime(), Params.text(f.params()), f.error(),
                    Params.text(f.osLimits())));
        }
        for (LatencyRecord l : ctx.run.latency()) {
            if (l.hgrmPath() != null && l.histogram() == null) {
                rows.add(List.of("latency:" + l.metric(), l.runtime(), Params.text(l.params()),
                        "histogram file raw/" + l.hgrmPath() + " is missing (no percentile curve)", ""));
            }
        }
        for (ServerLine w : ctx.run.server()) {
            if (!w.ok()) {
                rows.add(List.of("server:" + w.mode(), w.server(), "connections=" + w.connections()
                        + (w.loadFraction() == null ? "" : " loadFraction=" + Fmt.exact(w.loadFraction()))
                        + " window=" + w.window(), w.error() == null ? "no message" : w.error(), ""));
            }
        }
        if (ctx.run.env() != null) {
            ctx.run.env().reference().forEach((runtime, info) -> {
                if (!info.ok()) {
                    rows.add(List.of("reference", runtime, "", info.status(), ""));
                }
            });
        }
        for (String file : ctx.run.missingFiles()) {
            rows.add(List.of("raw files", "", "", file + " was not written: " + ReportContext.NOT_MEASURED, ""));
        }
        if (rows.isEmpty()) {
            ctx.md.paragraph("None: every point of the run was measured.");
            return;
        }
        ctx.md.table(List.of("stage", "runtime", "params", "error", "OS limits in force"), rows);
    }
}
