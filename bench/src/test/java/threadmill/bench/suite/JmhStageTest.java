package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadmill.bench.raw.RawDir;

class JmhStageTest {

    /** A real JMH run: the pool's echo server refuses more connections than it has threads, before any server starts. */
    @Test
    void aTrialThatFailsIsAFailureLineWithItsMessage(@TempDir Path dir) throws Exception {
        JmhStage stage = new JmhStage(SuiteSize.SMOKE, List.of("pool"), new RawDir(dir));
        JmhGroup group = new JmhGroup("connect-storm", "ConnectStormBenchmark", Map.of("connections", List.of("300")), false, 1);
        String status = stage.runLogged(group);
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
        JmhGroup group = new JmhGroup("spawn", "SpawnBenchmark", Map.of("tasks", List.of("1000")), false, 1,
                Map.of("threads", "too slow for this test"));
        stage.recordLeftOut(group);
        assertEquals(List.of("futures"), List.of(stage.options(group).build().getParameter("runtime").get().toArray()));
        String line = Files.readString(dir.resolve("failures.jsonl"));
        assertTrue(line.startsWith("{\"stage\":\"jmh:spawn\",\"runtime\":\"threads\",\"params\":{\"tasks\":\"1000\"},"
                + "\"error\":\"not run: too slow for this test\""), line);
    }

    /** A trial the log says nothing about (the run stopped before it) still gets its line, pointing at the log. */
    @Test
    void aTrialWithoutAFailureInTheLogIsStillRecorded(@TempDir Path dir) throws Exception {
        JmhStage stage = new JmhStage(SuiteSize.SMOKE, List.of("threads"), new RawDir(dir));
        JmhGroup group = new JmhGroup("creation", "CreationBenchmark", Map.of("tasks", List.of("100000")), true, 1);
        JmhTrial trial = new JmhTrial("threadmill.bench.jmh.CreationBenchmark.spawnAndJoin",
                new TreeMap<>(Map.of("runtime", "threads", "tasks", "100000")));
        stage.recordFailures(group, Set.of(trial), List.of("# Run progress: 0.00% complete"));
        String line = Files.readString(dir.resolve("failures.jsonl"));
        assertTrue(line.startsWith("{\"stage\":\"jmh:creation\",\"runtime\":\"threads\",\"params\":{\"benchmark\":"
                + "\"CreationBenchmark.spawnAndJoin\",\"tasks\":100000},\"error\":\"no result and no failure in its log"
                + " jmh-creation.log"), line);
    }
}
