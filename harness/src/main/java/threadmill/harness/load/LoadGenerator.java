package threadmill.harness.load;

import java.io.IOException;
import org.HdrHistogram.Histogram;
import threadmill.harness.CommandLine;
import threadmill.workload.ResourceLimitException;

/**
 * The load generator that drives every runtime's echo server the same way: non-blocking NIO
 * on a few selector threads (one per core by default), so that 10,000 connections need no
 * 10,000 threads and the client side is identical whichever runtime serves.
 *
 * <p>A run connects every connection first, then does the closed-loop warm-up, then starts
 * the clock for the measured phase; every echoed byte is checked against {@code Payloads}.
 * Latency is measured so that coordinated omission is corrected: in the open loop from each
 * request's intended send time, in the closed loop with HdrHistogram's expected-interval
 * correction (the warm-up median round trip as the interval; no correction without warm-up).
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /**
     * Runs {@code load} to the end: a {@link LoadSession} that connects, warms up and measures
     * once. The result's errors count every connection that failed, in the warm-up too.
     *
     * @throws ResourceLimitException before opening anything when {@code ulimit -n} cannot hold
     *         that many connections
     * @throws IOException naming the target when a connection cannot be opened
     */
    public static LoadResult run(Load load) throws IOException, InterruptedException {
        try (LoadSession session = LoadSession.connect(load)) {
            long expectedInterval = 0;
            if (load.warmupRequestsPerConnection() > 0) {
                Histogram warmUp = session.warmUp(load.warmupRequestsPerConnection());
                expectedInterval = load.mode() == Load.Mode.CLOSED ? warmUp.getValueAtPercentile(50) : 0;
            }
            LoadResult measured = session.measure(load, expectedInterval);
            return new LoadResult(measured.requests(), measured.bytes(), measured.wallNanos(),
                    measured.requestsPerSecond(), session.failedConnections(), session.firstFailure(),
                    measured.latencyNanos());
        }
    }

    /**
     * {@code host:port --connections C (--requests R | --duration D) --payload P
     * [--mode closed|open] [--rate R] [--warmup W] [--selectors S]}: runs the load and prints
     * the {@link LoadResult} as one JSON line.
     */
    public static void main(String[] args) throws InterruptedException {
        String usage = "LoadGenerator host:port --connections C (--requests R | --duration 10s) --payload P"
                + " [--mode closed|open] [--rate R] [--warmup W] [--selectors S]";
        Load load;
        try {
            load = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + usage);
            System.exit(2);
            return;
        }
        try {
            System.out.println(run(load).toJson());
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static Load parse(String[] args) {
        CommandLine line = new CommandLine(args, "connections", "requests", "duration", "payload", "mode", "rate", "warmup", "selectors");
        if (line.positionals() != 1) {
            throw new IllegalArgumentException("expected one target host:port, got " + line.positionals());
        }
        String mode = line.text("mode", "closed");
        Load.Mode parsedMode = switch (mode) {
            case "closed" -> Load.Mode.CLOSED;
            case "open" -> Load.Mode.OPEN;
            default -> throw new IllegalArgumentException("--mode must be closed or open, was '" + mode + "'");
        };
        return new Load(
                CommandLine.address(line.positional(0, null)),
                line.integer("connections", 0),
                line.integer("requests", 0),
                line.duration("duration"),
                line.integer("payload", 0),
                parsedMode,
                line.decimal("rate", 0),
                line.integer("warmup", 0),
                line.integer("selectors", Load.defaultSelectorThreads()));
    }
}
