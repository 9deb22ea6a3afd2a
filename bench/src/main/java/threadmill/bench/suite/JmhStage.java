package threadmill.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;

/**
 * Runs the JMH groups through JMH's Runner API, each group in one or more invocations (see
 * {@link JmhGroup#invocations}), and writes each group's results to {@code raw/jmh-<group>.json}
 * (JMH's own JSON, every invocation's results in one array, rewritten after each invocation so
 * that a run stopped half-way keeps what it measured) and its log to {@code raw/jmh-<group>.log}.
 * Each trial without a result (and an invocation that fails as a whole) is recorded in
 * failures.jsonl and the suite goes on.
 */
final class JmhStage {

    private final SuiteSize size;
    private final List<String> runtimes;
    private final RawDir raw;

    JmhStage(SuiteSize size, List<String> runtimes, RawDir raw) {
        this.size = size;
        this.runtimes = runtimes;
        this.raw = raw;
    }

    /** The flag every benchmark fork gets, so latency benchmarks write their histograms beside the results. */
    List<String> forkFlags() {
        return List.of("-D" + RawDir.PROPERTY + "=" + raw.path().toAbsolutePath());
    }

    /** Every invocation of the stage, in order. */
    List<JmhInvocation> invocations() {
        return size.jmhGroups().stream().flatMap(group -> group.invocations(runtimes).stream()).toList();
    }

    /** The stage's planned time. */
    Duration estimate() {
        return invocations().stream().map(JmhInvocation::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    void run(Progress progress) {
        for (JmhGroup group : size.jmhGroups()) {
            recordNotRun(group);
            List<RunResult> results = new ArrayList<>();
            for (JmhInvocation invocation : group.invocations(runtimes)) {
                String status;
                try {
                    status = runLogged(invocation, results);
                } catch (RunnerException | IOException | RuntimeException e) {
                    status = "failed";
                    raw.failed("jmh:" + group.name(), String.join(",", invocation.runtimes()), params(invocation),
                            String.valueOf(e.getMessage()).replace('\n', ' '));
                }
                progress.point("jmh:" + group.name(), String.join(",", invocation.runtimes()), invocation.label(),
                        status, invocation.estimate());
            }
        }
    }

    /** Each point the group does not run on a runtime of the suite is a failures.jsonl line with the reason. */
    void recordNotRun(JmhGroup group) {
        for (JmhGroup.NotRun notRun : group.notRun(runtimes)) {
            raw.failed("jmh:" + group.name(), notRun.runtime(), notRun.params(), "not run: " + notRun.reason());
        }
    }

    /**
     * Runs one invocation with its log on the console and appended to {@code raw/jmh-<group>.log},
     * adds its results to the group's and rewrites the group's result file, then writes a
     * failures.jsonl line for each expected trial that produced no result: JMH goes on past a
     * failed trial, so an invocation with results can still have failed points.
     *
     * @return the invocation's status for suite.log: ok, or how many of its trials failed
     */
    String runLogged(JmhInvocation invocation, List<RunResult> groupResults) throws RunnerException, IOException {
        JmhGroup group = invocation.group();
        Options options = options(invocation).build();
        Path log = logFile(group);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Set<JmhTrial> missing;
        int expected;
        try (PrintStream out = new PrintStream(new Tee(System.out, Files.newOutputStream(log,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)), true, StandardCharsets.UTF_8)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(out,
                    options.verbosity().orElse(VerboseMode.NORMAL));
            missing = ExpectedTrials.of(options, format);
            expected = missing.size();
            for (RunResult result : new Runner(options, format).run()) {
                missing.remove(JmhTrial.of(result.getParams()));
                groupResults.add(result);
            }
        }
        writeResults(group, groupResults);
        recordFailures(group, missing, logSince(log, logStart));
        if (missing.isEmpty()) {
            return "ok (" + expected + " results)";
        }
        return (missing.size() == expected ? "failed" : "partly failed") + " (" + missing.size() + " of " + expected
                + " trials, see failures.jsonl)";
    }

    /** The group's results so far, in JMH's JSON, replacing the file at once (never a half-written one). */
    private void writeResults(JmhGroup group, List<RunResult> results) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        Path file = resultFile(group);
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try (PrintStream out = new PrintStream(Files.newOutputStream(partial), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> logSince(Path log, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8).lines().toList();
    }

    /** One failures.jsonl line per trial without a result, with the first exception line the log has for it. */
    void recordFailures(JmhGroup group, Set<JmhTrial> missing, List<String> log) {
        Map<JmhTrial, String> errors = JmhLog.failures(log);
        for (JmhTrial trial : missing) {
            raw.failed("jmh:" + group.name(), trial.runtime(), trial.failureParams(), errors.getOrDefault(trial,
                    "no result and no failure in its log " + logFile(group).getFileName()
                            + " (the run stopped before this trial?)"));
        }
    }

    private Path logFile(JmhGroup group) {
        return raw.path().resolve("jmh-" + group.name() + ".log");
    }

    private Path resultFile(JmhGroup group) {
        return raw.path().resolve("jmh-" + group.name() + ".json");
    }

    ChainedOptionsBuilder options(JmhInvocation invocation) {
        JmhSettings settings = invocation.group().settings();
        List<String> appended = new ArrayList<>(forkFlags());
        appended.addAll(invocation.forkFlags());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(invocation.include())
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
                .param("runtime", invocation.runtimes().toArray(String[]::new))
                .jvmArgs(settings.jvmArgs().toArray(String[]::new))
                .jvmArgsAppend(appended.toArray(String[]::new));
        for (Map.Entry<String, List<String>> param : invocation.params().entrySet()) {
            options.param(param.getKey(), param.getValue().toArray(String[]::new));
        }
        if (invocation.group().gcProfiler()) {
            options.addProfiler(GCProfiler.class);
        }
        return options;
    }

    /** A failure's params, each a scalar as failures.jsonl has them: several values comma-separated. */
    private static Map<String, Object> params(JmhInvocation invocation) {
        Map<String, Object> params = new LinkedHashMap<>();
        invocation.params().forEach((name, values) -> params.put(name, String.join(",", values)));
        return params;
    }
}
