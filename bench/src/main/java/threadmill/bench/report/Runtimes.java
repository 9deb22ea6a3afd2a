package threadmill.bench.report;

import java.util.ArrayList;
import java.util.List;
import threadmill.workload.TaskRuntimes;

/**
 * Which runtimes a report shows, in which order, colour and name. The JVM runtimes are the
 * registry's ({@link TaskRuntimes}), in its order; after them come the two rows the raw format
 * names that are not runtimes of the registry: the native reference and the server floor. No
 * other list of runtimes exists in the report.
 */
final class Runtimes {

    /** The native reference's name in probe.jsonl, reference.jsonl, server.jsonl and env.json. */
    static final String REFERENCE = "tokio";
    /** The neutral single-selector NIO server of server.jsonl: the cost of an echo with no task abstraction. */
    static final String FLOOR = "nio";
    /**
     * What ratios are taken against: the JDK's own answer to many waiting tasks, virtual
     * threads, which the question every reader brings is about (issue 16: "its ratio to loom").
     */
    static final String RATIO_BASE = "loom";

    /** What separates a runtime from the depth of its sleep in a series name ("loom depth=16"). */
    static final String DEPTH_LABEL = " depth=";

    private static final List<String> COLORS =
            List.of("#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#57606a", "#bf3989", "#0a3069");

    /** Lighter shades of {@link #COLORS}, for the same runtime at a greater depth ("loom depth=16"). */
    private static final List<String> DEEPER =
            List.of("#80ccff", "#ff8182", "#6fdd8b", "#d8b9ff", "#ffb77c", "#afb8c1", "#ff9bce", "#54aeff");

    private Runtimes() {
    }

    /** The registry's runtimes in its order, then the reference and the floor. */
    static List<String> known() {
        List<String> known = new ArrayList<>(TaskRuntimes.names());
        known.add(REFERENCE);
        known.add(FLOOR);
        return known;
    }

    /**
     * Orders runtime names, or series names made of a runtime and a depth: the known ones in
     * {@link #known()} order, then any other name a run recorded (a runtime this build no longer
     * has) by name; a runtime's deeper series right after it, by depth.
     */
    static int compare(String a, String b) {
        int byName = nameOrder(runtimeOf(a), runtimeOf(b));
        return byName != 0 ? byName : Double.compare(depthOf(a), depthOf(b));
    }

    private static int nameOrder(String a, String b) {
        List<String> known = known();
        int x = known.indexOf(a);
        int y = known.indexOf(b);
        if (x >= 0 && y >= 0) {
            return Integer.compare(x, y);
        }
        if (x >= 0 || y >= 0) {
            return x >= 0 ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** The runtime of a series name: "loom depth=16" → "loom". */
    static String runtimeOf(String series) {
        int depth = series.indexOf(DEPTH_LABEL);
        return depth < 0 ? series : series.substring(0, depth);
    }

    private static double depthOf(String series) {
        int depth = series.indexOf(DEPTH_LABEL);
        return depth < 0 ? 1 : Double.parseDouble(series.substring(depth + DEPTH_LABEL.length()));
    }

    /**
     * The colour of a series named after a runtime (or a runtime at a depth, or a runtime and a
     * fork): a known runtime gets the colour of its place, so it looks the same in every chart;
     * others take the fallback.
     */
    static String color(String series, int fallbackIndex) {
        String runtime = runtimeOf(series).split(" ")[0];
        List<String> known = known();
        int at = known.indexOf(runtime);
        if (at >= 0) {
            return (series.contains(DEPTH_LABEL) ? DEEPER : COLORS).get(at % COLORS.size());
        }
        return COLORS.get((known.size() + fallbackIndex) % COLORS.size());
    }

    /** The n-th colour of the palette, for series that are not runtimes (the flag configurations). */
    static String palette(int index) {
        return COLORS.get(index % COLORS.size());
    }

    /**
     * How a runtime is named to a reader: the reference with its version, "tokio 1.24.2 (Rust
     * reference)", so that no figure of one version is read as another's; the floor as what it is.
     */
    static String label(String runtime, String version) {
        if (runtime.equals(REFERENCE)) {
            return REFERENCE + (version == null ? " (version not recorded)" : " " + version) + " (Rust reference)";
        }
        if (runtime.equals(FLOOR)) {
            return FLOOR + " (floor: one selector, no tasks)";
        }
        return runtime;
    }
}
