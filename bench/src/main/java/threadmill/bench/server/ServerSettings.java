package threadmill.bench.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.server.CpuLayout;
import threadmill.workload.RequestFanOut;
import threadmill.workload.TaskRuntimes;
import threadmill.workload.Validate;

/**
 * What the server comparison measures and for how long; the stage's time is a function of
 * these alone ({@link ServerComparison#estimate()}), so a suite fits it to its budget.
 *
 * @param servers the rows: runtime names of the registry, {@value ServerLine#FLOOR} (the
 *        neutral NIO loop, the floor) and {@value ServerLine#TOKIO} (the native reference)
 * @param connections the connection counts, each measured on every server
 * @param payloadBytes bytes per request
 * @param warmup closed-loop round trips after connecting, before the first window, not recorded
 *        (the JIT, the collector's sizing, the connections' buffers settle)
 * @param window the length of every measured window
 * @param closedWindows closed-loop windows per server and connection count: the maximum the
 *        open loop's fractions refer to is their mean, and their spread is its interval
 * @param openWindows open-loop windows per load fraction
 * @param fractions the open loop's rates, as fractions of the server's own closed-loop maximum
 * @param serverCpus the server's CPU list, or {@value CpuLayout#AUTO}
 * @param clientCpus the load generator's CPU list, or {@value CpuLayout#AUTO}
 * @param tokio the tokio reference's {@code build.sh} or binary; null leaves tokio not run
 */
public record ServerSettings(List<String> servers, List<Integer> connections, int payloadBytes, Duration warmup,
                             Duration window, int closedWindows, int openWindows, List<Double> fractions,
                             String serverCpus, String clientCpus, Path tokio) {

    public static final int DEFAULT_PAYLOAD_BYTES = 128;
    /** Shortest window: below it, the server's CPU time (read in clock ticks) is too coarse. */
    public static final Duration MIN_WINDOW = Duration.ofMillis(100);
    public static final Duration MAX_WINDOW = Duration.ofMinutes(10);

    public ServerSettings {
        servers = List.copyOf(servers);
        connections = List.copyOf(connections);
        fractions = List.copyOf(fractions);
        if (servers.isEmpty() || connections.isEmpty()) {
            throw new IllegalArgumentException("the server comparison needs at least one server and one connection count");
        }
        servers.forEach(ServerSettings::checkServer);
        connections.forEach(count -> Validate.inRange("connections", count, 1, RequestFanOut.MAX_CONNECTIONS));
        Validate.inRange("payloadBytes", payloadBytes, 1, RequestFanOut.MAX_PAYLOAD_BYTES);
        Validate.notNegative("warmup", warmup);
        if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be from " + MIN_WINDOW.toMillis() + " ms to "
                    + MAX_WINDOW.toMinutes() + " min, was " + window);
        }
        Validate.inRange("closedWindows", closedWindows, 1, 1000);
        Validate.inRange("openWindows", openWindows, 0, 1000);
        for (double fraction : fractions) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("a load fraction must be above 0 and at most 1 (of the closed-loop"
                        + " maximum), was " + fraction);
            }
        }
    }

    /** Every server name a row may have: the floor, the registry's runtimes, tokio. */
    public static List<String> knownServers() {
        List<String> known = new ArrayList<>();
        known.add(ServerLine.FLOOR);
        known.addAll(TaskRuntimes.names());
        known.add(ServerLine.TOKIO);
        return known;
    }

    /** The floor first, then {@code runtimes} in their order, then tokio. */
    public static List<String> rows(List<String> runtimes) {
        List<String> rows = new ArrayList<>();
        rows.add(ServerLine.FLOOR);
        rows.addAll(runtimes);
        rows.add(ServerLine.TOKIO);
        return rows;
    }

    private static void checkServer(String server) {
        if (!knownServers().contains(server)) {
            throw new IllegalArgumentException("unknown server '" + server + "'; known servers: "
                    + String.join(", ", knownServers()));
        }
    }

    /**
     * The smoke suite's: every row at 10 connections for a moment, to see that each starts,
     * serves and writes its lines.
     */
    public static ServerSettings smoke(List<String> runtimes, Path tokio) {
        return new ServerSettings(rows(runtimes), List.of(10), DEFAULT_PAYLOAD_BYTES, Duration.ofMillis(300),
                Duration.ofMillis(300), 2, 1, List.of(0.5), CpuLayout.AUTO, CpuLayout.AUTO, tokio);
    }

    /**
     * The quick suite's: 1,000 connections, a 2-s warm-up, sixteen closed-loop windows of
     * 500 ms and six at 75 % of each server's maximum. A figure's interval is Student t at
     * 99.9 % over its windows, and on a shared host the windows' CPU per request drifts over
     * seconds, so a window half as long spreads hardly more: sixteen half-second windows give
     * t = 4.1 where seven of a second gave 6.0, for about the same time. The warm-up is longer
     * than a second because the coroutines' server is still compiling after one.
     */
    public static ServerSettings quick(List<String> runtimes, Path tokio) {
        return new ServerSettings(rows(runtimes), List.of(1_000), DEFAULT_PAYLOAD_BYTES, Duration.ofSeconds(2),
                Duration.ofMillis(500), 16, 6, List.of(0.75), CpuLayout.AUTO, CpuLayout.AUTO, tokio);
    }

    /**
     * The full suite's: 1,000 and 10,000 connections after a 3-s warm-up, twenty closed-loop
     * windows of 500 ms, twelve at each of 50, 75 and 90 % of the maximum (below half the
     * maximum, latency is what it is at half). Many short windows, as in the quick suite; more
     * open ones than closed ones per load would be too many, but twelve because a window's p99
     * is set by the few host stalls that fall inside it, so the windows' p99s spread far wider
     * than their CPU per request, and the mean of many outvotes one stalled window.
     */
    public static ServerSettings full(List<String> runtimes, Path tokio) {
        return new ServerSettings(rows(runtimes), List.of(1_000, 10_000), DEFAULT_PAYLOAD_BYTES, Duration.ofSeconds(3),
                Duration.ofMillis(500), 20, 12, List.of(0.5, 0.75, 0.9), CpuLayout.AUTO, CpuLayout.AUTO, tokio);
    }

    /** The same settings with the CPU lists given (each a list or {@value CpuLayout#AUTO}). */
    public ServerSettings withCpus(String server, String client) {
        return new ServerSettings(servers, connections, payloadBytes, warmup, window, closedWindows, openWindows,
                fractions, server, client, tokio);
    }
}
