package threadmill.bench.report;

import threadmill.bench.raw.ServerLine;

/** One line of raw/server.jsonl ({@link ServerLine}): a measured window of the pinned server comparison. */
record ServerWindow(String server, String runtimeVersion, String mode, Integer connections, Integer payloadBytes,
                    Double loadFraction, Double targetRate, Integer window, Double seconds, Long requests, Long errors,
                    Double requestsPerSecond, Double cpuMicrosPerRequest, Double p50Micros, Double p90Micros,
                    Double p99Micros, Double p999Micros, Double maxMicros, String serverCpus, String clientCpus,
                    String serverHost, boolean ok, String error) {

    static final String CLOSED = "closed";
    static final String OPEN = "open";

    static ServerWindow from(ServerLine line) {
        return new ServerWindow(line.server(), line.runtimeVersion(), line.mode(), line.connections(),
                line.payloadBytes(), line.loadFraction(), line.targetRate(), line.window(), line.seconds(),
                line.requests(), line.errors(), line.requestsPerSecond(), line.cpuMicrosPerRequest(),
                line.p50Micros(), line.p90Micros(), line.p99Micros(), line.p999Micros(), line.maxMicros(),
                line.serverCpus(), line.clientCpus(), line.serverHost(), line.ok(), line.error());
    }
}
