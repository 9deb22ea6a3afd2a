package threadmill.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import threadmill.bench.raw.ReferenceInfo;

/** What the report sections share: the run, the document being written and the charts. */
final class ReportContext {

    static final String NOT_MEASURED = "not measured";

    final RawRun run;
    final Markdown md = new Markdown();
    /** The memory sweep with the JDK's default flags (and the native reference, which has none). */
    final MemoryAnalysis memory;
    /** The N × 10 s experiment with the same flags. */
    final MemoryAnalysis sleep10s;
    final ServerFigures server;
    /** The largest relative half-width a figure of this run may have before it is marked noisy. */
    final double noiseBound;
    /** Where REPORT.md is, relative to the document being written: empty inside REPORT.md itself. */
    private final String reportLink;
    private final Map<String, String> charts = new LinkedHashMap<>();

    ReportContext(RawRun run) {
        this(run, "");
    }

    ReportContext(RawRun run, String reportLink) {
        this.run = run;
        this.reportLink = reportLink;
        this.memory = new MemoryAnalysis(run.probe(), "memory", ProbeResult::defaultFlags);
        this.sleep10s = new MemoryAnalysis(run.probe(), "sleep10s", ProbeResult::defaultFlags);
        this.server = new ServerFigures(ServerResults.of(run.server()));
        this.noiseBound = Figure.noiseBound(run.env() == null ? null : run.env().suite());
    }

    /**
     * Every runtime that appears anywhere in the run, in report order: the registry's, then the
     * reference and the floor.
     */
    List<String> runtimes() {
        TreeSet<String> names = new TreeSet<>(Runtimes::compare);
        run.jmh().forEach(r -> names.add(r.runtime()));
        run.probe().forEach(p -> names.add(p.runtime()));
        run.latency().forEach(l -> names.add(l.runtime()));
        run.server().forEach(s -> names.add(s.server()));
        run.reference().forEach(r -> names.add(r.runtime()));
        return List.copyOf(names);
    }

    /** What env.json says of a native reference ({@code tokio}), when it says anything. */
    Optional<ReferenceInfo> referenceInfo(String runtime) {
        return run.env() == null ? Optional.empty() : Optional.ofNullable(run.env().reference().get(runtime));
    }

    /** The runtime's own version as env.json records it, else as its first probe or server line does. */
    Optional<String> version(String runtime) {
        Optional<String> recorded = referenceInfo(runtime).map(ReferenceInfo::version);
        if (recorded.isPresent()) {
            return recorded;
        }
        return run.probe().stream().filter(p -> p.runtime().equals(runtime)).map(ProbeResult::runtimeVersion)
                .filter(v -> v != null).findFirst().or(() -> server.version(runtime))
                .or(() -> run.reference().stream().filter(r -> r.runtime().equals(runtime))
                        .map(ReferenceResult::runtimeVersion).filter(v -> v != null).findFirst());
    }

    /** How the runtime is named to a reader ({@link Runtimes#label}). */
    String label(String runtime) {
        return Runtimes.label(runtime, version(runtime).orElse(null));
    }

    /** A Markdown link to a section of REPORT.md, from the document being written. */
    String link(String text, String heading) {
        return "[" + text + "](" + reportLink + "#" + Markdown.anchor(heading) + ")";
    }

    List<JmhResult> jmh(String group) {
        return run.jmh().stream().filter(r -> r.group().equals(group)).toList();
    }

    List<String> jmhGroups() {
        return run.jmh().stream().map(JmhResult::group).distinct().toList();
    }

    /** Adds the chart (as {@code <name>.svg}, numbered if the name is taken) and links it from the document. */
    void chart(String name, String alt, String svg) {
        String fileName = name + ".svg";
        for (int n = 2; charts.containsKey(fileName); n++) {
            fileName = name + "-" + n + ".svg";
        }
        charts.put(fileName, svg);
        md.image(alt, fileName);
    }

    Map<String, String> charts() {
        return charts;
    }

    /** A file-name-safe slug: letters, digits and '-'. */
    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
