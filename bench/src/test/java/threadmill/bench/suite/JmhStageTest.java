package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import threadmill.bench.raw.RawDir;
import threadmill.harness.JsonLines;
import threadmill.workload.TaskRuntimeProvider;

class JmhStageTest {

    private static final JmhSettings ONCE = new JmhSettings(1, 0, 1, Duration.ofMillis(200), 256);

    private static JmhGroup group(String name, String benchmarkClass, JmhPart part, Map<String, String> leftOut) {
        return new JmhGroup(name, benchmarkClass, false, ONCE, List.of(part), leftOut, "a test");
    }

    private static JmhPart part(Map<String, List<String>> params) {
        return JmhPart.of(params, (provider, point) -> Duration.ofMillis(1));
    }

    /** A real JMH run: the pool's echo server refuses more connections than it has threads, before any server starts. */
    @Test
    void aTrialThatFailsIsAFailureLineWithItsMessage(@TempDir Path dir) throws Exception {
        JmhStage stage = new JmhStage(SuiteSize.SMOKE, List.of("pool"), new RawDir(dir));
        JmhGroup group = group("connect-storm", "ConnectStormBenchmark", part(Map.of("connections", List.of("300"))), Map.of());
        String status = stage.runLogged(group.invocations(List.of("pool")).get(0), new ArrayList<>());
        assertEquals("failed (1 of 1 trials, see failures.jsonl)", status);
        List<String> failures = Files.readAllLines(dir.resolve("failures.jsonl"));
        assertEquals(1, failures.size(), failures.toString());
        String line = failures.get(0);
        assertTrue(line.startsWith("{\"stage\":\"jmh:connect-storm\",\"runtime\":\"pool\",\"params\":{\"benchmark\":"
                + "\"ConnectStormBenchmark.serve\",\"connections\":300,\"payload\":128,\"requests\":10},"
                + "\"error\":\"java.lang.IllegalArgumentException: connections=300 exceeds the 200 connections"
                + " the pool server serves at once"), line);
        assertTrue(line.contains("\"osLimits\":{\"pidMax\":"), line);
        assertTrue(Files.readString(dir.resolve("jmh-connect-storm.log")).contains("Iteration   1: <failure>"));
    }

    /** A runtime the group leaves out is not run, and its failures.jsonl line gives the group's reason. */
    @Test
    void aRuntimeTheGroupLeavesOutIsANotRunLineWithItsReason(@TempDir Path dir) throws Exception {
        JmhStage stage = new JmhStage(SuiteSize.SMOKE, List.of("threads", "futures"), new RawDir(dir));
        JmhGroup group = group("spawn", "SpawnBenchmark", part(Map.of("tasks", List.of("1000"))),
                Map.of("threads", "too slow for this test"));
        stage.recordNotRun(group);
        List<JmhInvocation> invocations = group.invocations(List.of("threads", "futures"));
        assertEquals(1, invocations.size());
        assertEquals(List.of("futures"),
                List.of(stage.options(invocations.get(0)).build().getParameter("runtime").get().toArray()));
        String line = Files.readString(dir.resolve("failures.jsonl"));
        assertTrue(line.startsWith("{\"stage\":\"jmh:spawn\",\"runtime\":\"threads\",\"params\":{\"tasks\":\"1000\"},"
                + "\"error\":\"not run: too slow for this test\""), line);
    }

    /**
     * A restriction runs a runtime at fewer points, in an invocation of its own, and each value it
     * takes away is a not-run line naming that value; an unrecorded one takes values silently.
     */
    @Test
    void aRestrictionSplitsTheInvocationsAndRecordsWhatItTakesAway(@TempDir Path dir) throws Exception {
        JmhPart restricted = part(Map.of("tasks", List.of("1000", "100000")))
                .restrict(new JmhPart.Restriction(TaskRuntimeProvider::eachTaskIsKernelThread, "tasks",
                        List.of("1000"), "threads are slow", true))
                .restrict(JmhPart.Restriction.unrecorded(provider -> provider.maxConcurrentTasks().isPresent(),
                        "tasks", List.of("100000")));
        JmhGroup group = group("creation", "CreationBenchmark", restricted, Map.of());
        List<String> runtimes = List.of("threads", "pool", "loom");

        List<JmhInvocation> invocations = group.invocations(runtimes);

        assertEquals(3, invocations.size(), invocations.toString());
        assertEquals(List.of("threads"), invocations.get(0).runtimes());
        assertEquals(Map.of("tasks", List.of("1000")), invocations.get(0).params());
        assertEquals(List.of("pool"), invocations.get(1).runtimes());
        assertEquals(Map.of("tasks", List.of("100000")), invocations.get(1).params());
        assertEquals(List.of("loom"), invocations.get(2).runtimes());
        assertEquals(Map.of("tasks", List.of("1000", "100000")), invocations.get(2).params());
        List<JmhGroup.NotRun> notRun = group.notRun(runtimes);
        assertEquals(1, notRun.size(), notRun.toString());
        assertEquals("threads", notRun.get(0).runtime());
        assertEquals(Map.of("tasks", 100000L), notRun.get(0).params());
        assertEquals("threads are slow", notRun.get(0).reason());
    }

    /**
     * Worker counts: one invocation per runtime and count whose provider has a knob, its flags
     * appended to the fork; every invocation's results land in the group's one file, the fork's
     * recorded JVM arguments carrying the flags of its count.
     */
    @Test
    void eachWorkerCountIsAnInvocationWithItsFlagsAndTheGroupKeepsOneResultFile(@TempDir Path dir) throws Exception {
        RawDir raw = new RawDir(dir);
        List<String> runtimes = List.of("threads", "loom", "futures");
        JmhGroup group = new JmhGroup("sleep", "SleepThroughputBenchmark", false, ONCE,
                List.of(part(Map.of("tasks", List.of("100"), "sleepMs", List.of("1"))).workers(1)), Map.of(), "a test");
        List<JmhInvocation> invocations = group.invocations(runtimes);
        assertEquals(List.of(List.of("loom"), List.of("futures")),
                invocations.stream().map(JmhInvocation::runtimes).toList(), "threads has no worker count");
        JmhStage stage = new JmhStage(SuiteSize.SMOKE, runtimes, raw);
        List<RunResult> results = new ArrayList<>();
        for (JmhInvocation invocation : invocations) {
            assertEquals("ok (1 results)", stage.runLogged(invocation, results));
        }

        JsonNode file = JsonLines.mapper().readTree(dir.resolve("jmh-sleep.json").toFile());
        assertEquals(2, file.size());
        Map<String, String> flagsByRuntime = new LinkedHashMap<>();
        for (JsonNode result : file) {
            assertEquals("1", result.path("params").path("workers").asText());
            List<String> jvmArgs = new ArrayList<>();
            result.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
            flagsByRuntime.put(result.path("params").path("runtime").asText(),
                    jvmArgs.stream().filter(arg -> arg.contains("=1") && !arg.contains("raw.dir")).findFirst().orElse(""));
        }
        assertEquals(Map.of("loom", "-Djdk.virtualThreadScheduler.parallelism=1",
                "futures", "-Dthreadmill.futures.workers=1"), flagsByRuntime);
        assertTrue(Files.readString(dir.resolve("jmh-sleep.log")).contains("runtime = futures"));
        assertTrue(Files.list(dir).noneMatch(file1 -> file1.getFileName().toString().endsWith(".partial")));
    }

    /** A trial the log says nothing about (the run stopped before it) still gets its line, pointing at the log. */
    @Test
    void aTrialWithoutAFailureInTheLogIsStillRecorded(@TempDir Path dir) {
        JmhStage stage = new JmhStage(SuiteSize.SMOKE, List.of("threads"), new RawDir(dir));
        JmhGroup group = group("creation", "CreationBenchmark", part(Map.of("tasks", List.of("100000"))), Map.of());
        JmhTrial trial = new JmhTrial("threadmill.bench.jmh.CreationBenchmark.spawnAndJoin",
                new TreeMap<>(Map.of("runtime", "threads", "tasks", "100000")));
        stage.recordFailures(group, Set.of(trial), List.of("# Run progress: 0.00% complete"));
        String line;
        try {
            line = Files.readString(dir.resolve("failures.jsonl"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(line.startsWith("{\"stage\":\"jmh:creation\",\"runtime\":\"threads\",\"params\":{\"benchmark\":"
                + "\"CreationBenchmark.spawnAndJoin\",\"tasks\":100000},\"error\":\"no result and no failure in its log"
                + " jmh-creation.log"), line);
    }
}
