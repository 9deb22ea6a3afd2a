package threadmill.bench.report;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The figures of the pinned steady-state server comparison that the findings and the headline
 * table quote: per server and connection count, the server's CPU time per request under a
 * closed loop, and the p99 of an open loop at a fraction of the server's own closed-loop
 * maximum. Each is the mean of the measured windows, ± half their range.
 *
 * <p>Read here from raw/server.jsonl ({@link ServerWindow}); the server section, which shows the
 * comparison in full, owns these figures, and the report takes them from there once it exists.
 */
final class ServerFigures {

    /** The heading of the section that shows the comparison in full; the figures link there. */
    static final String SECTION = "Server: steady state, pinned";

    /** The open-loop load the headline quotes: 75 % of each server's own maximum (issue 16). */
    static final double HEADLINE_LOAD = 0.75;

    private final List<ServerWindow> windows;

    ServerFigures(List<ServerWindow> windows) {
        this.windows = windows.stream().filter(ServerWindow::ok).toList();
    }

    boolean isEmpty() {
        return windows.isEmpty();
    }

    /** The servers measured, in report order. */
    List<String> servers() {
        return windows.stream().map(ServerWindow::server).distinct().sorted(Runtimes::compare).toList();
    }

    /**
     * The connection count the headline quotes: the one with closed-loop windows of the most
     * servers, the larger on a tie (the harder case).
     */
    Optional<Integer> headlineConnections() {
        TreeSet<Integer> counts = new TreeSet<>();
        windows.stream().map(ServerWindow::connections).filter(c -> c != null).forEach(counts::add);
        Integer best = null;
        long bestServers = 0;
        for (int connections : counts) {
            long servers = windows.stream().filter(w -> ServerWindow.CLOSED.equals(w.mode())
                    && Integer.valueOf(connections).equals(w.connections())).map(ServerWindow::server).distinct().count();
            if (servers > 0 && servers >= bestServers) {
                best = connections;
                bestServers = servers;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Server CPU (user + sys) per request under the closed loop, µs. */
    Optional<Figure> cpuMicrosPerRequest(String server, int connections) {
        return figure(windows.stream().filter(w -> w.server().equals(server) && ServerWindow.CLOSED.equals(w.mode())
                && Integer.valueOf(connections).equals(w.connections())).map(ServerWindow::cpuMicrosPerRequest).toList());
    }

    /** p99 of the open loop at {@code loadFraction} of the server's own closed-loop maximum, µs. */
    Optional<Figure> p99Micros(String server, int connections, double loadFraction) {
        return figure(windows.stream().filter(w -> w.server().equals(server) && ServerWindow.OPEN.equals(w.mode())
                && Integer.valueOf(connections).equals(w.connections()) && w.loadFraction() != null
                && Math.abs(w.loadFraction() - loadFraction) < 1e-9).map(ServerWindow::p99Micros).toList());
    }

    /** The server's own version where it is not the JDK's (the reference's), from its windows. */
    Optional<String> version(String server) {
        return windows.stream().filter(w -> w.server().equals(server)).map(ServerWindow::runtimeVersion)
                .filter(v -> v != null).findFirst();
    }

    private static Optional<Figure> figure(List<Double> values) {
        List<Double> measured = values.stream().filter(v -> v != null && Double.isFinite(v)).toList();
        return measured.isEmpty() ? Optional.empty() : Optional.of(Figure.spread(measured, "µs"));
    }
}
