package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of raw/server.jsonl: one measured window of the steady-state server comparison, with
 * the server process pinned to its own CPUs: the round trips of a closed loop, or of an open loop
 * at a fraction of the server's own closed-loop maximum, the server's CPU time over the window
 * and the latency percentiles in microseconds.
 */
public record ServerLine(
        @JsonProperty(required = true) String server, String runtimeVersion, @JsonProperty(required = true) String mode,
        Integer connections, Integer payloadBytes, Double loadFraction, Double targetRate, Integer window,
        Double seconds, Long requests, Long errors, Double requestsPerSecond, Long serverCpuNanos,
        Double cpuMicrosPerRequest, Double p50Micros, Double p90Micros, Double p99Micros, Double p999Micros,
        Double maxMicros, String serverCpus, String clientCpus, String serverHost, String hgrm,
        @JsonProperty(required = true) String status, String error) {

    public static final String OK = "ok";

    public boolean ok() {
        return OK.equals(status);
    }
}
