package threadmill.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.ServerLine;
import threadmill.bench.suite.Environment;
import threadmill.harness.CommandLine;
import threadmill.harness.load.SteadyLoad;
import threadmill.harness.load.SteadyLoadProcess;
import threadmill.harness.server.CpuLayout;
import threadmill.workload.OsLimits;

/**
 * Where a server's CPU per request goes. Each server in turn runs as in the comparison (its
 * own process on the server CPUs, with the same JVM flags, the load generator on the others,
 * the connections opened once and warmed up) under one long closed-loop window, while Linux
 * {@code perf}, attached to the server process only:
 * <ul>
 * <li>counts its system calls by kind, its context switches and page faults
 *     ({@code perf stat}); divided by the requests served meanwhile (the window's rate times
 *     the counted time), they say how many of each a request costs;</li>
 * <li>samples where its CPU time is spent ({@code perf record} on the CPU clock, no call
 *     graphs): the shares of the kernel, of Java code (compiled or interpreted, named through the
 *     map the JVM writes at exit, {@code -XX:+DumpPerfMapAtExit}), of the JVM itself and of other native
 *     code, and the hottest symbols.</li>
 * </ul>
 * Counting and sampling each get a closed-loop window of their own (the syscall tracepoints
 * cost every call a little, which the samples would otherwise show as kernel time). perf runs
 * on the load generator's CPUs, over a fixed time inside its window, so what it sees is the
 * window's steady state. The servers run one after another, not in turns as in the
 * comparison: the profile's CPU per request is read beside the comparison's, not instead of
 * it; its counts per request and its shares are what it is for.
 *
 * <p>Writes into {@code --out}: {@code PROFILE.md} (a table per connection count: rate, CPU
 * per request, system calls and switches per request, where the samples fell, the hottest
 * symbols), and per server and connection count the raw {@code .stat} and {@code .perf.data}
 * (with the JVM's {@code perf-<pid>.map} copied beside it) and the full report as
 * {@code .report.txt}; {@code raw/env.json} records the command, commit, JDK, flags, CPU
 * layout and machine.
 */
public final class ServerProfile {

    /** The system calls counted one by one; {@code raw_syscalls:sys_enter} counts every kind. */
    static final List<String> SYSCALLS = List.of("read", "write", "readv", "writev", "recvfrom", "sendto",
            "epoll_wait", "epoll_pwait", "epoll_ctl", "futex", "sched_yield", "ioctl");
    private static final List<String> OTHER_EVENTS = List.of("task-clock", "context-switches", "cpu-migrations",
            "page-faults", "raw_syscalls:sys_enter");
    /** Samples per second of CPU time: often enough for a flat profile of a few seconds, rare enough to cost little. */
    private static final int SAMPLE_HZ = 997;
    /** The counted time starts this long after the window and ends this long before its end, at least. */
    private static final Duration MARGIN = Duration.ofMillis(500);
    private static final int TOP_SYMBOLS = 12;
    /** Added to each JVM server's flags: the map of its compiled methods, written at exit, by which perf names them. */
    static final List<String> PROFILED_SERVER_FLAGS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DumpPerfMapAtExit");
    /** Descriptors perf needs beside its events. */
    private static final int PERF_DESCRIPTOR_MARGIN = 256;

    private final List<String> servers;
    private final List<Integer> connections;
    private final Duration warmup;
    private final Duration window;
    private final CpuLayout layout;
    private final Path out;

    ServerProfile(List<String> servers, List<Integer> connections, Duration warmup, Duration window, CpuLayout layout,
                  Path out) {
        this.servers = servers;
        this.connections = connections;
        this.warmup = warmup;
        this.window = window;
        this.layout = layout;
        this.out = out;
    }

    /**
     * What one server served and where its CPU went, at one connection count.
     *
     * @param counted the window perf counted events in: its rate turns counts into counts per request
     * @param sampled the window perf sampled: the rate and CPU per request the shares divide
     */
    record Profile(String server, int connections, LoadLine counted, LoadLine sampled, double countedSeconds,
                   Map<String, Double> counts, Map<String, Double> dsoShares, List<String> topSymbols, String error) {

        double perRequest(String event) {
            Double count = counts.get(event);
            return count == null ? Double.NaN : count / (counted.requestsPerSecond() * countedSeconds);
        }

        double requestsPerSecond() {
            return sampled.requestsPerSecond();
        }

        double cpuMicrosPerRequest() {
            return sampled.cpuMicrosPerRequest();
        }
    }

    /** Profiles every server at every connection count, one after another, and writes PROFILE.md. */
    void run() throws IOException, InterruptedException {
        Files.createDirectories(out);
        TokioBinary tokio = servers.contains(ServerLine.TOKIO)
                ? TokioBinary.locate(ServerComparison.defaultTokio()) : TokioBinary.locate(null);
        List<Profile> profiles = new ArrayList<>();
        for (int count : connections) {
            for (String server : servers) {
                System.out.printf(Locale.ROOT, "profile: %s at %d connections%n", server, count);
                Profile profile = profile(server, count, tokio);
                System.out.println(profile.error() != null ? "  failed: " + profile.error()
                        : String.format(Locale.ROOT, "  counted: %.0f req/s, %.2f syscalls/request; sampled: %.0f req/s,"
                        + " %.2f us CPU/request", profile.counted().requestsPerSecond(),
                        profile.perRequest("raw_syscalls:sys_enter"), profile.requestsPerSecond(),
                        profile.cpuMicrosPerRequest()));
                profiles.add(profile);
                Files.writeString(out.resolve("PROFILE.md"), markdown(profiles), StandardCharsets.UTF_8);
            }
        }
    }

    private Profile profile(String server, int count, TokioBinary tokio) throws InterruptedException {
        String name = server + "-" + count;
        Path stat = out.resolve(name + ".stat");
        Path data = out.resolve(name + ".perf.data");
        long pid;
        SteadyLoad.Report countedWindow;
        SteadyLoad.Report sampledWindow;
        double countedSeconds = counted().toNanos() / 1e9;
        try (EchoServerProcess process = EchoServerProcess.start(server, layout, tokio, PROFILED_SERVER_FLAGS)) {
            pid = process.pid();
            try (SteadyLoadProcess load = SteadyLoadProcess.start(layout.clientLauncher(),
                    ServerComparison.LOAD_JVM_FLAGS, process.address(), count, ServerSettings.DEFAULT_PAYLOAD_BYTES, pid)) {
                if (load.readyConnections() != count) {
                    return failed(server, count, load.readyConnections() + " of " + count
                            + " connections made their first round trip");
                }
                String tooMany = tooManyThreads(pid, OTHER_EVENTS.size() + SYSCALLS.size());
                if (tooMany != null) {
                    return failed(server, count, tooMany);
                }
                load.closed(warmup);
                load.collectGarbage();
                List<String> events = new ArrayList<>(OTHER_EVENTS);
                SYSCALLS.forEach(call -> events.add("syscalls:sys_enter_" + call));
                PerfWindow counting = during(load, List.of("stat", "-x", ",", "-o", stat.toString(), "-e",
                        String.join(",", events)), pid, name + "-stat");
                if (counting.failure() != null) {
                    return failed(server, count, counting.failure());
                }
                load.collectGarbage();
                PerfWindow sampling = during(load, List.of("record", "-q", "-F", Integer.toString(SAMPLE_HZ), "-o",
                        data.toString()), pid, name + "-record");
                if (sampling.failure() != null) {
                    return failed(server, count, sampling.failure());
                }
                countedWindow = counting.window();
                sampledWindow = sampling.window();
            }
        } catch (IOException | RuntimeException e) {
            return failed(server, count, e.getMessage());
        }
        try {
            Path map = Path.of("/tmp/perf-" + pid + ".map");
            if (Files.exists(map)) {
                Files.copy(map, out.resolve(name + ".perf-" + pid + ".map"), StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Double> counts = StatFile.parse(Files.readString(stat, StandardCharsets.UTF_8));
            // the server's samples, as shares of its own
            String full = perfOutput(List.of("report", "-i", data.toString(), "--pid", Long.toString(pid), "--percentage",
                    "relative", "--stdio", "--no-children", "--sort", "dso,sym", "--percent-limit", "0.2"));
            Files.writeString(out.resolve(name + ".report.txt"), full, StandardCharsets.UTF_8);
            Map<String, Double> dsos = ReportFile.shares(perfOutput(List.of("report", "-i", data.toString(), "--pid",
                    Long.toString(pid), "--percentage", "relative", "--stdio", "--no-children", "--sort", "dso")));
            return new Profile(server, count, LoadLine.of(countedWindow), LoadLine.of(sampledWindow), countedSeconds, counts,
                    dsos, ReportFile.top(full, TOP_SYMBOLS), null);
        } catch (IOException | RuntimeException e) {
            return failed(server, count, "reading perf's output: " + e.getMessage());
        }
    }

    /**
     * Why perf cannot attach to the server, or null when it can: it opens one descriptor per
     * thread for each counted event, and one per thread and CPU when sampling; a server with
     * a thread per connection can need more than {@code ulimit -n} allows.
     */
    private static String tooManyThreads(long pid, int events) {
        long threads = threads(pid);
        Long limit = OsLimits.current().maxOpenFiles();
        long needed = threads * Math.max(events, Runtime.getRuntime().availableProcessors()) + PERF_DESCRIPTOR_MARGIN;
        if (limit == null || limit == OsLimits.UNLIMITED || needed <= limit) {
            return null;
        }
        return "not profiled: perf attaches one descriptor per thread and event (or CPU, when sampling); the server's "
                + threads + " threads need about " + needed + ", and ulimit -n is " + limit;
    }

    private static long threads(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The time perf counts or samples in each window: all of it but {@link #MARGIN} at each end. */
    private Duration counted() {
        return window.minus(MARGIN.multipliedBy(2));
    }

    /** One window perf ran in: the load generator's report of it, and why perf failed (null when it did not). */
    private record PerfWindow(SteadyLoad.Report window, String failure) {
    }

    /**
     * Runs {@code perf <args>} attached to the server for the counted time inside one closed
     * window ({@code --delay} after the window starts, {@link #MARGIN} before it ends), on the
     * load generator's CPUs. Counting and sampling
     * each get a window of their own, so the samples do not include the tracepoints' cost.
     */
    private PerfWindow during(SteadyLoadProcess load, List<String> args, long pid, String logName)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(layout.clientLauncher());
        command.add("perf");
        command.addAll(args);
        command.addAll(List.of("-p", Long.toString(pid), "--delay", Long.toString(MARGIN.toMillis()), "--", "sleep",
                String.format(Locale.ROOT, "%.3f", MARGIN.plus(counted()).toNanos() / 1e9)));
        Path log = out.resolve(logName + ".log");
        Process perf = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SteadyLoad.Report report = load.closed(window);
        if (!perf.waitFor(1, TimeUnit.MINUTES)) {
            perf.destroyForcibly();
            return new PerfWindow(report, "perf did not end within a minute of its window: " + String.join(" ", command));
        }
        return new PerfWindow(report, perf.exitValue() == 0 ? null
                : "perf exited with " + perf.exitValue() + ": " + String.join(" ", command) + "; see " + log);
    }

    private static String perfOutput(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("perf");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
        }
        return text;
    }

    private static Profile failed(String server, int count, String error) {
        LoadLine none = new LoadLine(Double.NaN, Double.NaN);
        return new Profile(server, count, none, none, 0, Map.of(), Map.of(), List.of(), error);
    }

    /** The window's rate and the server's CPU per request, from the load generator's report. */
    record LoadLine(double requestsPerSecond, double cpuMicrosPerRequest) {
        static LoadLine of(SteadyLoad.Report report) {
            Double cpu = ServerComparison.cpuMicrosPerRequest(report);
            if (cpu == null) {
                throw new IllegalStateException("the window reported no requests or no server CPU");
            }
            return new LoadLine(report.result().requestsPerSecond(), cpu);
        }
    }

    /** {@code perf stat -x ,} output: value, unit, event name, ... per line; comments start with '#'. */
    static final class StatFile {
        private StatFile() {
        }

        static Map<String, Double> parse(String text) {
            Map<String, Double> counts = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                String[] fields = line.split(",");
                if (line.isBlank() || line.startsWith("#") || fields.length < 3) {
                    continue;
                }
                try {
                    counts.put(fields[2], Double.parseDouble(fields[0]));
                } catch (NumberFormatException e) {
                    // "<not counted>" or "<not supported>": the event stays absent
                }
            }
            return counts;
        }
    }

    /** {@code perf report --stdio} output: "  12.34%  dso  [k] symbol" rows. */
    static final class ReportFile {
        private static final Pattern SYMBOL_ROW =
                Pattern.compile("^\\s*([0-9.]+)%\\s+(.+?)\\s+\\[([k.])\\]\\s+(.+)$");

        private ReportFile() {
        }

        /** Share of samples per kind of code: the kernel, Java code, the JVM itself, other native code. */
        static Map<String, Double> shares(String dsoReport) {
            Map<String, Double> shares = new LinkedHashMap<>();
            for (String kind : List.of("kernel", "Java code", "JVM (libjvm)", "other native")) {
                shares.put(kind, 0.0);
            }
            for (String line : dsoReport.split("\n")) {
                String[] fields = line.trim().split("\\s+", 2);
                if (line.startsWith("#") || fields.length < 2 || !fields[0].endsWith("%")) {
                    continue;
                }
                double percent = Double.parseDouble(fields[0].substring(0, fields[0].length() - 1));
                shares.merge(kind(fields[1].trim()), percent, Double::sum);
            }
            return shares;
        }

        static String kind(String dso) {
            if (dso.startsWith("[kernel")) {
                return "kernel";
            }
            if (dso.startsWith("[JIT]") || dso.startsWith("perf-")) {
                return "Java code";
            }
            if (dso.equals("libjvm.so")) {
                return "JVM (libjvm)";
            }
            return "other native";
        }

        /** The {@code limit} hottest symbols as "share symbol (kind)". */
        static List<String> top(String symbolReport, int limit) {
            List<String> top = new ArrayList<>();
            for (String line : symbolReport.split("\n")) {
                Matcher row = SYMBOL_ROW.matcher(line);
                if (row.matches() && top.size() < limit) {
                    top.add(row.group(1) + " % " + row.group(4).strip() + " (" + kind(row.group(2)) + ")");
                }
            }
            return top;
        }
    }

    /** The summary: per connection count, a table of the servers side by side, then each one's hottest symbols. */
    static String markdown(List<Profile> profiles) {
        StringBuilder text = new StringBuilder("# Where the servers' CPU goes\n\n");
        text.append("Two closed-loop windows per server, one counted and one sampled, perf attached to the server process for the counted seconds"
                + " inside it. Per request = count / (rate × counted seconds). Shares are of the CPU-clock samples."
                + " Command, commit, JDK, flags and CPU layout: raw/env.json.\n");
        for (int count : profiles.stream().map(Profile::connections).distinct().toList()) {
            List<Profile> rows = profiles.stream().filter(p -> p.connections() == count).toList();
            text.append("\n## ").append(count).append(" connections\n\n| measure |");
            rows.forEach(p -> text.append(' ').append(p.server()).append(" |"));
            text.append("\n|---|").append("---|".repeat(rows.size())).append('\n');
            row(text, "req/s", rows, p -> fmt("%.0f", p.requestsPerSecond()));
            row(text, "CPU µs per request", rows, p -> fmt("%.2f", p.cpuMicrosPerRequest()));
            row(text, "syscalls per request", rows, p -> fmt("%.2f", p.perRequest("raw_syscalls:sys_enter")));
            for (String call : SYSCALLS) {
                if (rows.stream().anyMatch(p -> p.perRequest("syscalls:sys_enter_" + call) >= 0.005)) {
                    row(text, "  " + call, rows, p -> fmt("%.3f", p.perRequest("syscalls:sys_enter_" + call)));
                }
            }
            row(text, "context switches per request", rows, p -> fmt("%.3f", p.perRequest("context-switches")));
            row(text, "page faults per request", rows, p -> fmt("%.4f", p.perRequest("page-faults")));
            for (String kind : List.of("kernel", "Java code", "JVM (libjvm)", "other native")) {
                row(text, "samples in " + kind, rows, p -> p.dsoShares().containsKey(kind)
                        ? fmt("%.1f %%", p.dsoShares().get(kind)) : "–");
                row(text, "  µs per request", rows, p -> p.dsoShares().containsKey(kind)
                        ? fmt("%.2f", p.cpuMicrosPerRequest() * p.dsoShares().get(kind) / 100) : "–");
            }
            for (Profile p : rows) {
                text.append("\n**").append(p.server()).append("**");
                if (p.error() != null) {
                    text.append(": failed: ").append(p.error()).append('\n');
                    continue;
                }
                text.append(", hottest symbols:\n\n");
                p.topSymbols().forEach(symbol -> text.append("- ").append(symbol).append('\n'));
            }
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String measure, List<Profile> rows,
                            Function<Profile, String> cell) {
        text.append("| ").append(measure).append(" |");
        rows.forEach(p -> text.append(' ').append(p.error() != null ? "failed" : cell.apply(p)).append(" |"));
        text.append('\n');
    }

    private static String fmt(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "–";
    }

    /**
     * <pre>ServerProfile --out DIR [--servers nio,futures,loom] [--connections 1000,10k] [--warmup 5s]
     *   [--window 12s] [--server-cpus auto|LIST] [--client-cpus auto|LIST]</pre>
     * Needs Linux {@code perf} with its syscall tracepoints (root, or a
     * {@code perf_event_paranoid} that allows them). Bad input: one line naming the value, exit
     * code 2, before anything runs.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        ServerProfile profile;
        try {
            CommandLine options = new CommandLine(args, "out", "servers", "connections", "warmup", "window",
                    "server-cpus", "client-cpus").optionsOnly();
            List<String> servers = options.list("servers", List.of(ServerLine.FLOOR, "futures", "loom"));
            // the comparison's own checks: known servers, connection counts, window bounds
            ServerSettings settings = new ServerSettings(servers, options.counts("connections", List.of(1_000)),
                    ServerSettings.DEFAULT_PAYLOAD_BYTES, orElse(options.duration("warmup"), Duration.ofSeconds(5)),
                    orElse(options.duration("window"), Duration.ofSeconds(12)), 1, 0, List.of(),
                    options.text("server-cpus", CpuLayout.AUTO), options.text("client-cpus", CpuLayout.AUTO), null);
            if (settings.window().compareTo(MARGIN.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("--window must be at least " + MARGIN.multipliedBy(3).toMillis()
                        + " ms (perf counts all but " + MARGIN.toMillis() + " ms at each end), was "
                        + settings.window().toMillis() + " ms");
            }
            CpuLayout layout = CpuLayout.choose(settings.serverCpus(), settings.clientCpus());
            if (!layout.pinned()) {
                throw new IllegalArgumentException("the profile needs the server on CPUs of its own: " + layout.describe());
            }
            Path out = Path.of(options.required("out"));
            String perf = perfVersion();
            if (perf == null) {
                throw new IllegalArgumentException("perf is not on the PATH or does not run (Debian: apt-get install"
                        + " linux-perf); the profile attaches it to each server");
            }
            new RawDir(out.resolve("raw")).environment(Environment.describe("profile",
                    "ServerProfile " + String.join(" ", args), Instant.now(),
                    jvmFlags(), Path.of(System.getProperty("threadmill.repo.root", ".")),
                    ServerComparison.local(settings, layout).pinning()));
            profile = new ServerProfile(settings.servers(), settings.connections(), settings.warmup(), settings.window(),
                    layout, out);
        } catch (IllegalArgumentException e) {
            System.err.println("ServerProfile: " + e.getMessage());
            System.exit(2);
            return;
        }
        profile.run();
    }

    /** The comparison's JVM flags, and those the profile adds to each JVM server. */
    private static Map<String, List<String>> jvmFlags() {
        Map<String, List<String>> flags = new LinkedHashMap<>(ServerComparison.jvmFlags());
        flags.put("serverProfiled", PROFILED_SERVER_FLAGS);
        return flags;
    }

    /** {@code perf --version}'s line, or null when perf cannot be run. */
    private static String perfVersion() {
        try {
            Process process = new ProcessBuilder("perf", "--version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Duration orElse(Duration given, Duration fallback) {
        return given != null ? given : fallback;
    }
}
