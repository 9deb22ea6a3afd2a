package threadmill.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import threadmill.bench.probe.JsonLine;
import threadmill.bench.probe.Progress;
import threadmill.bench.probe.RawDir;

/**
 * Runs the JMH groups through JMH's Runner API, one invocation per group, each writing its
 * JSON results to {@code raw/jmh-<group>.json}. A group that fails is recorded in
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
        return List.of("-Dthreadmill.raw.dir=" + raw.path().toAbsolutePath());
    }

    void run(Progress progress) {
        for (JmhGroup group : size.jmhGroups()) {
            String status;
            Path resultFile = resultFile(group);
            try {
                int results = new Runner(options(group).build()).run().size();
                status = results == 0 ? "failed" : "ok (" + results + " results)";
                if (results == 0) {
                    raw.failed("jmh:" + group.name(), String.join(",", runtimes), params(group),
                            "no benchmark of " + group.includeRegex() + " produced a result (see the suite output)");
                }
            } catch (RunnerException | RuntimeException e) {
                status = "failed";
                raw.failed("jmh:" + group.name(), String.join(",", runtimes), params(group),
                        String.valueOf(e.getMessage()).replace('\n', ' '));
            }
            if (status.equals("failed")) {
                deleteIfEmpty(resultFile);
            }
            progress.point("jmh:" + group.name(), String.join(",", runtimes), group.params(), status);
        }
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
                .forks(size.forks)
                .warmupIterations(size.warmupIterations)
                .warmupTime(TimeValue.milliseconds(size.iterationTime.toMillis()))
                .measurementIterations(size.measurementIterations)
                .measurementTime(TimeValue.milliseconds(size.iterationTime.toMillis()))
                .param("runtime", runtimes.toArray(String[]::new))
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
    private static JsonLine params(JmhGroup group) {
        JsonLine params = new JsonLine();
        group.params().forEach((name, values) -> params.put(name, String.join(",", values)));
        return params;
    }
}
