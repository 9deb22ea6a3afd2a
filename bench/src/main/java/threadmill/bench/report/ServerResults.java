package threadmill.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openjdk.jmh.util.ListStatistics;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.JsonLines;
import threadmill.harness.server.CpuSet;
import threadmill.workload.TaskRuntimes;

/**
 * raw/server.jsonl, read strictly, and its windows summarised per server, connection count
 * and load: each figure the mean over the windows with the half-width of its 99.9 % Student t
 * interval (JMH's statistics, as for every JMH score), so a window is what an iteration is to
 * JMH.
 */
final class ServerResults {

    /** The confidence level of every interval, JMH's. */
    static final double CONFIDENCE = 0.999;
    /** The load fraction whose open-loop latency the tables and findings quote. */
    static final double QUOTED_FRACTION = 0.75;

    private final List<ServerLine> lines;

    private final boolean tookTurns;

    private ServerResults(List<ServerLine> lines) {
        this.lines = List.copyOf(lines);
        this.tookTurns = tookTurns(this.lines);
    }

    /** The lines of raw/server.jsonl, as RawRun read them. */
    static ServerResults of(List<ServerLine> lines) {
        return new ServerResults(lines);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<ServerLine> lines() {
        return lines;
    }

    /** The connection counts, ascending. */
    List<Integer> connectionCounts() {
        return lines.stream().map(ServerLine::connections).distinct().sorted().toList();
    }

    /** The servers at a connection count: the floor first, the registry's runtimes in its order, tokio, then others. */
    List<String> servers(int connections) {
        return lines.stream().filter(line -> line.connections() == connections).map(ServerLine::server).distinct()
                .sorted(Comparator.comparingInt(ServerResults::rank).thenComparing(Function.identity())).toList();
    }

    private static int rank(String server) {
        if (server.equals(ServerLine.FLOOR)) {
            return -1;
        }
        int known = TaskRuntimes.names().indexOf(server);
        if (known >= 0) {
            return known;
        }
        return server.equals(ServerLine.TOKIO) ? 1000 : 1001;
    }

    /** The load fractions of the open loop, ascending. */
    List<Double> fractions(int connections) {
        return new ArrayList<>(new TreeSet<>(lines.stream()
                .filter(line -> line.connections() == connections && line.loadFraction() != null)
                .map(ServerLine::loadFraction).toList()));
    }

    /** The measured closed-loop windows of one server at one connection count. */
    Windows closed(String server, int connections) {
        return windows(line -> line.server().equals(server) && line.connections() == connections && !line.open());
    }

    /** The measured open-loop windows of one server at one connection count and load fraction. */
    Windows open(String server, int connections, double fraction) {
        return windows(line -> line.server().equals(server) && line.connections() == connections && line.open()
                && line.loadFraction() != null && line.loadFraction() == fraction);
    }

    private Windows windows(Predicate<ServerLine> which) {
        return new Windows(lines.stream().filter(ServerLine::ok).filter(which).toList());
    }

    /**
     * True when the servers took turns window by window (the comparison since it interleaves
     * them): at some connection count, the closed-loop windows in the order written change
     * server more often than servers measured one after another would.
     */
    boolean serversTookTurns() {
        return tookTurns;
    }

    private static boolean tookTurns(List<ServerLine> lines) {
        for (int connections : lines.stream().map(ServerLine::connections).distinct().toList()) {
            List<String> order = lines.stream().filter(ServerLine::ok)
                    .filter(line -> line.connections() == connections && !line.open()).map(ServerLine::server).toList();
            int changes = 0;
            for (int i = 1; i < order.size(); i++) {
                if (!order.get(i).equals(order.get(i - 1))) {
                    changes++;
                }
            }
            if (changes > order.stream().distinct().count() - 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Server CPU per request of {@code a} over {@code b}. Where the servers took turns, window
     * by window: the mean of the ratios of the windows measured in the same turn (same window
     * number), with the 99.9 % interval of that mean, since both windows of a pair saw the same
     * minutes of the host and its drift cancels in their ratio. Otherwise, or with fewer than
     * two pairs, the ratio of the two means with their intervals combined as independent.
     */
    Value cpuRatio(Windows a, Windows b) {
        if (tookTurns) {
            Map<Integer, Double> theirs = new HashMap<>();
            for (ServerLine line : b.lines()) {
                if (line.cpuMicrosPerRequest() != null) {
                    theirs.put(line.window(), line.cpuMicrosPerRequest());
                }
            }
            double[] ratios = a.lines().stream().filter(line -> line.cpuMicrosPerRequest() != null)
                    .filter(line -> theirs.containsKey(line.window()))
                    .mapToDouble(line -> line.cpuMicrosPerRequest() / theirs.get(line.window())).toArray();
            if (ratios.length > 1) {
                ListStatistics statistics = new ListStatistics(ratios);
                return new Value(statistics.getMean(), statistics.getMeanErrorAt(CONFIDENCE), "×");
            }
        }
        return ratio(a.cpuMicrosPerRequest(), b.cpuMicrosPerRequest());
    }

    /** The lines of points or windows that failed, in the order written. */
    List<ServerLine> failures() {
        return lines.stream().filter(line -> !line.ok()).toList();
    }

    /** Some windows of one load, summarised. */
    record Windows(List<ServerLine> lines) {

        boolean isEmpty() {
            return lines.isEmpty();
        }

        int count() {
            return lines.size();
        }

        Value requestsPerSecond() {
            return mean(ServerLine::requestsPerSecond, "req/s");
        }

        /** Server CPU per request: the mean of the windows' own ratios. */
        Value cpuMicrosPerRequest() {
            return mean(ServerLine::cpuMicrosPerRequest, "µs");
        }

        Value p50() {
            return mean(ServerLine::p50Micros, "µs");
        }

        Value p99() {
            return mean(ServerLine::p99Micros, "µs");
        }

        Value targetRate() {
            return mean(ServerLine::targetRate, "req/s");
        }

        /**
         * The share of the server's CPUs it kept busy: CPU time over window length times its
         * CPU count (from the line's CPU list; NaN when it ran unpinned). Near 100 % the server
         * was the bottleneck; well below, the load generator or the network was.
         */
        Value serverCpuBusy() {
            return mean(line -> {
                if (line.serverCpuNanos() == null || line.serverCpus() == null || line.seconds() == null) {
                    return null;
                }
                return 100.0 * line.serverCpuNanos() / (line.seconds() * 1e9 * CpuSet.parse(line.serverCpus()).count());
            }, "%");
        }

        /** The mean over the windows that have the figure, with its 99.9 % half-width (NaN for one window). */
        private Value mean(Function<ServerLine, Double> figure, String unit) {
            double[] values = lines.stream().map(figure).filter(value -> value != null && Double.isFinite(value))
                    .mapToDouble(Double::doubleValue).toArray();
            if (values.length == 0) {
                return new Value(Double.NaN, Double.NaN, unit);
            }
            ListStatistics statistics = new ListStatistics(values);
            double error = values.length > 1 ? statistics.getMeanErrorAt(CONFIDENCE) : Double.NaN;
            return new Value(statistics.getMean(), error, unit);
        }
    }

    /**
     * {@code a / b} with the relative half-widths combined as for independent estimates
     * (root of the sum of squares), NaN error when either has none.
     */
    static Value ratio(Value a, Value b) {
        double value = a.value() / b.value();
        double error = Math.abs(value) * Math.hypot(a.relativeError(), b.relativeError());
        return new Value(value, error, "×");
    }
}
