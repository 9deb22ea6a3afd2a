package threadmill.bench.report;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import threadmill.bench.raw.ServerLine;

/**
 * The figures of the pinned steady-state server comparison that the findings and the headline
 * table quote: per server and connection count, the server's CPU time per request under a
 * closed loop, and the p99 of an open loop at a fraction of the server's own closed-loop
 * maximum. Each is the mean of the measured windows with its 99.9 % interval, the same
 * {@link ServerResults} summary the server section shows in full.
 */
final class ServerFigures {

    /** The heading of the section that shows the comparison in full; the figures link there. */
    static final String SECTION = "Server comparison: steady state, pinned";

    /** The open-loop load the headline quotes: 75 % of each server's own maximum (issue 16). */
    static final double HEADLINE_LOAD = ServerResults.QUOTED_FRACTION;

    private final ServerResults results;

    ServerFigures(ServerResults results) {
        this.results = results;
    }

    boolean isEmpty() {
        return results.lines().stream().noneMatch(ServerLine::ok);
    }

    /** The servers measured, in report order. */
    List<String> servers() {
        return measured().map(ServerLine::server).distinct().sorted(Runtimes::compare).toList();
    }

    /**
     * The connection count the headline quotes: the one with closed-loop windows of the most
     * servers, the larger on a tie (the harder case).
     */
    Optional<Integer> headlineConnections() {
        TreeSet<Integer> counts = new TreeSet<>();
        measured().map(ServerLine::connections).forEach(counts::add);
        Integer best = null;
        long bestServers = 0;
        for (int connections : counts) {
            long servers = measured().filter(line -> !line.open() && line.connections() == connections)
                    .map(ServerLine::server).distinct().count();
            if (servers > 0 && servers >= bestServers) {
                best = connections;
                bestServers = servers;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Server CPU (user + sys) per request under the closed loop, µs. */
    Optional<Figure> cpuMicrosPerRequest(String server, int connections) {
        return figure(results.closed(server, connections).cpuMicrosPerRequest());
    }

    /** p99 of the open loop at {@code loadFraction} of the server's own closed-loop maximum, µs. */
    Optional<Figure> p99Micros(String server, int connections, double loadFraction) {
        return figure(results.open(server, connections, loadFraction).p99());
    }

    /** The server's own version where it is not the JDK's (the reference's), from its windows. */
    Optional<String> version(String server) {
        return results.lines().stream().filter(line -> line.server().equals(server)).map(ServerLine::runtimeVersion)
                .filter(version -> version != null).findFirst();
    }

    private java.util.stream.Stream<ServerLine> measured() {
        return results.lines().stream().filter(ServerLine::ok);
    }

    private static Optional<Figure> figure(Value value) {
        return Double.isFinite(value.value()) ? Optional.of(Figure.ci(value)) : Optional.empty();
    }
}
