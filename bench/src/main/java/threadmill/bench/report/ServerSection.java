package threadmill.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import threadmill.bench.raw.ServerLine;

/**
 * The pinned steady-state server comparison (raw/server.jsonl): per connection count, a table
 * with the floor first (the neutral NIO loop: the same echo with no task abstraction), what
 * each server sustains and what each request costs its CPU, set against the floor and loom;
 * the open loop's latency at each fraction of each server's own maximum; and a latency-vs-load
 * chart.
 */
final class ServerSection {

    /** The runtime every other is set against, beside the floor. */
    static final String LOOM = "loom";

    private ServerSection() {
    }

    /**
     * The headline figures of one server at one connection count, for the findings: each a
     * mean over the windows with its 99.9 % half-width ({@link Value#error()}, NaN for one
     * window); a figure that was not measured is NaN.
     *
     * @param requestsPerSecond the closed-loop maximum
     * @param cpuMicrosPerRequest server CPU (user + system) per request in the closed loop, µs
     * @param cpuToFloor cpuMicrosPerRequest over the floor's ({@value ServerLine#FLOOR})
     * @param cpuToLoom cpuMicrosPerRequest over loom's
     * @param p99At75Micros the open loop's p99 at 75 % of the server's own maximum, µs
     */
    record Finding(String server, int connections, Value requestsPerSecond, Value cpuMicrosPerRequest,
                   Value cpuToFloor, Value cpuToLoom, Value p99At75Micros) {
    }

    /** Every server at every connection count of the run, floor first; empty when the run has no server comparison. */
    static List<Finding> findings(RawRun run) {
        return findings(ServerResults.of(run.server()));
    }

    static List<Finding> findings(ServerResults results) {
        List<Finding> findings = new ArrayList<>();
        for (int connections : results.connectionCounts()) {
            ServerResults.Windows floor = results.closed(ServerLine.FLOOR, connections);
            ServerResults.Windows loom = results.closed(LOOM, connections);
            for (String server : results.servers(connections)) {
                ServerResults.Windows closed = results.closed(server, connections);
                if (closed.isEmpty()) {
                    continue;
                }
                Value cpu = closed.cpuMicrosPerRequest();
                findings.add(new Finding(server, connections, closed.requestsPerSecond(), cpu,
                        results.cpuRatio(closed, floor), results.cpuRatio(closed, loom),
                        results.open(server, connections, ServerResults.QUOTED_FRACTION).p99()));
            }
        }
        return findings;
    }

    static void write(ReportContext ctx) {
        ServerResults results = ServerResults.of(ctx.run.server());
        if (results.isEmpty()) {
            return;
        }
        ctx.md.heading(2, ServerFigures.SECTION);
        ctx.md.paragraph("Each server runs in a process of its own on CPUs of its own, and the neutral load generator "
                + "in a JVM of its own on the others (`taskset`); a JVM so pinned sees only its CPUs, so each runtime "
                + "sizes its workers, carriers or loops to the server's CPUs" + sizing(results) + ". The connections "
                + "are opened once and each "
                + "makes one round trip before anything is measured; after a closed-loop warm-up come fixed-time "
                + "windows: closed loop first (each connection sends its next " + payload(results) + "-byte request when "
                + "its last echo arrived, every echo checked), whose mean rate is the server's maximum, then open loop "
                + "at fixed fractions of that maximum (requests on a schedule fixed in advance, latency from each "
                + "request's intended time). "
                + (results.serversTookTurns() ? "The servers of a connection count run side by side and take turns "
                        + "window by window, each window after a short unrecorded lead-in at its load, so that every "
                        + "server's windows span the same minutes of this shared host and their ratios compare like "
                        + "with like. " : "The servers were measured one after another. ")
                + "Server CPU is the server process's user + system time "
                + "(`/proc/<pid>/stat`, read right before each window and after its last echo), per request. "
                + "**Floor** (`nio`): the neutral NIO echo loop, one selector per server CPU, the same echo with no task "
                + "abstraction. Each figure is the mean over the windows ± the half-width of its 99.9 % Student t "
                + "interval, as a percentage; " + (results.serversTookTurns()
                        ? "a ratio is the mean of the ratios of the windows measured in the same turn, with its own "
                        + "interval, as the host's drift cancels within a turn." : "ratios combine both intervals."));
        for (int connections : results.connectionCounts()) {
            table(ctx, results, connections);
        }
        failures(ctx, results);
        ctx.md.paragraph(layout(results));
    }

    /**
     * The flags beyond the floor's that a server's JVM was started with, where a runtime's own
     * defaults do not follow the processor count: ", and a runtime whose ... (server: flags)" or
     * empty.
     */
    static String sizing(ServerResults results) {
        Set<String> common = new LinkedHashSet<>();
        results.lines().stream().filter(line -> line.server().equals(ServerLine.FLOOR) && line.serverJvmFlags() != null)
                .findFirst().ifPresent(line -> common.addAll(line.serverJvmFlags()));
        if (common.isEmpty()) {
            return "";
        }
        List<String> sized = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ServerLine line : results.lines()) {
            if (line.serverJvmFlags() == null || !seen.add(line.server())) {
                continue;
            }
            List<String> own = line.serverJvmFlags().stream().filter(flag -> !common.contains(flag)).toList();
            if (!own.isEmpty()) {
                sized.add(line.server() + ": `" + String.join(" ", own) + "`");
            }
        }
        return sized.isEmpty() ? "" : ", and a runtime whose own defaults do not follow the processor count is given"
                + " the flags that do so (" + String.join("; ", sized) + "; its runtime's README says why)";
    }

    private static void table(ReportContext ctx, ServerResults results, int connections) {
        ctx.md.heading(3, "Server comparison at " + connections + " connections");
        ServerResults.Windows floor = results.closed(ServerLine.FLOOR, connections);
        ServerResults.Windows loom = results.closed(LOOM, connections);
        List<List<String>> rows = new ArrayList<>();
        for (String server : results.servers(connections)) {
            ServerResults.Windows closed = results.closed(server, connections);
            if (closed.isEmpty()) {
                continue;
            }
            Value cpu = closed.cpuMicrosPerRequest();
            ServerResults.Windows quoted = results.open(server, connections, ServerResults.QUOTED_FRACTION);
            rows.add(List.of(server.equals(ServerLine.FLOOR) ? server + " (floor)" : server,
                    measured(closed.requestsPerSecond()), measured(cpu),
                    server.equals(ServerLine.FLOOR) ? "1" : ratio(results.cpuRatio(closed, floor)),
                    server.equals(LOOM) ? "1" : ratio(results.cpuRatio(closed, loom)),
                    percent(closed.serverCpuBusy()), latency(closed), quoted.isEmpty() ? "not measured" : latency(quoted),
                    Integer.toString(closed.count())));
        }
        if (rows.isEmpty()) {
            ctx.md.paragraph("No server completed a window at " + connections + " connections (see the failures below).");
            return;
        }
        ctx.md.table(List.of("server", "req/s (closed loop)", "server CPU µs/request", "CPU vs floor", "CPU vs loom",
                "server CPU busy", "p50 / p99 closed (µs)", "p50 / p99 at 75 % load (µs)", "windows"), rows);
        openTable(ctx, results, connections);
        chart(ctx, results, connections);
    }

    /** Every open-loop load of every server: asked and achieved rate, latency, CPU per request. */
    private static void openTable(ReportContext ctx, ServerResults results, int connections) {
        List<Double> fractions = results.fractions(connections);
        if (fractions.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (String server : results.servers(connections)) {
            for (double fraction : fractions) {
                ServerResults.Windows open = results.open(server, connections, fraction);
                if (!open.isEmpty()) {
                    rows.add(List.of(server, fractionText(fraction), Fmt.num(open.targetRate().value()),
                            measured(open.requestsPerSecond()), measured(open.p50()), measured(open.p99()),
                            measured(open.cpuMicrosPerRequest()), Integer.toString(open.count())));
                }
            }
        }
        ctx.md.paragraph("Open loop at " + connections + " connections, each load a fraction of the server's own "
                + "closed-loop maximum above:");
        ctx.md.table(List.of("server", "load", "target req/s", "achieved req/s", "p50 (µs)", "p99 (µs)",
                "server CPU µs/request", "windows"), rows);
    }

    private static void chart(ReportContext ctx, ServerResults results, int connections) {
        List<LoadLatencyChart.Line> lines = new ArrayList<>();
        for (String server : results.servers(connections)) {
            List<ServerResults.Windows> loads = new ArrayList<>();
            for (double fraction : results.fractions(connections)) {
                ServerResults.Windows open = results.open(server, connections, fraction);
                if (!open.isEmpty()) {
                    loads.add(open);
                }
            }
            if (!loads.isEmpty()) {
                lines.add(new LoadLatencyChart.Line(server, loads));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        String title = "Open-loop latency vs load, " + connections + " connections";
        ctx.chart("server-latency-vs-load-" + connections, title, new LoadLatencyChart(title, lines).svg());
    }

    private static void failures(ReportContext ctx, ServerResults results) {
        Set<String> seen = new LinkedHashSet<>();
        for (ServerLine line : results.failures()) {
            seen.add(line.server() + " at " + line.connections() + " connections"
                    + (line.window() == null ? "" : ", " + (line.open() ? "open loop at " + fractionText(line.loadFraction())
                    : "closed loop") + " window " + line.window()) + ": " + line.error());
        }
        if (!seen.isEmpty()) {
            ctx.md.paragraph("Not measured or failed:");
            ctx.md.bullets(new ArrayList<>(seen));
        }
    }

    /** The pinning of the run, as its lines record it. */
    private static String layout(ServerResults results) {
        Set<String> layouts = new LinkedHashSet<>();
        for (ServerLine line : results.lines()) {
            String where = line.serverHost() == null ? "" : " on host " + line.serverHost();
            layouts.add(line.serverCpus() == null && line.clientCpus() == null
                    ? "unpinned (taskset missing or fewer than two CPUs online)" + where
                    : "server on CPU " + orUnknown(line.serverCpus()) + where + ", load generator on CPU "
                    + orUnknown(line.clientCpus()));
        }
        return "Pinning: " + String.join("; ", layouts) + ".";
    }

    private static String orUnknown(String cpus) {
        return cpus == null ? "(not pinned)" : cpus;
    }

    private static int payload(ServerResults results) {
        return results.lines().stream().map(ServerLine::payloadBytes).filter(bytes -> bytes != null).findFirst().orElse(0);
    }

    private static String latency(ServerResults.Windows windows) {
        return Fmt.num(windows.p50().value()) + " / " + Fmt.num(windows.p99().value());
    }

    private static String fractionText(double fraction) {
        return Fmt.num(fraction * 100) + " %";
    }

    private static String percent(Value value) {
        return Double.isNaN(value.value()) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", value.value());
    }

    /** {@code mean ± x%}, the mean given to the digits its interval supports; a single window has no ±. */
    static String measured(Value value) {
        if (Double.isNaN(value.value())) {
            return "n/a";
        }
        if (Double.isNaN(value.error())) {
            return Fmt.num(value.value());
        }
        return rounded(value.value(), value.error()) + " ± " + relative(value);
    }

    private static String ratio(Value value) {
        if (Double.isNaN(value.value())) {
            return "n/a";
        }
        String times = String.format(Locale.ROOT, "%.2f×", value.value());
        return Double.isNaN(value.error()) ? times : times + " ± " + relative(value);
    }

    private static String relative(Value value) {
        double percent = 100 * value.relativeError();
        return String.format(Locale.ROOT, percent < 10 ? "%.1f%%" : "%.0f%%", percent);
    }

    /** {@code value} rounded to the place of the second significant digit of {@code error}. */
    static String rounded(double value, double error) {
        if (!(error > 0) || !Double.isFinite(error)) {
            return Fmt.num(value);
        }
        int place = (int) Math.floor(Math.log10(error)) - 1;
        BigDecimal rounded = new BigDecimal(value).setScale(-place, RoundingMode.HALF_EVEN);
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
