package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings a report opens with: at most {@value #MAX}, one line each, each a claim with its
 * figures, their intervals as ±% and their ratios to {@value Runtimes#RATIO_BASE}, every figure
 * linked to the section that has it in full. They are made by rules from the run's data, never
 * typed; a finding whose data the run does not have is left out.
 */
final class Findings {

    static final int MAX = 8;
    /** How many ranking changes the finding names before it points to the section for the rest. */
    private static final int RANKING_CHANGES_NAMED = 3;

    private final ReportContext ctx;
    private final HeadlineFigures figures;

    Findings(ReportContext ctx) {
        this.ctx = ctx;
        this.figures = new HeadlineFigures(ctx);
    }

    /** The findings of the run, in a fixed order of subjects. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        figures.heapPerParkedTask().map(this::measureLine).ifPresent(lines::add);
        sleep10s().ifPresent(lines::add);
        figures.spawnPerTask().map(this::measureLine).ifPresent(lines::add);
        figures.timerLatenessAmongArmed().map(this::measureLine).ifPresent(lines::add);
        server().ifPresent(lines::add);
        figures.requestFanOut().map(this::measureLine).ifPresent(lines::add);
        compactHeaders().ifPresent(lines::add);
        rankingChanges().ifPresent(lines::add);
        return lines.subList(0, Math.min(MAX, lines.size()));
    }

    /** "**Title**: loom 860 B ±6 %; futures 76 B ±0.1 % (11× less than loom); ...". */
    private String measureLine(HeadlineFigures.Measure measure) {
        return "**" + measure.title() + "**: " + String.join("; ", entries(measure)) + "." + singleRuns(measure);
    }

    /** Each runtime's entry, the base of the ratios first. */
    private List<String> entries(HeadlineFigures.Measure measure) {
        Optional<HeadlineFigures.Entry> base = measure.entry(Runtimes.RATIO_BASE)
                .filter(e -> e.comparable() && e.figure() != null);
        List<String> entries = new ArrayList<>();
        base.ifPresent(b -> entries.add(entry(measure, Runtimes.RATIO_BASE, b, Optional.empty())));
        measure.byRuntime().forEach((runtime, entry) -> {
            if (!runtime.equals(Runtimes.RATIO_BASE)) {
                entries.add(entry(measure, runtime, entry, base));
            }
        });
        return entries;
    }

    private String entry(HeadlineFigures.Measure measure, String runtime, HeadlineFigures.Entry entry,
                         Optional<HeadlineFigures.Entry> base) {
        String label = Runtimes.label(runtime, entry.version() != null ? entry.version() : ctx.version(runtime).orElse(null));
        if (entry.figure() == null) {
            return label + " " + entry.note();
        }
        String text = label + " " + ctx.link(entry.figure().text(ctx.noiseBound), entry.sectionIn(measure)) + entry.note();
        if (entry.comparable() && base.isPresent()) {
            text += " (" + entry.figure().versus(base.get().figure(), Runtimes.RATIO_BASE) + ")";
        }
        return text;
    }

    private static String singleRuns(HeadlineFigures.Measure measure) {
        boolean allSingle = measure.byRuntime().values().stream().filter(e -> e.figure() != null)
                .noneMatch(e -> e.figure().known());
        return allSingle ? " Single runs: no interval is known." : "";
    }

    /** Wall time and peak RSS of the N × 10 s experiment, one line. */
    private Optional<String> sleep10s() {
        Optional<HeadlineFigures.Measure> wall = figures.sleep10sWall();
        Optional<HeadlineFigures.Measure> peak = figures.sleep10sPeakRss();
        if (wall.isEmpty() && peak.isEmpty()) {
            return Optional.empty();
        }
        HeadlineFigures.Measure any = wall.or(() -> peak).orElseThrow();
        String title = any.title().substring(0, any.title().lastIndexOf(':'));
        List<String> runtimes = new ArrayList<>();
        wall.ifPresent(m -> runtimes.addAll(m.byRuntime().keySet()));
        peak.ifPresent(m -> m.byRuntime().keySet().stream().filter(r -> !runtimes.contains(r)).forEach(runtimes::add));
        runtimes.sort((a, b) -> a.equals(Runtimes.RATIO_BASE) ? (b.equals(a) ? 0 : -1)
                : b.equals(Runtimes.RATIO_BASE) ? 1 : Runtimes.compare(a, b));
        List<String> parts = new ArrayList<>();
        for (String runtime : runtimes) {
            List<String> both = new ArrayList<>();
            String version = null;
            for (Optional<HeadlineFigures.Measure> m : List.of(wall, peak)) {
                if (m.isEmpty()) {
                    continue;
                }
                Optional<HeadlineFigures.Entry> entry = m.get().entry(runtime);
                if (entry.isEmpty()) {
                    continue;
                }
                version = version != null ? version : entry.get().version();
                if (entry.get().figure() == null) {
                    if (!both.contains(entry.get().note())) {
                        both.add(entry.get().note());
                    }
                    continue;
                }
                String text = ctx.link(entry.get().figure().text(ctx.noiseBound), entry.get().sectionIn(m.get()));
                Optional<HeadlineFigures.Entry> base = m.get().entry(Runtimes.RATIO_BASE).filter(e -> e.figure() != null);
                if (!runtime.equals(Runtimes.RATIO_BASE) && base.isPresent()) {
                    text += " (" + entry.get().figure().versus(base.get().figure(), Runtimes.RATIO_BASE) + ")";
                }
                both.add(text);
            }
            String label = Runtimes.label(runtime, version != null ? version : ctx.version(runtime).orElse(null));
            parts.add(label + " " + String.join(", ", both));
        }
        return Optional.of("**" + title + "** (wall, peak RSS): " + String.join("; ", parts)
                + ". Single runs: no interval is known.");
    }

    /** Server CPU per request and p99 at 75 % load, against the floor and loom, one line. */
    private Optional<String> server() {
        Optional<HeadlineFigures.Measure> cpu = figures.serverCpuPerRequest();
        if (cpu.isEmpty()) {
            return Optional.empty();
        }
        Optional<HeadlineFigures.Entry> floor = cpu.get().entry(Runtimes.FLOOR).filter(e -> e.figure() != null);
        List<String> entries = new ArrayList<>();
        List<String> order = orderedBaseFirst(cpu.get().byRuntime().keySet());
        for (String runtime : order) {
            HeadlineFigures.Entry entry = cpu.get().byRuntime().get(runtime);
            String text = ctx.label(runtime) + " " + ctx.link(entry.figure().text(ctx.noiseBound), cpu.get().section());
            List<String> against = new ArrayList<>();
            if (floor.isPresent() && !runtime.equals(Runtimes.FLOOR)) {
                against.add(entry.figure().over(floor.get().figure()).factor() + " the floor");
            }
            Optional<HeadlineFigures.Entry> base = cpu.get().entry(Runtimes.RATIO_BASE);
            if (base.isPresent() && !runtime.equals(Runtimes.RATIO_BASE) && !runtime.equals(Runtimes.FLOOR)) {
                against.add(entry.figure().versus(base.get().figure(), Runtimes.RATIO_BASE));
            }
            entries.add(text + (against.isEmpty() ? "" : " (" + String.join(", ", against) + ")"));
        }
        String line = "**" + cpu.get().title() + "** (server pinned to its own CPUs, user + sys per request): "
                + String.join("; ", entries) + ".";
        Optional<HeadlineFigures.Measure> p99 = figures.serverP99AtLoad();
        if (p99.isPresent()) {
            line += " " + p99.get().title() + ": " + String.join("; ", entries(p99.get())) + ".";
        }
        return Optional.of(line);
    }

    private static List<String> orderedBaseFirst(java.util.Collection<String> runtimes) {
        List<String> order = new ArrayList<>();
        if (runtimes.contains(Runtimes.FLOOR)) {
            order.add(Runtimes.FLOOR);
        }
        if (runtimes.contains(Runtimes.RATIO_BASE)) {
            order.add(Runtimes.RATIO_BASE);
        }
        runtimes.stream().filter(r -> !order.contains(r)).sorted(Runtimes::compare).forEach(order::add);
        return order;
    }

    /** What compact object headers change in heap per parked task, runtime by runtime (issue 18). */
    private Optional<String> compactHeaders() {
        FlagMatrix matrix = new FlagMatrix(ctx);
        if (!matrix.configs().contains(FlagMatrix.COMPACT_HEADERS)) {
            return Optional.empty();
        }
        Map<String, MemoryAnalysis.AtN> before = matrix.heap(ProbeResult.DEFAULT_CONFIG);
        Map<String, MemoryAnalysis.AtN> after = matrix.heap(FlagMatrix.COMPACT_HEADERS);
        List<String> entries = new ArrayList<>();
        after.forEach((runtime, coh) -> {
            MemoryAnalysis.AtN base = before.get(runtime);
            if (base == null || base.tasks() != coh.tasks()) {
                return;
            }
            String change = coh.figure().overlaps(base.figure()) ? "no change beyond noise"
                    : coh.figure().over(base.figure()).factor();
            entries.add(ctx.label(runtime) + " " + ctx.link(base.figure().number() + " → " + coh.figure().number(),
                    FlagsSection.HEADING) + " (" + change + ")");
        });
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("**Compact object headers** (`" + FlagMatrix.COMPACT_HEADERS + "`: "
                + matrix.flags(FlagMatrix.COMPACT_HEADERS) + ") change heap per parked task: "
                + String.join("; ", entries) + ".");
    }

    /** Where a flag or a worker count changes the ranking between runtimes (issue 18: say so in the findings). */
    private Optional<String> rankingChanges() {
        List<Rankings.Change> changes = new FlagMatrix(ctx).rankingChanges();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = changes.stream().limit(RANKING_CHANGES_NAMED).map(c -> c.text(ctx)).toList();
        int more = changes.size() - named.size();
        return Optional.of("**Flags change the ranking**: " + String.join("; ", named)
                + (more > 0 ? "; " + ctx.link(more + " more", FlagsSection.HEADING) : "")
                + " (" + ctx.link("details", FlagsSection.HEADING) + ").");
    }
}
