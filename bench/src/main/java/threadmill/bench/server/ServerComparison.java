package threadmill.bench.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.HdrHistogram.Histogram;
import threadmill.bench.raw.FailureLine;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.RunEnvironment;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.CommandLine;
import threadmill.harness.load.LoadResult;
import threadmill.harness.load.SteadyLoad;
import threadmill.harness.load.SteadyLoadProcess;
import threadmill.harness.server.CpuLayout;
import threadmill.harness.server.CpuSet;
import threadmill.workload.OsLimits;
import threadmill.workload.Sockets;
import threadmill.workload.TaskRuntimes;

/**
 * The steady-state server comparison: each server in a process of its own on the server's
 * CPUs, driven by the neutral load generator in a JVM of its own on the other CPUs
 * ({@link CpuLayout}), so that what the server costs is its own CPU time and nothing else's.
 * For every connection count and every server:
 * <ol>
 * <li>the connections are opened once, and each makes one round trip, so that every one has
 *     been accepted and served before anything counts;</li>
 * <li>closed-loop round trips for the warm-up, not recorded;</li>
 * <li>closed-loop windows: each connection sends its next request when its last echo came;
 *     the mean of their rates is the server's maximum;</li>
 * <li>open-loop windows at fixed fractions of that maximum, on a schedule fixed in advance,
 *     latency counted from each request's intended time (coordinated omission corrected).</li>
 * </ol>
 * The servers of one connection count run side by side and take turns window by window, each
 * window after a short unrecorded lead-in at its load ({@link #run} says why).
 * Every window is one raw/server.jsonl line ({@link ServerLine}): requests, errors, rate,
 * latency percentiles (and the histogram as .hgrm), and the server process's user plus system
 * CPU over exactly the window ({@code /proc/<pid>/stat}, read by the load generator right
 * before the window's first request and after its last echo), hence CPU per request.
 *
 * <p>A point that cannot run says so at once, as a failed line with the reason: a server
 * that serves fewer connections at once than asked (a fixed pool), more connections than
 * {@code ulimit -n} or the local port range allows, tokio without its binary. A window with a
 * failed connection fails, and ends its point: later windows would run on fewer connections.
 *
 * <p>As a main it runs the comparison by itself, or only its load side against a server on
 * another host ({@code --target}); see bench/BENCHMARKS.md.
 */
public final class ServerComparison {

    /**
     * The load generator's JVM flags: a fixed heap and G1, like the servers'; no pre-touch, as
     * its pages are its own CPU's cost, not the server's.
     */
    static final List<String> LOAD_JVM_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC");
    /** Descriptors a process needs beside its connections: the JVM's jars, pipes, selectors, the listener. */
    static final int DESCRIPTOR_MARGIN = 128;
    /**
     * Start-up and end of a point beyond its warm-up and windows: the server JVM (pre-touching
     * its heap), the load generator's JVM, stopping both (a closed-loop point of the suite's
     * log took this much over them).
     */
    private static final Duration POINT_START = Duration.ofSeconds(3);
    /** Connecting and the first round trip, per connection. */
    private static final Duration PER_CONNECTION = Duration.ofNanos(200_000);
    private static final Duration PER_WINDOW = Duration.ofMillis(100);
    /**
     * Open-loop load run before the first open window, not recorded, in windows of
     * {@link #SETTLE_WINDOW}: the load generator's open-loop path (requests held to their due
     * time) is code its closed loop never ran, and so is the end of an open window. Settled in
     * one piece, the generator's event loop was compiled for the middle of a window only; the
     * first window's end deoptimised it, and the first measured window ran it less optimised,
     * too slow for the schedule at the fastest servers' rates, so its p99 was the generator's.
     * Three short settle windows let every part of a window, its end included, compile before
     * anything counts.
     */
    private static final Duration OPEN_SETTLE = Duration.ofMillis(1200);
    private static final Duration SETTLE_WINDOW = Duration.ofMillis(400);
    /**
     * Load run right before each window, at the window's rate, not recorded: the servers take
     * turns ({@link #run}), so a window starts after the server and its load generator sat idle
     * through the other servers' windows, with their caches holding others' data and, in the
     * open loop, nothing yet queued. The lead-in brings back the steady state the window is to
     * measure; a longer one costs every window its length. A closed loop is at full load from
     * its first round trip; an open loop needs time for every connection's schedule to have
     * started (with many connections each sends only every so often), so it gets twice as long.
     */
    private static final Duration CLOSED_LEAD_IN = Duration.ofMillis(100);
    private static final Duration OPEN_LEAD_IN = Duration.ofMillis(200);
    /** A first build of the tokio reference: tokio and its dependencies. */
    private static final Duration TOKIO_BUILD = Duration.ofSeconds(45);
    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private final ServerSettings settings;
    private final CpuLayout layout;
    private final InetSocketAddress remote;
    private final List<String> clientLauncher;
    private final String clientCpus;

    private ServerComparison(ServerSettings settings, CpuLayout layout, InetSocketAddress remote,
                             List<String> clientLauncher, String clientCpus) {
        this.settings = settings;
        this.layout = layout;
        this.remote = remote;
        this.clientLauncher = clientLauncher;
        this.clientCpus = clientCpus;
    }

    /**
     * Servers and load generator on this host, pinned as the settings' CPU lists say.
     *
     * @throws IllegalArgumentException naming a CPU list that cannot be read, is not online or overlaps the other
     */
    public static ServerComparison local(ServerSettings settings) {
        return local(settings, CpuLayout.choose(settings.serverCpus(), settings.clientCpus()));
    }

    /** Servers and load generator on this host, in the layout given. */
    static ServerComparison local(ServerSettings settings, CpuLayout layout) {
        return new ServerComparison(settings, layout, null, layout.clientLauncher(),
                layout.pinned() ? layout.clientCpus().toString() : null);
    }

    /** The system properties that give a suite's CPU lists, each a list or {@value CpuLayout#AUTO}. */
    public static final String SERVER_CPUS_PROPERTY = "suite.server.cpus";
    public static final String CLIENT_CPUS_PROPERTY = "suite.client.cpus";

    /**
     * A suite's comparison: the settings of its size ({@code smoke}, {@code quick} or
     * {@code full}) for {@code runtimes}, the CPU lists of {@value #SERVER_CPUS_PROPERTY} and
     * {@value #CLIENT_CPUS_PROPERTY}, tokio from {@code reference/tokio/build.sh} under
     * {@code threadmill.repo.root}.
     *
     * @throws IllegalArgumentException naming a CPU list that cannot be used
     */
    public static ServerComparison forSuite(String suite, List<String> runtimes) {
        Path tokio = defaultTokio();
        ServerSettings settings = switch (suite) {
            case "smoke" -> ServerSettings.smoke(runtimes, tokio);
            case "full" -> ServerSettings.full(runtimes, tokio);
            default -> ServerSettings.quick(runtimes, tokio);
        };
        return local(settings.withCpus(System.getProperty(SERVER_CPUS_PROPERTY, CpuLayout.AUTO),
                System.getProperty(CLIENT_CPUS_PROPERTY, CpuLayout.AUTO)));
    }

    /** {@code reference/tokio/build.sh} under {@code threadmill.repo.root}: builds the tokio reference where it can. */
    static Path defaultTokio() {
        return Path.of(System.getProperty("threadmill.repo.root", "."), "reference", "tokio", "build.sh");
    }

    /**
     * Only the load side, against a server someone started on {@code target} (another host):
     * the settings name that one server; the load generator runs on the client CPU list when
     * one is given, else unpinned; the server's CPU is not known here.
     */
    public static ServerComparison remote(ServerSettings settings, InetSocketAddress target) {
        if (settings.servers().size() != 1) {
            throw new IllegalArgumentException("against --target, name the one server that runs there with --servers,"
                    + " was " + String.join(",", settings.servers()));
        }
        boolean pinned = !CpuLayout.AUTO.equals(settings.clientCpus());
        String cpus = pinned ? CpuSet.parse(settings.clientCpus()).toString() : null;
        return new ServerComparison(settings, null, target, pinned ? List.of("taskset", "-c", cpus) : List.of(), cpus);
    }

    /** How many CPUs each server process has (every CPU when it runs unpinned); 0 for a remote server. */
    int serverCpuCount() {
        return layout == null ? 0 : layout.serverCpuCount();
    }

    /** What env.json records of the layout: the CPU lists, null when unpinned. */
    public RunEnvironment.Pinning pinning() {
        if (layout == null) {
            return new RunEnvironment.Pinning(null, clientCpus, null);
        }
        return new RunEnvironment.Pinning(layout.pinned() ? layout.serverCpus().toString() : null, clientCpus,
                layout.onlineCpus() == null ? null : layout.onlineCpus().toString());
    }

    /** The JVM flags of the server processes and of the load generator, for env.json's jvmFlags. */
    public static Map<String, List<String>> jvmFlags() {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        flags.put("server", EchoServerProcess.jvmFlags());
        flags.put("serverLoad", LOAD_JVM_FLAGS);
        return flags;
    }

    /** One server at one connection count; {@code notRun} says why it will not run, or is null. */
    public record Point(String server, int connections, String notRun) {
    }

    /** Every point in the order they run: each connection count, every server at it. */
    public List<Point> plan() {
        List<Point> points = new ArrayList<>();
        for (int connections : settings.connections()) {
            for (String server : settings.servers()) {
                points.add(new Point(server, connections, notRun(server, connections)));
            }
        }
        return points;
    }

    /** The stage's time: every point that runs, its start, connections, warm-up and windows. */
    public Duration estimate() {
        Duration total = Duration.ZERO;
        for (Point point : plan()) {
            if (point.notRun() == null) {
                total = total.plus(closedEstimate(point)).plus(openEstimate().multipliedBy(openLoads()));
            }
        }
        Path tokio = settings.tokio();
        if (remote == null && settings.servers().contains(ServerLine.TOKIO) && tokio != null
                && tokio.toString().endsWith(".sh") && !Files.exists(tokio.toAbsolutePath().getParent()
                .resolve("target/release/tokio-reference"))) {
            total = total.plus(TOKIO_BUILD);
        }
        return total;
    }

    /**
     * The results the stage reports to the progress: a point that cannot run is one; a point
     * that runs is its closed loop and each open-loop load.
     */
    public int progressPoints() {
        return plan().stream().mapToInt(point -> point.notRun() == null ? 1 + openLoads() : 1).sum();
    }

    /** The open-loop loads a point measures after its closed loop. */
    private int openLoads() {
        return settings.openWindows() == 0 ? 0 : settings.fractions().size();
    }

    /** A point's start, connections, warm-up and closed-loop windows, and the open loop's settle. */
    private Duration closedEstimate(Point point) {
        return POINT_START.plus(PER_CONNECTION.multipliedBy(point.connections())).plus(settings.warmup())
                .plus(settings.window().plus(CLOSED_LEAD_IN).plus(PER_WINDOW).multipliedBy(settings.closedWindows()))
                .plus(openLoads() > 0 ? OPEN_SETTLE : Duration.ZERO);
    }

    /** The windows of one open-loop load. */
    private Duration openEstimate() {
        return settings.window().plus(OPEN_LEAD_IN).plus(PER_WINDOW).multipliedBy(settings.openWindows());
    }

    /** Why a point cannot run, from what is known before it starts; null when it can. */
    private String notRun(String server, int connections) {
        if (TaskRuntimes.known(server)) {
            OptionalInt bound = TaskRuntimes.provider(server).maxConcurrentTasks();
            if (bound.isPresent() && bound.getAsInt() < connections && remote == null) {
                return "not run: the " + server + " server serves at most " + bound.getAsInt() + " connections at once ("
                        + TaskRuntimes.provider(server).description() + "), so " + (connections - bound.getAsInt())
                        + " of the " + connections + " would wait unserved";
            }
        }
        OsLimits limits = OsLimits.current();
        Long maxOpenFiles = limits.maxOpenFiles();
        if (maxOpenFiles != null && maxOpenFiles != OsLimits.UNLIMITED && connections + DESCRIPTOR_MARGIN > maxOpenFiles) {
            return "not run: " + connections + " connections need " + connections + " descriptors in the server process and "
                    + connections + " in the load generator's, each process within its own limit, plus about "
                    + DESCRIPTOR_MARGIN + " each for the JVM; ulimit -n is " + maxOpenFiles + " (" + limits.describe() + ")";
        }
        Integer ports = localPorts();
        if (ports != null && connections > ports) {
            return "not run: " + connections + " connections from one address to one server need as many local ports,"
                    + " and net.ipv4.ip_local_port_range gives " + ports;
        }
        return null;
    }

    /** How many ephemeral ports the kernel hands out; null when unknown. */
    private static Integer localPorts() {
        try {
            String[] range = Files.readString(PORT_RANGE, StandardCharsets.US_ASCII).trim().split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs every point, appending each window's line to raw/server.jsonl as soon as it is
     * measured; a point that fails is a failed line and the stage goes on without it.
     *
     * <p>At each connection count, every server that can run is started (each with its own load
     * generator, its connections open and warmed up), and then they take turns window by window:
     * the first closed-loop window of each, then the second of each, and so on, then the same
     * for each open-loop load. This host is shared: what a request costs the kernel (most of an
     * echo's CPU) drifts over minutes by more than the servers differ, and servers measured one
     * after another would each carry the drift of their own minutes. Taking turns gives every
     * server windows spread over the same minutes, so the ratios between them (to the floor, to
     * loom) are measured in the same conditions. While one pair runs, the others wait idle: no
     * requests, so no CPU beyond the JVMs' occasional housekeeping, which is not the measured
     * process's.
     */
    public void run(RawDir raw, Progress progress) throws InterruptedException {
        System.out.println("server comparison: " + (layout != null ? layout.describe()
                : "load side only, against " + Sockets.format(remote) + (clientCpus == null ? " (unpinned)" : " on CPU " + clientCpus)));
        TokioBinary tokio = remote == null && settings.servers().contains(ServerLine.TOKIO)
                ? TokioBinary.locate(settings.tokio()) : TokioBinary.locate(null);
        for (int connections : settings.connections()) {
            List<PointRun> runs = new ArrayList<>();
            for (Point point : plan()) {
                if (point.connections() == connections) {
                    runs.add(new PointRun(point, raw, progress, tokio));
                }
            }
            try {
                takeTurns(runs, progress);
            } finally {
                runs.forEach(PointRun::close);
            }
        }
    }

    /**
     * The points of one connection count: those that cannot run recorded as failed first (so
     * their lines come at once and take none of the others' start-up time in the log), the rest
     * started one by one, then measured window by window in turn.
     */
    private void takeTurns(List<PointRun> runs, Progress progress) throws InterruptedException {
        List<PointRun> startable = new ArrayList<>();
        for (PointRun run : runs) {
            if (run.notRun() != null) {
                run.recordNotRun();
            } else {
                startable.add(run);
            }
        }
        List<PointRun> live = new ArrayList<>();
        for (PointRun run : startable) {
            if (run.start()) {
                live.add(run);
            }
        }
        for (int window = 0; window < settings.closedWindows(); window++) {
            for (PointRun run : List.copyOf(live)) {
                if (!run.window(null, window)) {
                    live.remove(run);
                }
            }
        }
        endLoad(live, null, progress);
        if (settings.openWindows() == 0) {
            return;
        }
        for (PointRun run : List.copyOf(live)) {
            if (!run.settleOpen()) {
                live.remove(run);
            }
        }
        for (double fraction : settings.fractions()) {
            for (int window = 0; window < settings.openWindows(); window++) {
                for (PointRun run : List.copyOf(live)) {
                    if (!run.window(fraction, window)) {
                        live.remove(run);
                    }
                }
            }
            endLoad(live, fraction, progress);
        }
    }

    /** Every live point has measured the load: each reports it, as points measured together. */
    private static void endLoad(List<PointRun> live, Double fraction, Progress progress) {
        progress.together(live.size());
        live.forEach(run -> run.endLoad(fraction));
    }

    /**
     * One point: its server, its load generator, its windows. It runs until a window or its
     * start fails, which writes the failed line, reports the loads it will not measure and
     * closes it.
     */
    private final class PointRun {
        private final Point point;
        private final RawDir raw;
        private final Progress progress;
        private final TokioBinary tokio;
        private final String version;
        private EchoServerProcess server;
        private SteadyLoadProcess load;
        /** The closed-loop maximum, the mean rate of the closed windows; the open loads are fractions of it. */
        private double maximum;
        private final List<ServerLine> closedWindows = new ArrayList<>();
        /** The ok windows of the load being measured. */
        private final List<ServerLine> current = new ArrayList<>();
        /** Loads reported to the progress so far: the closed loop, then each open-loop load. */
        private int reported;

        PointRun(Point point, RawDir raw, Progress progress, TokioBinary tokio) {
            this.point = point;
            this.raw = raw;
            this.progress = progress;
            this.tokio = tokio;
            this.version = EchoServerProcess.runtimeVersion(point.server(), tokio);
        }

        /** Why the point cannot run, known before it starts (its plan's reason, or no tokio binary); null when it can. */
        String notRun() {
            if (point.notRun() != null) {
                return point.notRun();
            }
            return point.server().equals(ServerLine.TOKIO) && remote == null && !tokio.available() ? tokio.notRun() : null;
        }

        /** Records the point as failed with {@link #notRun()}'s reason. */
        void recordNotRun() {
            failed(ServerLine.CLOSED, null, null, notRun());
        }

        /**
         * Starts the server and its load generator, opens the connections and warms up; false,
         * with a failed line written, when any of that fails. Only for a point that can run.
         */
        boolean start() throws InterruptedException {
            try {
                InetSocketAddress target = remote;
                Long serverPid = null;
                if (remote == null) {
                    server = EchoServerProcess.start(point.server(), layout, tokio);
                    target = server.address();
                    serverPid = server.pid();
                }
                load = SteadyLoadProcess.start(clientLauncher, LOAD_JVM_FLAGS, target, point.connections(),
                        settings.payloadBytes(), serverPid);
                if (load.readyConnections() != point.connections()) {
                    return failed(ServerLine.CLOSED, null, null, load.readyConnections() + " of " + point.connections()
                            + " connections made their first round trip");
                }
                // In windows of the measured length, for the reason the open loop settles in pieces.
                for (Duration left = settings.warmup(); left.isPositive(); left = left.minus(settings.window())) {
                    String problem = problem(load.closed(min(left, settings.window())));
                    if (problem != null) {
                        return failed(ServerLine.CLOSED, null, null, "warm-up: " + problem);
                    }
                }
                return true;
            } catch (IOException | RuntimeException e) {
                return failed(ServerLine.CLOSED, null, null, FailureLine.oneLine(e));
            }
        }

        /**
         * Window {@code index} of the closed loop ({@code fraction} null) or of an open-loop load,
         * after a collection of the load generator's heap (its own pauses, on its one CPU, would
         * fall inside windows and be charged to the server as latency) and the lead-in; false
         * when it failed (its line says why).
         */
        boolean window(Double fraction, int index) throws InterruptedException {
            Double rate = fraction == null ? null : fraction * maximum;
            String mode = fraction == null ? ServerLine.CLOSED : ServerLine.OPEN;
            try {
                load.collectGarbage();
                String problem = problem(measure(rate, rate == null ? CLOSED_LEAD_IN : OPEN_LEAD_IN));
                if (problem != null) {
                    return failed(mode, fraction, rate, "lead-in of window " + index + ": " + problem);
                }
                ServerLine line = line(measure(rate, settings.window()), fraction, rate, index);
                raw.append(line);
                if (!line.ok()) {
                    report(fraction, "failed: " + line.error());
                    return stop();
                }
                current.add(line);
                if (fraction == null) {
                    closedWindows.add(line);
                }
                return true;
            } catch (IOException | RuntimeException e) {
                return failed(mode, fraction, rate, FailureLine.oneLine(e));
            }
        }

        private SteadyLoad.Report measure(Double rate, Duration length) throws IOException, InterruptedException {
            return rate == null ? load.closed(length) : load.open(rate, length);
        }

        /** Every window of a load is measured: reports it to the progress. */
        void endLoad(Double fraction) {
            report(fraction, summary(current));
            current.clear();
        }

        /** Open-loop load before the first open window, not recorded (see {@link #OPEN_SETTLE}). */
        boolean settleOpen() throws InterruptedException {
            maximum = closedWindows.stream().mapToDouble(ServerLine::requestsPerSecond).average().orElseThrow();
            double first = settings.fractions().get(0);
            try {
                for (Duration left = OPEN_SETTLE; left.isPositive(); left = left.minus(SETTLE_WINDOW)) {
                    String problem = problem(load.open(first * maximum, min(left, SETTLE_WINDOW)));
                    if (problem != null) {
                        return failed(ServerLine.OPEN, first, first * maximum, "open-loop settle: " + problem);
                    }
                }
                return true;
            } catch (IOException | RuntimeException e) {
                return failed(ServerLine.OPEN, first, first * maximum, FailureLine.oneLine(e));
            }
        }

        /** Stops the load generator and the server; a second call does nothing. */
        void close() {
            if (load != null) {
                load.close();
                load = null;
            }
            if (server != null) {
                server.close();
                server = null;
            }
        }

        /** Closes the point; the loads it leaves unmeasured count as done, so the time remaining stays true. */
        private boolean stop() {
            close();
            int expected = point.notRun() == null ? 1 + openLoads() : 1;
            if (reported < expected) {
                int missing = expected - reported;
                progress.skipped(missing, reported == 0
                        ? closedEstimate(point).plus(openEstimate().multipliedBy(missing - 1))
                        : openEstimate().multipliedBy(missing));
                reported = expected;
            }
            return false;
        }

        private void report(Double fraction, String status) {
            progress.point("server", point.server(), params(fraction), status,
                    fraction == null ? (point.notRun() == null ? closedEstimate(point) : Duration.ZERO) : openEstimate());
            reported++;
        }

        private ServerLine line(SteadyLoad.Report report, Double fraction, Double rate, int window) {
            LoadResult result = report.result().toResult();
            Histogram latency = result.latencyNanos();
            boolean recorded = latency.getTotalCount() > 0;
            String hgrm = recorded ? raw.histogram(histogramName(fraction, window), latency) : null;
            Double cpuPerRequest = cpuMicrosPerRequest(report);
            String problem = problem(report);
            return new ServerLine(point.server(), version, rate == null ? ServerLine.CLOSED : ServerLine.OPEN,
                    point.connections(), settings.payloadBytes(), fraction, rate, window, result.wallNanos() / 1e9,
                    result.requests(), result.errors(), finite(result.requestsPerSecond()), report.serverCpuNanos(), cpuPerRequest,
                    micros(recorded, latency.getValueAtPercentile(50)), micros(recorded, latency.getValueAtPercentile(90)),
                    micros(recorded, latency.getValueAtPercentile(99)), micros(recorded, latency.getValueAtPercentile(99.9)),
                    micros(recorded, latency.getMaxValue()), serverCpus(), clientCpus, serverHost(), serverJvmFlags(), hgrm,
                    problem == null ? ServerLine.OK : ServerLine.FAILED, problem);
        }

        /** What makes a window fail: a connection lost, or nothing answered; null when none. */
        private String problem(SteadyLoad.Report report) {
            LoadResult.Line result = report.result();
            if (result.errors() > 0) {
                return result.errors() + " connection(s) failed: " + result.firstError();
            }
            if (report.liveConnections() != point.connections()) {
                return report.liveConnections() + " of " + point.connections() + " connections still open";
            }
            return result.requests() == 0 ? "no round trip completed" : null;
        }

        /** The flags the server's JVM was started with, null before it started or where it is no JVM of ours. */
        private List<String> serverJvmFlags() {
            return server == null || server.flags().isEmpty() ? null : server.flags();
        }

        /** Writes the failed line of a point or window and stops the point; returns false. */
        private boolean failed(String mode, Double fraction, Double rate, String error) {
            raw.append(new ServerLine(point.server(), version, mode, point.connections(), settings.payloadBytes(),
                    fraction, rate, null, null, null, null, null, null, null, null, null, null, null, null,
                    serverCpus(), clientCpus, serverHost(), serverJvmFlags(), null, ServerLine.FAILED, error));
            report(fraction, "failed: " + error);
            return stop();
        }

        private String histogramName(Double fraction, int window) {
            String mode = fraction == null ? "closed" : "open-" + Math.round(fraction * 100);
            return "server-" + point.server() + "-" + point.connections() + "-" + mode + "-w" + window;
        }

        private String params(Double fraction) {
            return "{connections=" + point.connections() + ", " + (fraction == null ? "closed"
                    : "open " + Math.round(fraction * 100) + " %") + "}";
        }
    }

    private String serverCpus() {
        return layout != null && layout.pinned() ? layout.serverCpus().toString() : null;
    }

    private String serverHost() {
        return remote == null ? null : remote.getHostString();
    }

    /** One progress status: windows, mean rate and CPU per request, and the host's load average then. */
    private static String summary(List<ServerLine> windows) {
        double rate = windows.stream().mapToDouble(ServerLine::requestsPerSecond).average().orElse(Double.NaN);
        double cpu = windows.stream().filter(line -> line.cpuMicrosPerRequest() != null)
                .mapToDouble(ServerLine::cpuMicrosPerRequest).average().orElse(Double.NaN);
        double p99 = windows.stream().filter(line -> line.p99Micros() != null)
                .mapToDouble(ServerLine::p99Micros).average().orElse(Double.NaN);
        String cpuText = Double.isNaN(cpu) ? "server CPU not known" : String.format(Locale.ROOT, "%.2f us CPU/request", cpu);
        return String.format(Locale.ROOT, "ok: %d windows, %.0f req/s, %s, p99 %.0f us, load average %s",
                windows.size(), rate, cpuText, p99, loadAverage());
    }

    /** The one-minute load average, for the log: how quiet the host was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The server's CPU per request in a window, in µs; null when its CPU is not known or it served nothing. */
    static Double cpuMicrosPerRequest(SteadyLoad.Report report) {
        Long cpu = report.serverCpuNanos();
        long requests = report.result() == null ? 0 : report.result().requests();
        return cpu == null || requests == 0 ? null : cpu / 1000.0 / requests;
    }

    private static Double micros(boolean recorded, long nanos) {
        return recorded ? nanos / 1000.0 : null;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * <pre>ServerComparison --out &lt;raw dir&gt; [--suite quick|full|smoke] [--servers all|nio,futures,...]
     *   [--connections 1000,10k] [--payload 128] [--warmup 5s] [--window 2s] [--closed-windows 8]
     *   [--open-windows 3] [--fractions 0.25,0.5,0.75,0.9] [--server-cpus auto|LIST]
     *   [--client-cpus auto|LIST] [--tokio reference/tokio/build.sh] [--target host:port]</pre>
     * The suite size gives the defaults; each option overrides one. With {@code --target}, only
     * the load side runs, against the one server named by {@code --servers} that someone
     * started there. Bad input: one line naming the value and the limit, exit code 2, before
     * anything runs; lines already in the folder stay.
     */
    public static void main(String[] args) throws InterruptedException {
        ServerComparison comparison;
        RawDir raw;
        try {
            CommandLine options = new CommandLine(args, "out", "suite", "servers", "connections", "payload", "warmup",
                    "window", "closed-windows", "open-windows", "fractions", "server-cpus", "client-cpus", "tokio",
                    "target").optionsOnly();
            ServerSettings settings = settings(options);
            comparison = options.has("target")
                    ? remote(settings, CommandLine.address(options.required("target")))
                    : local(settings);
            raw = new RawDir(Path.of(options.required("out")));
        } catch (IllegalArgumentException e) {
            System.err.println("ServerComparison: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "server comparison: %d points, ~%d s%n", comparison.plan().size(),
                comparison.estimate().toSeconds());
        comparison.run(raw, new Progress(raw));
    }

    static ServerSettings settings(CommandLine options) {
        Path tokio = Path.of(options.text("tokio", defaultTokio().toString()));
        List<String> runtimes = TaskRuntimes.names();
        ServerSettings base = switch (options.text("suite", "quick")) {
            case "smoke" -> ServerSettings.smoke(runtimes, tokio);
            case "quick" -> ServerSettings.quick(runtimes, tokio);
            case "full" -> ServerSettings.full(runtimes, tokio);
            default -> throw new IllegalArgumentException("unknown suite '" + options.text("suite", "")
                    + "'; known suites: smoke, quick, full");
        };
        List<String> servers = options.list("servers", List.of("all"));
        List<Double> fractions = new ArrayList<>();
        for (String fraction : options.list("fractions", base.fractions().stream().map(String::valueOf).toList())) {
            try {
                fractions.add(Double.parseDouble(fraction));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--fractions takes numbers such as 0.25,0.75, was '" + fraction + "'");
            }
        }
        return new ServerSettings(servers.equals(List.of("all")) ? base.servers() : servers,
                options.counts("connections", base.connections()), options.integer("payload", base.payloadBytes()),
                orElse(options.duration("warmup"), base.warmup()), orElse(options.duration("window"), base.window()),
                options.integer("closed-windows", base.closedWindows()), options.integer("open-windows", base.openWindows()),
                fractions, options.text("server-cpus", base.serverCpus()), options.text("client-cpus", base.clientCpus()),
                tokio);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration orElse(Duration given, Duration fallback) {
        return given != null ? given : fallback;
    }
}
