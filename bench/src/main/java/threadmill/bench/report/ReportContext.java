package threadmill.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the report sections share: the run, the document being written and the charts. */
final class ReportContext {

    static final String NOT_MEASURED = "not measured";

    final RawRun run;
    final Markdown md = new Markdown();
    final MemoryAnalysis memory;
    final MemoryAnalysis sleep10s;
    private final Map<String, String> charts = new LinkedHashMap<>();

    ReportContext(RawRun run) {
        this.run = run;
        this.memory = new MemoryAnalysis(run.probe(), "memory");
        this.sleep10s = new MemoryAnalysis(run.probe(), "sleep10s");
    }

    /** Every runtime that appears anywhere in the run, in the project's order. */
    List<String> runtimes() {
        TreeSet<String> names = new TreeSet<>(MemoryAnalysis::runtimeOrder);
        run.jmh().forEach(r -> names.add(r.runtime()));
        run.probe().forEach(p -> names.add(p.runtime()));
        run.latency().forEach(l -> names.add(l.runtime()));
        return List.copyOf(names);
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
