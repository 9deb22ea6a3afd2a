package threadmill.bench.raw;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of raw/server.jsonl: one measured window of the steady-state server comparison
 * (connections opened once, then round trips for a fixed time), or a server and connection
 * count that could not be measured ({@code status} failed, {@code window} null, the reason in
 * {@code error}). Appended as soon as the window ends. {@code serverJvmFlags} are the flags the
 * server's JVM was started with, null where no JVM of the suite's served (tokio's, a remote
 * server) or none had started.
 */
public record ServerLine(
        @JsonProperty(required = true) String server, String runtimeVersion, @JsonProperty(required = true) String mode,
        @JsonProperty(required = true) int connections, Integer payloadBytes, Double loadFraction, Double targetRate,
        Integer window, Double seconds, Long requests, Long errors, Double requestsPerSecond, Long serverCpuNanos,
        Double cpuMicrosPerRequest, Double p50Micros, Double p90Micros, Double p99Micros, Double p999Micros,
        Double maxMicros, String serverCpus, String clientCpus, String serverHost, List<String> serverJvmFlags,
        String hgrm, @JsonProperty(required = true) String status, String error) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String CLOSED = "closed";
    public static final String OPEN = "open";
    /** The server name of the neutral single-selector NIO echo loop, the floor row. */
    public static final String FLOOR = "nio";
    /** The server name of tokio's echo server, the native reference row. */
    public static final String TOKIO = "tokio";

    public ServerLine {
        if (!OK.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status must be \"ok\" or \"failed\", was " + quoted(status));
        }
        if (!CLOSED.equals(mode) && !OPEN.equals(mode)) {
            throw new IllegalArgumentException("mode must be \"closed\" or \"open\", was " + quoted(mode));
        }
        if (OK.equals(status) && (window == null || requests == null || seconds == null)) {
            throw new IllegalArgumentException("an ok line is a measured window: window, seconds and requests are set");
        }
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    public boolean ok() {
        return OK.equals(status);
    }

    public boolean open() {
        return OPEN.equals(mode);
    }
}
