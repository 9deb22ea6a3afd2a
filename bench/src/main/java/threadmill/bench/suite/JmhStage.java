package threadmill.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
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
 * Runs the JMH groups through JMH's Runner API, one invocation per group, each writing its
 * JSON results to {@code raw/jmh-<group>.json} and its log to {@code raw/jmh-<group>.log}.
 * Each trial without a result (and a group that fails as a whole) is recorded in
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

    void run(Progress progress) {
        for (JmhGroup group : size.jmhGroups()) {
            recordLeftOut(group);
            List<String> groupRuntimes = group.runtimesOf(runtimes);
            if (groupRuntimes.isEmpty()) {
                continue;
            }
            String status;
            Path resultFile = resultFile(group);
            try {
                status = runLogged(group);
            } catch (RunnerException | IOException | RuntimeException e) {
                status = "failed";
                raw.failed("jmh:" + group.name(), String.join(",", groupRuntimes), params(group),
                        String.valueOf(e.getMessage()).replace('\n', ' '));
            }
            deleteIfEmpty(resultFile);
            progress.point("jmh:" + group.name(), String.join(",", groupRuntimes), group.params(), status);
        }
    }

    /** A runtime the suite runs but this group leaves out is a failures.jsonl line with the reason. */
    void recordLeftOut(JmhGroup group) {
        for (String runtime : runtimes) {
            String reason = group.leftOut().get(runtime);
            if (reason != null) {
                raw.failed("jmh:" + group.name(), runtime, params(group), "not run: " + reason);
            }
        }
    }

    /**
     * Runs one group with its log on the console and in {@code raw/jmh-<group>.log}, then writes a
     * failures.jsonl line for each expected trial that produced no result: JMH goes on past a
     * failed trial, so a group with results can still have failed points.
     *
     * @return the group's status for suite.log: ok, or how many of its trials failed
     */
    String runLogged(JmhGroup group) throws RunnerException, IOException {
        Options options = options(group).build();
        Path log = logFile(group);
        Set<JmhTrial> missing;
        int expected;
        try (PrintStream out = new PrintStream(new Tee(System.out, Files.newOutputStream(log)), true,
                StandardCharsets.UTF_8)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(out,
                    options.verbosity().orElse(VerboseMode.NORMAL));
            missing = ExpectedTrials.of(options, format);
            expected = missing.size();
            for (RunResult result : new Runner(options, format).run()) {
                missing.remove(JmhTrial.of(result.getParams()));
            }
        }
        recordFailures(group, missing, Files.readAllLines(log, StandardCharsets.UTF_8));
        if (missing.isEmpty()) {
            return "ok (" + expected + " results)";
        }
        return (missing.size() == expected ? "failed" : "partly failed") + " (" + missing.size() + " of " + expected
                + " trials, see failures.jsonl)";
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

    /** JMH creates its result file before it knows whether anything will run; an empty one is no result. */
    private static void deleteIfEmpty(Path file) {
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the empty result file " + file, e);
        }
    }

    ChainedOptionsBuilder options(JmhGroup group) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(group.includeRegex())
                .forks(size.settings().forks())
                .warmupIterations(size.settings().warmupIterations())
                .warmupTime(TimeValue.milliseconds(size.settings().iterationTime().toMillis()))
                .measurementIterations(size.settings().measurementIterations())
                .measurementTime(TimeValue.milliseconds(size.settings().iterationTime().toMillis()))
                .param("runtime", group.runtimesOf(runtimes).toArray(String[]::new))
                .jvmArgsAppend(forkFlags().toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile(group).toString());
        for (Map.Entry<String, List<String>> param : group.params().entrySet()) {
            options.param(param.getKey(), param.getValue().toArray(String[]::new));
        }
        if (group.gcProfiler()) {
            options.addProfiler(GCProfiler.class);
        }
        return options;
    }

    /** A failure's params, each a scalar as failures.jsonl has them: several values comma-separated. */
    private static Map<String, Object> params(JmhGroup group) {
        Map<String, Object> params = new LinkedHashMap<>();
        group.params().forEach((name, values) -> params.put(name, String.join(",", values)));
        return params;
    }
}
