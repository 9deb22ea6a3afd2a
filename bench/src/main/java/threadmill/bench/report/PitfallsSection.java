package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The pitfall measurements: what goes wrong when a runtime is used the wrong way. */
final class PitfallsSection {

    private PitfallsSection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, "Pitfalls");
        if (ctx.run.pitfalls().isEmpty()) {
            ctx.md.paragraph(ReportContext.NOT_MEASURED + ": no raw/pitfalls.jsonl records.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Pitfall p : ctx.run.pitfalls()) {
            String latency = p.latency().isEmpty() ? "" : "p50 " + p.latency().getOrDefault("p50", "?") + ", p99 "
                    + p.latency().getOrDefault("p99", "?") + ", max " + p.latency().getOrDefault("max", "?") + " "
                    + p.latency().getOrDefault("unit", "");
            rows.add(List.of(p.pitfall(), p.runtime(), p.variant() == null ? "" : p.variant(), Params.text(p.params()),
                    number(p.wallMillis()), number(p.expectedMillis()), number(p.throughputPerSecond()),
                    number(p.pinnedEvents()), latency.strip(), p.note() == null ? "" : p.note()));
        }
        ctx.md.table(List.of("pitfall", "runtime", "variant", "params", "wall (ms)", "expected (ms)",
                "throughput (1/s)", "pinned events", "latency", "what it shows"), rows);
    }

    private static String number(Double value) {
        return value == null ? "" : Fmt.num(value);
    }
}
