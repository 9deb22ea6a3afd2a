package threadmill.harness.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import threadmill.workload.RequestFanOut;
import threadmill.workload.Validate;

/**
 * What the {@link LoadGenerator} sends: {@code connections} connections to {@code target},
 * each doing round trips of {@code payloadBytes}, either {@code requestsPerConnection} of them
 * or for {@code duration} (exactly one of the two is set), after
 * {@code warmupRequestsPerConnection} closed-loop round trips that are not measured.
 *
 * @param mode {@link Mode#CLOSED}: a connection sends its next request when the reply to the
 *        previous one arrived; {@link Mode#OPEN}: requests are due at a constant total rate
 *        of {@code ratePerSecond}, on a schedule fixed in advance
 * @param ratePerSecond requests per second over all connections, OPEN only (0 for CLOSED)
 * @param selectorThreads threads that drive the connections, 1 to {@value #MAX_SELECTOR_THREADS}
 */
public record Load(
        InetSocketAddress target,
        int connections,
        int requestsPerConnection,
        Duration duration,
        int payloadBytes,
        Mode mode,
        double ratePerSecond,
        int warmupRequestsPerConnection,
        int selectorThreads) {

    public static final int MAX_SELECTOR_THREADS = 256;

    /** How the next request of a connection is timed. */
    public enum Mode {
        CLOSED, OPEN;

        /** The name used in raw files: {@code closed} or {@code open}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Load {
        if (target == null) {
            throw new IllegalArgumentException("target must be a host:port, was null");
        }
        Validate.inRange("connections", connections, 1, RequestFanOut.MAX_CONNECTIONS);
        Validate.inRange("payloadBytes", payloadBytes, 1, RequestFanOut.MAX_PAYLOAD_BYTES);
        if (duration == null) {
            Validate.inRange("requestsPerConnection", requestsPerConnection, 1, Integer.MAX_VALUE);
        } else if (requestsPerConnection != 0 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a load runs either requestsPerConnection (was " + requestsPerConnection
                    + ") or a positive duration (was " + duration + "), not both");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be closed or open, was null");
        }
        if (mode == Mode.OPEN && !(ratePerSecond > 0 && Double.isFinite(ratePerSecond))) {
            throw new IllegalArgumentException("an open load needs a positive ratePerSecond, was " + ratePerSecond);
        }
        if (mode == Mode.CLOSED && ratePerSecond != 0) {
            throw new IllegalArgumentException("a closed load sends as fast as replies come, so ratePerSecond must be 0, was " + ratePerSecond);
        }
        Validate.inRange("warmupRequestsPerConnection", warmupRequestsPerConnection, 0, Integer.MAX_VALUE);
        Validate.inRange("selectorThreads", selectorThreads, 1, MAX_SELECTOR_THREADS);
    }

    /** Closed loop: each connection sends its next request as soon as the last reply arrived. */
    public static Load closed(InetSocketAddress target, int connections, int requestsPerConnection, int payloadBytes) {
        return new Load(target, connections, requestsPerConnection, null, payloadBytes, Mode.CLOSED, 0, 0, defaultSelectorThreads());
    }

    /** Open loop: {@code ratePerSecond} requests per second over all connections. */
    public static Load open(InetSocketAddress target, int connections, double ratePerSecond, int requestsPerConnection, int payloadBytes) {
        return new Load(target, connections, requestsPerConnection, null, payloadBytes, Mode.OPEN, ratePerSecond, 0, defaultSelectorThreads());
    }

    /** The same load run for {@code runFor} instead of a number of requests. */
    public Load withDuration(Duration runFor) {
        return new Load(target, connections, 0, runFor, payloadBytes, mode, ratePerSecond, warmupRequestsPerConnection, selectorThreads);
    }

    public Load withWarmup(int requestsPerConnection) {
        return new Load(target, connections, this.requestsPerConnection, duration, payloadBytes, mode, ratePerSecond, requestsPerConnection, selectorThreads);
    }

    public Load withSelectorThreads(int threads) {
        return new Load(target, connections, requestsPerConnection, duration, payloadBytes, mode, ratePerSecond, warmupRequestsPerConnection, threads);
    }

    /** Fewer selector threads than connections would leave threads without work. */
    int effectiveSelectorThreads() {
        return Math.min(selectorThreads, connections);
    }

    static int defaultSelectorThreads() {
        return Math.min(MAX_SELECTOR_THREADS, Runtime.getRuntime().availableProcessors());
    }
}
