package threadmill.bench.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import threadmill.bench.pitfalls.PitfallSpec;
import threadmill.bench.pitfalls.Pitfalls;
import threadmill.harness.CommandLine;
import threadmill.bench.probe.Experiment;
import threadmill.bench.probe.ProbeSpec;
import threadmill.bench.probe.ProbeSweep;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.bench.report.ReportGenerator;
import threadmill.bench.server.ServerComparison;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The whole measurement run:
 * <pre>Suite --suite quick|full|smoke [--out results/&lt;run-id&gt;] [--runtimes all|loom,futures]</pre>
 * The runtimes are every one the registry finds on the class path ({@code all}, the default),
 * or those named.
 * Writes raw/env.json, then runs the JMH groups, the memory probe, the sleep-10-s experiment,
 * the pitfalls, the pinned server comparison and the report, each point's result written as
 * soon as it is known. A failing group or point goes to raw/failures.jsonl (the server
 * comparison's to raw/server.jsonl) and the run goes on. The server comparison's CPU lists
 * come from {@code -Dsuite.server.cpus} and {@code -Dsuite.client.cpus} ({@code auto} by default).
 */
public final class Suite {

    /** The value of --runtimes that names every runtime on the class path. */
    static final String ALL_RUNTIMES = "all";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SuiteSize size;
    private final List<String> runtimes;
    private final Path runDir;
    private final ServerComparison servers;
    private final Instant started = Instant.now();

    /** @throws IllegalArgumentException naming a server comparison CPU list that cannot be used */
    Suite(SuiteSize size, List<String> runtimes, Path runDir) {
        this.size = size;
        this.runtimes = List.copyOf(runtimes);
        this.runDir = runDir;
        this.servers = ServerComparison.forSuite(size.label(), this.runtimes);
    }

    public static void main(String[] args) throws InterruptedException {
        Suite suite;
        try {
            suite = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Suite: " + e.getMessage());
            System.exit(2);
            return;
        }
        suite.run(String.join(" ", args));
    }

    /** Checks every option before anything runs. */
    static Suite parse(String[] args) {
        CommandLine options = new CommandLine(args, "suite", "out", "runtimes").optionsOnly();
        SuiteSize size = SuiteSize.named(options.text("suite", "quick"));
        List<String> runtimes = options.list("runtimes", List.of(ALL_RUNTIMES));
        if (runtimes.equals(List.of(ALL_RUNTIMES))) {
            runtimes = TaskRuntimes.names();
        }
        runtimes.forEach(TaskRuntimes::provider);
        String out = options.text("out", null);
        Path runDir = out != null ? Path.of(out)
                : Path.of("results", size.label() + "-" + RUN_ID.format(Instant.now()));
        return new Suite(size, runtimes, runDir);
    }

    /** The runtimes this suite runs, in order. */
    List<String> runtimes() {
        return runtimes;
    }

    void run(String arguments) throws InterruptedException {
        RawDir raw = new RawDir(runDir.resolve("raw"));
        JmhStage jmh = new JmhStage(size, runtimes, raw);
        ProbeSweep memory = memorySweep();
        ProbeSweep sleep10s = sleep10sSweep();
        List<PitfallSpec> pitfalls = Pitfalls.plan(size.full(), runtimes);
        writeEnvironment(raw, arguments, jmh, pitfalls);
        printPlan(memory, sleep10s, pitfalls);
        Progress progress = new Progress(raw);
        jmh.run(progress);
        memory.run(raw, progress);
        sleep10s.run(raw, progress);
        Pitfalls.run(pitfalls, raw, progress);
        servers.run(raw, progress);
        report(raw, progress);
    }

    private ProbeSweep memorySweep() {
        return size == SuiteSize.SMOKE ? ProbeSweep.of(Experiment.MEMORY, runtimes, List.of(1, 1_000), List.of(1), null)
                : ProbeSweep.memory(size.full(), runtimes);
    }

    private ProbeSweep sleep10sSweep() {
        if (size != SuiteSize.SMOKE) {
            return ProbeSweep.sleep10s(size.full(), runtimes);
        }
        // A smoke run only shows the stage works: the runtimes whose 10,000 sleepers are neither
        // kernel threads nor queued behind a bound.
        List<String> cheap = runtimes.stream().map(TaskRuntimes::provider)
                .filter(runtime -> !runtime.eachTaskIsKernelThread() && runtime.maxConcurrentTasks().isEmpty())
                .map(TaskRuntimeProvider::name).toList();
        return ProbeSweep.of(Experiment.SLEEP10S, cheap, List.of(10_000), List.of(1), null);
    }

    private void writeEnvironment(RawDir raw, String arguments, JmhStage jmh, List<PitfallSpec> pitfalls) {
        List<String> pitfallFlags = pitfalls.stream().flatMap(spec -> spec.jvmFlags().stream()).distinct().toList();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        flags.put("suite", ManagementFactory.getRuntimeMXBean().getInputArguments());
        flags.put("benchmarks", jmh.forkFlags());
        flags.put("probe", ProbeSpec.memoryFlags(ProbeSpec.HEAP_MB));
        flags.put("probeAbove1M", ProbeSpec.memoryFlags(ProbeSpec.LARGE_HEAP_MB));
        flags.put("sleep10s", List.of());
        flags.put("pitfalls", pitfallFlags);
        flags.putAll(ServerComparison.jvmFlags());
        String command = System.getProperty("threadmill.command",
                JavaCommand.of(Suite.class.getName(), arguments));
        Path repoRoot = Path.of(System.getProperty("threadmill.repo.root", "."));
        raw.environment(Environment.describe(size.label(), command, started, flags, repoRoot, servers.pinning()));
    }

    private void printPlan(ProbeSweep memory, ProbeSweep sleep10s, List<PitfallSpec> pitfalls) {
        int benchmarks = size.jmhGroups().stream()
                .mapToInt(group -> group.runsPerRuntime() * group.runtimesOf(runtimes).size()).sum();
        Duration jmhTime = size.perBenchmark().multipliedBy(benchmarks);
        Duration probeTime = estimate(memory).plus(estimate(sleep10s));
        Duration pitfallTime = Pitfalls.estimate(pitfalls);
        System.out.printf(Locale.ROOT, "Threadmill %s suite -> %s%n", size.label(), runDir.toAbsolutePath());
        System.out.printf(Locale.ROOT, "  JMH: %d groups, %d benchmark runs, ~%d min%n",
                size.jmhGroups().size(), benchmarks, jmhTime.toMinutes());
        System.out.printf(Locale.ROOT, "  probe: %d memory + %d sleep10s points, ~%d min%n",
                memory.points().size(), sleep10s.points().size(), probeTime.toMinutes());
        memory.plan().forEach(line -> System.out.println("    " + line));
        sleep10s.plan().forEach(line -> System.out.println("    " + line));
        System.out.printf(Locale.ROOT, "  pitfalls: %d points, ~%d min%n", pitfalls.size(), pitfallTime.toMinutes());
        System.out.printf(Locale.ROOT, "  server comparison: %d points, ~%d min%n", servers.plan().size(),
                servers.estimate().toMinutes());
        System.out.printf(Locale.ROOT, "  estimated total: ~%d min%n",
                jmhTime.plus(probeTime).plus(pitfallTime).plus(servers.estimate()).toMinutes());
        System.out.flush();
    }

    /** Typical time of a sweep: a JVM start and settle per point, a few microseconds per task, the sleep. */
    private static Duration estimate(ProbeSweep sweep) {
        return sweep.points().stream()
                .map(point -> Duration.ofSeconds(4).plusNanos(point.tasks() * 5_000L)
                        .plusMillis(point.experiment() == Experiment.SLEEP10S ? point.sleepMillis() : 0))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private void report(RawDir raw, Progress progress) {
        String status;
        try {
            status = "ok (" + ReportGenerator.generate(runDir).size() + " files)";
        } catch (IOException | RuntimeException e) {
            status = "failed";
            raw.failed("report", null, Map.of("runDir", runDir.toString()), String.valueOf(e));
        }
        progress.point("report", null, runDir, status);
    }

    /** The command line that runs a main class of this build again with the same arguments. */
    static final class JavaCommand {
        private JavaCommand() {
        }

        static String of(String mainClass, String arguments) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), mainClass));
            if (!arguments.isBlank()) {
                command.add(arguments);
            }
            return String.join(" ", command);
        }
    }
}
