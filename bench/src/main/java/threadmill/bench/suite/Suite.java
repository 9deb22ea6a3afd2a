package threadmill.bench.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import threadmill.bench.pitfalls.PitfallSpec;
import threadmill.bench.pitfalls.Pitfalls;
import threadmill.bench.probe.Experiment;
import threadmill.bench.probe.JvmConfig;
import threadmill.bench.probe.ProbeSpec;
import threadmill.bench.probe.ProbeSweep;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.ReferenceInfo;
import threadmill.bench.raw.RunEnvironment;
import threadmill.bench.report.ReportGenerator;
import threadmill.bench.server.ServerComparison;
import threadmill.harness.CommandLine;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The whole measurement run:
 * <pre>Suite --suite quick|full|smoke [--out results/&lt;run-id&gt;] [--runtimes all|loom,futures] [--jdk /path/to/jdk]</pre>
 * The runtimes are every one the registry finds on the class path ({@code all}, the default),
 * or those named. {@code --jdk} (or the system property {@value #JDK_PROPERTY}) runs the whole
 * suite, every fork, probe point and child included, on another installed JDK 21 or newer: the
 * suite checks it, then starts itself again on it.
 *
 * <p>Writes raw/env.json, prints the plan (each stage's points and planned time against the
 * size's budget), then runs the stages: the JMH groups, the steady-state server comparison,
 * the memory probe, the sleep-10-s experiment, the tokio reference, the pitfalls (full suite)
 * and the report, each point's result written as soon as it is known, each point on the
 * console with the time left. A failing group or point goes to raw/failures.jsonl and the run
 * goes on.
 */
public final class Suite {

    /** The value of --runtimes that names every runtime on the class path. */
    static final String ALL_RUNTIMES = "all";
    /** The system property the Maven profile passes {@code -Dsuite.jdk} as. */
    static final String JDK_PROPERTY = "threadmill.suite.jdk";
    /** When Maven started the build, as the suite profile passes it ({@code maven.build.timestamp}, UTC). */
    static final String BUILD_STARTED_PROPERTY = "threadmill.build.started";
    private static final Duration REPORT_TIME = Duration.ofSeconds(5);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SuiteSize size;
    private final List<String> runtimes;
    private final Path runDir;
    private final TargetJdk jdk;
    private final ServerComparison servers;
    private final Instant started = Instant.now();
    /** env.json as written at the start; the tokio stage adds what the reference says of itself. */
    private RunEnvironment environment;

    /** @throws IllegalArgumentException naming a server comparison CPU list that cannot be used */
    Suite(SuiteSize size, List<String> runtimes, Path runDir, TargetJdk jdk) {
        this.size = size;
        this.runtimes = List.copyOf(runtimes);
        this.runDir = runDir;
        this.jdk = jdk;
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
        if (suite.jdk != null && !suite.jdk.isThisJvm()) {
            System.exit(suite.onTargetJdk(args));
            return;
        }
        suite.run(String.join(" ", args));
    }

    /** Checks every option, and the JDK to run on, before anything runs. */
    static Suite parse(String[] args) {
        CommandLine options = new CommandLine(args, "suite", "out", "runtimes", "jdk").optionsOnly();
        SuiteSize size = SuiteSize.named(options.text("suite", "quick"));
        List<String> runtimes = options.list("runtimes", List.of(ALL_RUNTIMES));
        if (runtimes.equals(List.of(ALL_RUNTIMES))) {
            runtimes = TaskRuntimes.names();
        }
        runtimes.forEach(TaskRuntimes::provider);
        String out = options.text("out", null);
        Path runDir = out != null ? Path.of(out)
                : Path.of("results", size.label() + "-" + RUN_ID.format(Instant.now()));
        String jdkPath = options.text("jdk", System.getProperty(JDK_PROPERTY, ""));
        TargetJdk jdk = jdkPath.isBlank() ? null : TargetJdk.at(jdkPath.trim());
        return new Suite(size, runtimes, runDir, jdk);
    }

    /** The runtimes this suite runs, in order. */
    List<String> runtimes() {
        return runtimes;
    }

    /** Starts this suite again on the target JDK, with this JVM's flags and class path, and waits for it. */
    private int onTargetJdk(String[] args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Suite.class.getName()));
        command.addAll(List.of(args));
        if (!List.of(args).contains("--jdk")) {
            command.addAll(List.of("--jdk", jdk.home().toString()));
        }
        System.out.println("Suite: running on JDK " + jdk.version() + " at " + jdk.home());
        System.out.flush();
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("Suite: cannot start " + jdk.java() + ": " + e.getMessage());
            return 2;
        }
    }

    void run(String arguments) throws InterruptedException {
        RawDir raw = new RawDir(runDir.resolve("raw"));
        environment = environment(arguments, new JmhStage(size, runtimes, raw), memorySweep(), pitfalls(), repoRoot());
        raw.environment(environment);
        List<SuiteStage> stages = stages(raw);
        SuitePlan plan = plan(stages);
        System.out.printf(Locale.ROOT, "Threadmill %s suite on JDK %s -> %s%n", size.label(),
                System.getProperty("java.runtime.version"), runDir.toAbsolutePath());
        plan.lines().forEach(System.out::println);
        System.out.flush();
        Progress progress = new Progress(raw, plan.stagesTotal(), plan.points());
        for (SuiteStage stage : stages) {
            progress.note("stage " + stage.name() + ": " + stage.points() + " points, planned "
                    + Progress.minutes(stage.estimate()));
            stage.run(progress);
        }
    }

    /** The plan of this run: its stages, and the build's time, measured when Maven said when it started. */
    SuitePlan plan(List<SuiteStage> stages) {
        Duration build = buildTime();
        return new SuitePlan(size, stages, build != null ? build : SuitePlan.BUILD_ESTIMATE, build != null);
    }

    /** From Maven's start to this suite's, when the suite profile passed the build's timestamp. */
    private Duration buildTime() {
        String stamp = System.getProperty(BUILD_STARTED_PROPERTY, "");
        try {
            Instant buildStarted = LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    .toInstant(ZoneOffset.UTC);
            Duration build = Duration.between(buildStarted, started);
            return build.isNegative() || build.toHours() > 2 ? null : build;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The stages in the order they run. */
    List<SuiteStage> stages(RawDir raw) {
        JmhStage jmh = new JmhStage(size, runtimes, raw);
        ProbeSweep memory = memorySweep();
        ProbeSweep sleep10s = sleep10sSweep();
        List<PitfallSpec> pitfalls = pitfalls();
        TokioStage tokio = new TokioStage(repoRoot(), size, raw, System.getProperty(BUILD_STARTED_PROPERTY) != null);
        List<SuiteStage> stages = new ArrayList<>();
        stages.add(SuiteStage.of("jmh", jmh.invocations().stream().map(i -> i.group().name() + " " + String.join(",",
                        i.runtimes()) + " " + i.label() + ", " + i.trials() + " trials, "
                        + i.group().settings().describe() + ", ~" + Progress.minutes(i.estimate())).toList(),
                jmh.estimate(), jmh.invocations().size(), jmh::run));
        stages.add(SuiteStage.of("server", servers.plan().stream().map(point -> point.server() + " at "
                        + point.connections() + " connections" + (point.notRun() == null ? ""
                        : " (not run: " + point.notRun() + ")")).toList(), servers.estimate(), servers.progressPoints(),
                progress -> servers.run(raw, progress)));
        stages.add(SuiteStage.of("memory", memory.plan(), memory.estimate(), memory.points().size(),
                progress -> memory.run(raw, progress)));
        stages.add(SuiteStage.of("sleep10s", sleep10s.plan(), sleep10s.estimate(), sleep10s.points().size(),
                progress -> sleep10s.run(raw, progress)));
        stages.add(SuiteStage.of("tokio", tokio.plan().stream().map(step -> step.label() + " ~"
                        + Progress.minutes(step.estimate())).toList(), tokio.estimate(), tokio.plan().size(),
                progress -> {
                    ReferenceInfo info = tokio.run(progress);
                    if (environment != null) {
                        environment = environment.withReference(Map.of(TokioStage.RUNTIME, info));
                        raw.environment(environment);
                    }
                }));
        if (!pitfalls.isEmpty()) {
            stages.add(SuiteStage.of("pitfalls", pitfalls.stream().map(spec -> spec.pitfall() + " " + spec.runtime() + " "
                            + spec.variant()).toList(), Pitfalls.estimate(pitfalls), pitfalls.size(),
                    progress -> Pitfalls.run(pitfalls, raw, progress)));
        }
        stages.add(SuiteStage.of("report", List.of("REPORT.md, results.csv and the charts from raw/"), REPORT_TIME,
                1, progress -> report(raw, progress)));
        return stages;
    }

    /** The pitfalls of the full and smoke suites; the quick suite measures the headline figures only. */
    private List<PitfallSpec> pitfalls() {
        return size == SuiteSize.QUICK ? List.of() : Pitfalls.plan(size.full(), runtimes);
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("threadmill.repo.root", "."));
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

    private RunEnvironment environment(String arguments, JmhStage jmh, ProbeSweep memory, List<PitfallSpec> pitfalls,
                                       Path repoRoot) {
        List<String> pitfallFlags = pitfalls.stream().flatMap(spec -> spec.jvmFlags().stream()).distinct().toList();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        flags.put("suite", ManagementFactory.getRuntimeMXBean().getInputArguments());
        flags.put("benchmarks", jmh.forkFlags());
        for (JmhGroup group : size.jmhGroups()) {
            List<String> groupFlags = new ArrayList<>(group.settings().jvmArgs());
            groupFlags.addAll(jmh.forkFlags());
            flags.put("benchmarks:" + group.name(), groupFlags);
        }
        flags.put("probe", ProbeSpec.memoryFlags(ProbeSpec.HEAP_MB));
        flags.put("probeAbove1M", ProbeSpec.memoryFlags(ProbeSpec.LARGE_HEAP_MB));
        memory.points().stream().map(ProbeSpec::config).distinct().filter(config -> config != JvmConfig.DEFAULT)
                .forEach(config -> flags.put("probe:" + config.label(),
                        new ProbeSpec(Experiment.MEMORY, runtimes.get(0), 1, 1, null, config).jvmFlags()));
        flags.put("sleep10s", List.of());
        sleep10sSweep().points().stream().map(ProbeSpec::config).distinct().filter(config -> config != JvmConfig.DEFAULT)
                .forEach(config -> flags.put("sleep10s:" + config.label(),
                        config.flagsOverDefaults(Runtime.version().feature())));
        flags.put("pitfalls", pitfallFlags);
        flags.putAll(ServerComparison.jvmFlags());
        String command = System.getProperty("threadmill.command", JavaCommand.of(Suite.class.getName(), arguments));
        if (jdk != null && !command.contains("--jdk")) {
            command += " -Dsuite.jdk=" + jdk.home();
        }
        return Environment.describe(size.label(), command, started, flags, repoRoot, servers.pinning());
    }

    private void report(RawDir raw, Progress progress) {
        String status;
        try {
            status = "ok (" + ReportGenerator.generate(runDir).size() + " files)";
        } catch (IOException | RuntimeException e) {
            status = "failed";
            raw.failed("report", null, Map.of("runDir", runDir.toString()), String.valueOf(e));
        }
        progress.point("report", null, runDir, status, REPORT_TIME);
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
