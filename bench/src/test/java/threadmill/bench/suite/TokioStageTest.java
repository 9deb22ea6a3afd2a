package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadmill.bench.raw.ProbeLine;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.ReferenceInfo;
import threadmill.bench.raw.ReferenceLine;

/** The reference's own output, as reference/tokio's README documents it, becomes the raw format's lines. */
class TokioStageTest {

    private static final String INFO = "{\"runtime\":\"tokio\",\"tokioVersion\":\"1.24.2\",\"rustcVersion\":\"rustc 1.95.0\","
            + "\"target\":\"x86_64-unknown-linux-gnu\",\"profile\":\"release\",\"optLevel\":\"3\",\"defaultWorkerThreads\":2,"
            + "\"sleepBytes\":640,\"sleepAlign\":128,\"joinHandleBytes\":8,\"sampleTasks\":10000,\"tasks\":{\"async-sleep\":"
            + "{\"command\":\"sleep10s --task async-sleep\",\"futureBytes\":768,\"futureAlign\":128,\"mallocBytesPerTask\":"
            + "1297.1136},\"empty\":{\"command\":\"spawn\",\"futureBytes\":16,\"futureAlign\":8,\"mallocBytesPerTask\":127.9}}}";

    private static final String PROBE = "{\"experiment\":\"memory\",\"runtime\":\"tokio\",\"tasks\":1,\"status\":\"ok\","
            + "\"error\":null,\"osLimits\":{\"pidMax\":32768,\"threadsMax\":192725,\"maxMapCount\":65530,"
            + "\"maxUserProcesses\":96362,\"maxOpenFiles\":20000},\"jvmFlags\":null,\"sleepMs\":600000,\"depth\":1,"
            + "\"warmupTasks\":null,\"spawnNanos\":92164,\"parkedNanos\":1771495,\"parkedTasks\":1,"
            + "\"heapUsedAfterGcBytes\":null,\"rssBytes\":2977792,\"hwmBytes\":2977792,\"pteBytes\":65536,\"nmt\":null,"
            + "\"completeNanos\":null,\"wallNanos\":null,\"processCpuNanos\":13637000,\"uptimeNanos\":504140986,"
            + "\"cpuPercent\":2.7,\"tokioVersion\":\"1.24.2\",\"workerThreads\":2,\"task\":\"async-sleep\",\"threads\":3,"
            + "\"mallocInUseBytes\":55904}";

    private static final String SPAWN_RESULT = "{\"runtime\":\"tokio\",\"tokioVersion\":\"1.24.2\",\"kind\":\"result\","
            + "\"benchmark\":\"spawn\",\"mode\":\"avgt\",\"params\":{\"tasks\":1000,\"spawner\":\"main\",\"workerThreads\":2},"
            + "\"warmupIterations\":1,\"measurementIterations\":3,\"primaryMetric\":{\"score\":305.3,\"scoreError\":28.1,"
            + "\"scoreConfidence\":[277.2,333.4],\"confidenceLevel\":0.999,\"scoreUnit\":\"ns/task\","
            + "\"rawData\":[[129.2,415.8,370.9]]}}";

    @Test
    void infoIsEnvJsonsReference() throws Exception {
        assertEquals(new ReferenceInfo("ok", "1.24.2", "rustc 1.95.0", 2, 768L, 128L, 640L, 1297.1136),
                TokioStage.info(INFO));
    }

    @Test
    void aProbeLineKeepsTheRawFormatsFieldsAndIsNative() throws Exception {
        ProbeLine line = TokioStage.probeLine(PROBE, "1.24.2");
        assertEquals("tokio", line.runtime());
        assertEquals(ProbeLine.NATIVE, line.config());
        assertEquals("1.24.2", line.runtimeVersion());
        assertEquals(2977792L, line.rssBytes());
        assertNull(line.heapUsedAfterGcBytes());
        assertEquals(List.of(), line.jvmFlags());
    }

    @Test
    void aSpawnResultIsAReferenceLineAndAnIterationIsNone() throws Exception {
        assertEquals(new ReferenceLine("tokio", "1.24.2", "spawn", 1000, 305.3, 28.1, 277.2, 333.4, "ns/task", 3,
                List.of(129.2, 415.8, 370.9), 2), TokioStage.referenceLine(SPAWN_RESULT, "1.24.2"));
        assertNull(TokioStage.referenceLine("{\"kind\":\"iteration\",\"iteration\":1}", "1.24.2"));
    }

    /** Without a build script that can build (here: one that says what is missing), one not-run line and on. */
    @Test
    void aReferenceThatCannotBeBuiltIsOneNotRunLine(@TempDir Path dir) throws Exception {
        Path reference = Files.createDirectories(dir.resolve("reference/tokio"));
        Files.writeString(reference.resolve("build.sh"),
                "echo 'not run: cargo or tokio sources not available (no cargo here)'\nexit 3\n");
        RawDir raw = new RawDir(dir.resolve("raw"));
        TokioStage stage = new TokioStage(dir, SuiteSize.QUICK, raw, false);

        ReferenceInfo info = stage.run(new Progress(raw, stage.estimate(), stage.plan().size()));

        assertEquals(ReferenceInfo.notRun("not run: cargo or tokio sources not available (no cargo here)"), info);
        List<String> failures = Files.readAllLines(raw.path().resolve("failures.jsonl"));
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("{\"stage\":\"reference:tokio\",\"runtime\":\"tokio\","), failures.get(0));
        assertTrue(failures.get(0).contains("\"error\":\"not run: cargo or tokio sources not available (no cargo here)\""));
        assertTrue(!Files.exists(raw.path().resolve("probe.jsonl")));
    }

    /** The reference measures spawn cost where the spawn benchmark does, for a runtime like it. */
    @Test
    void spawnAtTheSpawnBenchmarksTaskCounts() {
        assertEquals(List.of(100_000), TokioStage.spawnTasks(SuiteSize.QUICK));
        assertEquals(List.of(1_000, 1_000_000), TokioStage.spawnTasks(SuiteSize.FULL));
    }

    /** A small fan-out is repeated more, up to a bound; a million tasks keeps the least. */
    @Test
    void spawnIterationsMakeTenMillionTasksWithinBounds() {
        assertEquals(1_000, TokioStage.spawnIterations(1_000), "10,000 capped");
        assertEquals(100, TokioStage.spawnIterations(100_000));
        assertEquals(20, TokioStage.spawnIterations(1_000_000), "10 raised to the least");
    }
}
