package threadmill.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import threadmill.bench.raw.RawDir;
import threadmill.workload.TaskRuntimes;

/**
 * Runs every benchmark on every runtime once, at the smallest sizes, in a forked JVM as the
 * real runs do, so that a benchmark that no longer runs fails the build. It measures nothing:
 * one short iteration, no warm-up. At these sizes no runtime reaches an OS limit, so a
 * ResourceLimitException is a failure here like any other.
 */
class BenchmarksSmokeTest {

    private static final List<Class<?>> BENCHMARKS = List.of(
            CreationBenchmark.class,
            SpawnBenchmark.class,
            SleepThroughputBenchmark.class,
            TimerLatenessBenchmark.class,
            RequestFanOutBenchmark.class,
            ConnectStormBenchmark.class,
            RequestLatencyBenchmark.class);

    /** Every runtime the registry finds, as the suite passes them. */
    private static final List<String> RUNTIMES = TaskRuntimes.names();

    /** Benchmarks that publish a histogram, with the metric each writes to latency.jsonl. */
    private static final List<String> LATENCY_METRICS = List.of("timer-lateness", "request-latency", "server-latency");

    private static final Pattern BENCHMARK_CLASS = Pattern.compile("threadmill\\.bench\\.jmh\\.\\w+Benchmark\\b");

    private static final Pattern EXCEPTION_LINE = Pattern.compile("^[\\w.$]+(Exception|Error)(: .*)?$");

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyBenchmarkRunsOnEveryRuntime() throws Exception {
        Path log = temp.resolve("jmh.log");
        Path raw = temp.resolve("raw");
        OptionsBuilder options = new OptionsBuilder();
        BENCHMARKS.forEach(benchmark -> options.include(Pattern.quote(benchmark.getName()) + "\\."));
        Options smoke = options
                .param("runtime", RUNTIMES.toArray(String[]::new))
                .param("tasks", "100")
                .param("sleepMs", "1")
                .param("armed", "0", "50")
                .param("connections", "10")
                .param("requests", "5")
                .param("payload", "16")
                .param("rate", "1000")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .timeout(TimeValue.seconds(60))
                .jvmArgs("-Xmx1g", "-D" + RawDir.PROPERTY + "=" + raw)
                .shouldFailOnError(false)
                .output(log.toString())
                .build();

        Collection<RunResult> results = new Runner(smoke).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, result.getParams().getBenchmark());
            ran.add(result.getParams().getBenchmark() + " " + result.getParams().getParam("runtime"));
        }
        String failures = failures(log);
        assertEquals(expected(), ran, () -> "benchmarks that did not run:\n" + failures);
        assertLatencyLines(raw);
    }

    /** A benchmark class added later is smoke-tested too, or this fails. */
    @Test
    void everyBenchmarkClassIsListedHere() throws IOException {
        Set<String> generated = new TreeSet<>();
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            Matcher name = BENCHMARK_CLASS.matcher(new String(list.readAllBytes(), StandardCharsets.UTF_8));
            while (name.find()) {
                generated.add(name.group());
            }
        }
        Set<String> listed = new TreeSet<>();
        BENCHMARKS.forEach(benchmark -> listed.add(benchmark.getName()));
        assertEquals(generated, listed);
    }

    private static Set<String> expected() {
        Set<String> expected = new TreeSet<>();
        for (Class<?> benchmark : BENCHMARKS) {
            for (Method method : benchmark.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    RUNTIMES.forEach(runtime -> expected.add(benchmark.getName() + "." + method.getName() + " " + runtime));
                }
            }
        }
        return expected;
    }

    private static void assertLatencyLines(Path raw) throws IOException {
        List<String> lines = Files.readAllLines(raw.resolve("latency.jsonl"), StandardCharsets.UTF_8);
        for (String metric : LATENCY_METRICS) {
            for (String runtime : RUNTIMES) {
                String key = "{\"metric\":\"" + metric + "\",\"runtime\":\"" + runtime + "\"";
                assertTrue(lines.stream().anyMatch(line -> line.startsWith(key)),
                        () -> "no latency.jsonl line for " + metric + " on " + runtime + " in " + lines);
            }
        }
        // Armed sleepers would each hold one of a bounded runtime's places, so such a runtime
        // refuses them (see TimerLatenessBenchmark); every other runtime runs them.
        for (String runtime : RUNTIMES.stream()
                .filter(name -> TaskRuntimes.provider(name).maxConcurrentTasks().isEmpty()).toList()) {
            String key = "{\"metric\":\"timer-lateness\",\"runtime\":\"" + runtime + "\"";
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(key) && line.contains("\"armed\":50")),
                    () -> "no timer-lateness line with armed tasks on " + runtime + " in " + lines);
        }
    }

    /** The first line of every error in the JMH log, with the benchmark and parameters it hit. */
    private static String failures(Path log) throws IOException {
        List<String> found = new ArrayList<>();
        String where = "";
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("# Benchmark: ") || line.startsWith("# Parameters: ")) {
                where = line.startsWith("# Benchmark: ") ? line.substring(13) : where + " " + line.substring(14);
            } else if (EXCEPTION_LINE.matcher(line).matches()) {
                found.add(where + ": " + line);
            }
        }
        return String.join("\n", found);
    }
}
