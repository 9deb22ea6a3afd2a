package threadmill.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import threadmill.bench.probe.Experiment;
import threadmill.bench.probe.ProbeSweep;
import threadmill.bench.raw.FailureLine;
import threadmill.bench.raw.ProbeLine;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.bench.raw.ReferenceInfo;
import threadmill.bench.raw.ReferenceLine;
import threadmill.harness.JsonLines;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The native tokio reference (reference/tokio, README.md there): builds it with its
 * {@code build.sh}, which needs cargo and tokio's sources offline; when they are not there
 * (exit 3) records one failures.jsonl line and goes on. Otherwise it records what the binary
 * says of itself ({@code info}) as env.json's {@code reference.tokio}, runs the memory probe's
 * points (the N = 1 baseline and the JVM runtimes' matrix N) and the sleep-10-s experiment as
 * probe.jsonl lines ({@code runtime} tokio, {@code config} native), and spawn cost at the spawn
 * benchmark's task counts as reference.jsonl lines. The suite never installs anything: the
 * README says how to enable the reference.
 */
final class TokioStage {

    static final String RUNTIME = "tokio";
    static final String STAGE = "reference:" + RUNTIME;
    /** The task the reference's sleep and probe points spawn: pkolaczk's {@code async { sleep(d).await }}. */
    static final String TASK = "async-sleep";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** A build from nothing: cargo compiles tokio and its dependencies. */
    private static final Duration COLD_BUILD = Duration.ofSeconds(35);
    /** A build that finds the binary up to date, or waits for the build Maven started alongside its own. */
    private static final Duration WARM_BUILD = Duration.ofSeconds(5);
    private static final int SPAWN_WARMUP = 5;
    /**
     * Tasks the spawn measure's iterations spawn in all, a few seconds of spawning: its interval
     * is Student t over its iterations (one process, no forks), so a small fan-out, quick to
     * repeat, gets as many iterations as make this many tasks, within
     * [{@link #SPAWN_MIN_ITERATIONS}, {@link #SPAWN_MAX_ITERATIONS}].
     */
    private static final long SPAWN_TASKS_MEASURED = 10_000_000;
    private static final int SPAWN_MIN_ITERATIONS = 20;
    private static final int SPAWN_MAX_ITERATIONS = 1_000;
    /** Spawning, running and joining one task, for the plan: above what the reference's runs measure, so the plan errs long. */
    private static final long SPAWN_NANOS_PER_TASK = 500;

    private final Path directory;
    private final RawDir raw;
    private final List<Integer> probeTasks;
    private final List<Integer> sleepTasks;
    private final List<Integer> spawnTasks;

    private final boolean builtAlongsideMaven;

    /**
     * @param builtAlongsideMaven whether the suite profile started build.sh in the background at
     *        the start of Maven's build, which then has had the build's time to finish
     */
    TokioStage(Path repoRoot, SuiteSize size, RawDir raw, boolean builtAlongsideMaven) {
        this.directory = repoRoot.resolve("reference").resolve(RUNTIME);
        this.raw = raw;
        this.builtAlongsideMaven = builtAlongsideMaven;
        boolean full = size.full();
        this.probeTasks = size == SuiteSize.SMOKE ? List.of(1, 1_000)
                : full ? ProbeSweep.QUICK_TASKS : List.of(1, ProbeSweep.MATRIX_TASKS);
        this.sleepTasks = size == SuiteSize.SMOKE ? List.of(10_000)
                : full ? ProbeSweep.SLEEP10S_TASKS : List.of(ProbeSweep.SLEEP10S_MATRIX_TASKS);
        this.spawnTasks = spawnTasks(size);
    }

    /**
     * Every task count a spawn benchmark of this suite size measures on a runtime like tokio's
     * (tasks that are neither kernel threads nor bounded), smallest first.
     */
    static List<Integer> spawnTasks(SuiteSize size) {
        TaskRuntimeProvider like = TaskRuntimes.providers().values().stream()
                .filter(provider -> !provider.eachTaskIsKernelThread() && provider.maxConcurrentTasks().isEmpty())
                .findFirst().orElse(null);
        Set<Integer> tasks = new TreeSet<>();
        for (JmhGroup group : size.jmhGroups()) {
            if (group.benchmarkClass().equals("SpawnBenchmark")) {
                group.parts().forEach(part -> (like == null ? part.params() : part.paramsFor(like))
                        .getOrDefault("tasks", List.of()).forEach(value -> tasks.add(Integer.parseInt(value))));
            }
        }
        return List.copyOf(tasks);
    }

    /** The measured iterations of the spawn measure at {@code tasks}: {@link #SPAWN_TASKS_MEASURED} tasks in all, within bounds. */
    static int spawnIterations(int tasks) {
        return (int) Math.clamp(SPAWN_TASKS_MEASURED / tasks, SPAWN_MIN_ITERATIONS, SPAWN_MAX_ITERATIONS);
    }

    /** The steps in order, each with its planned time. */
    List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        boolean built = builtAlongsideMaven || Files.isExecutable(directory.resolve("target/release/tokio-reference"));
        steps.add(new Step("build", built ? WARM_BUILD : COLD_BUILD));
        steps.add(new Step("info", Duration.ofSeconds(1)));
        probeTasks.forEach(n -> steps.add(new Step("probe tasks=" + n,
                Duration.ofMillis(600).plusNanos(n * 1_500L))));
        sleepTasks.forEach(n -> steps.add(new Step("sleep10s tasks=" + n,
                Duration.ofMillis(Experiment.SLEEP10S.sleepMillis() + 300).plusNanos(n * 8_000L))));
        spawnTasks.forEach(n -> steps.add(new Step("spawn tasks=" + n,
                Duration.ofMillis(100).plusNanos((SPAWN_WARMUP + spawnIterations(n)) * n * SPAWN_NANOS_PER_TASK))));
        return steps;
    }

    Duration estimate() {
        return plan().stream().map(Step::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Builds and runs the reference, each result written as soon as it is known.
     *
     * @return what env.json's {@code reference.tokio} records
     */
    ReferenceInfo run(Progress progress) throws InterruptedException {
        List<Step> steps = plan();
        Path binary;
        try {
            NativeCommand build = NativeCommand.run(List.of("bash", directory.resolve("build.sh").toString()),
                    directory, BUILD_TIMEOUT);
            String line = build.stdout().isEmpty() ? "" : build.stdout().get(build.stdout().size() - 1).trim();
            if (build.exitCode() != 0) {
                String status = build.exitCode() == 3 ? line : "not run: " + (line.isEmpty()
                        ? "build.sh exited with " + build.exitCode() + ": " + build.stderrLine() : line);
                return notRun(status, steps, 0, progress);
            }
            binary = Path.of(line);
            progress.point(STAGE, RUNTIME, "build", "ok", steps.get(0).estimate());
        } catch (IOException e) {
            return notRun("not run: cannot run " + directory.resolve("build.sh") + ": " + FailureLine.oneLine(e), steps,
                    0, progress);
        }
        ReferenceInfo info;
        try {
            info = info(command(binary, "info"));
        } catch (IOException | RuntimeException e) {
            return notRun("not run: " + binary + " info failed: " + FailureLine.oneLine(e), steps, 1, progress);
        }
        progress.point(STAGE, RUNTIME, "info", "ok", steps.get(1).estimate());
        int step = 2;
        for (int n : probeTasks) {
            probePoint(binary, "probe", n, info, progress, steps.get(step++));
        }
        for (int n : sleepTasks) {
            probePoint(binary, "sleep10s", n, info, progress, steps.get(step++));
        }
        for (int n : spawnTasks) {
            spawn(binary, n, info, progress, steps.get(step++));
        }
        return info;
    }

    /** Records why the reference did not run, as step {@code failed} of the plan, and skips the rest. */
    private ReferenceInfo notRun(String status, List<Step> steps, int failed, Progress progress) {
        raw.failed(STAGE, RUNTIME, Map.of("directory", directory.toString()), status);
        progress.point(STAGE, RUNTIME, steps.get(failed).label(), status, steps.get(failed).estimate());
        progress.skipped(steps.size() - failed - 1, steps.stream().skip(failed + 1L).map(Step::estimate)
                .reduce(Duration.ZERO, Duration::plus));
        return ReferenceInfo.notRun(status);
    }

    /** The binary's {@code info}: the version, the build's rustc, and what the probe's task weighs. */
    static ReferenceInfo info(String json) throws IOException {
        JsonNode info = JsonLines.mapper().readTree(json);
        JsonNode task = info.path("tasks").path(TASK);
        return new ReferenceInfo(ReferenceInfo.OK, text(info, "tokioVersion"), text(info, "rustcVersion"),
                info.hasNonNull("defaultWorkerThreads") ? info.get("defaultWorkerThreads").asInt() : null,
                task.hasNonNull("futureBytes") ? task.get("futureBytes").asLong() : null,
                task.hasNonNull("futureAlign") ? task.get("futureAlign").asLong() : null,
                info.hasNonNull("sleepBytes") ? info.get("sleepBytes").asLong() : null,
                task.hasNonNull("mallocBytesPerTask") ? task.get("mallocBytesPerTask").asDouble() : null);
    }

    private void probePoint(Path binary, String command, int tasks, ReferenceInfo info, Progress progress, Step step)
            throws InterruptedException {
        String experiment = command.equals("probe") ? Experiment.MEMORY.label() : Experiment.SLEEP10S.label();
        String status;
        try {
            ProbeLine line = probeLine(command(binary, command, Integer.toString(tasks), "--task", TASK),
                    info.version());
            raw.append(line);
            status = line.status();
            if (!line.ok()) {
                raw.failed("probe:" + experiment, RUNTIME, failureParams(experiment, tasks), line.error());
            }
        } catch (IOException | RuntimeException e) {
            status = "failed";
            raw.failed("probe:" + experiment, RUNTIME, failureParams(experiment, tasks), FailureLine.oneLine(
                    e instanceof IOException io ? io : new IOException(e.toString(), e)));
        }
        progress.point("probe:" + experiment, RUNTIME, step.label(), status, step.estimate());
    }

    private static Map<String, Object> failureParams(String experiment, int tasks) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("experiment", experiment);
        params.put("tasks", tasks);
        params.put("config", ProbeLine.NATIVE);
        return params;
    }

    /**
     * A line of the reference's {@code probe} or {@code sleep10s} as probe.jsonl has it: the keys
     * RAW-FORMAT's probe line has (the reference prints them in its order), {@code config}
     * {@value ProbeLine#NATIVE} and {@code runtimeVersion} its tokio version; the keys of its
     * own (its worker threads, its task, its thread count, the allocator's view) stay in its
     * output, not in the raw format.
     */
    static ProbeLine probeLine(String json, String version) throws IOException {
        ObjectNode line = (ObjectNode) JsonLines.mapper().readTree(json);
        Set<String> fields = java.util.Arrays.stream(ProbeLine.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                names.remove();
            }
        }
        line.put("config", ProbeLine.NATIVE);
        line.put("runtimeVersion", version != null ? version : text(JsonLines.mapper().readTree(json), "tokioVersion"));
        return JsonLines.parse(JsonLines.mapper().writeValueAsString(line), ProbeLine.class);
    }

    private void spawn(Path binary, int tasks, ReferenceInfo info, Progress progress, Step step)
            throws InterruptedException {
        String status;
        try {
            List<String> lines = commandLines(binary, "spawn", Integer.toString(tasks), "--iterations",
                    Integer.toString(spawnIterations(tasks)), "--warmup", Integer.toString(SPAWN_WARMUP));
            int results = 0;
            for (String json : lines) {
                ReferenceLine line = referenceLine(json, info.version());
                if (line != null) {
                    raw.append(line);
                    results++;
                }
            }
            if (results == 0) {
                throw new IOException("tokio-reference spawn printed no result line");
            }
            status = "ok (" + results + " results)";
        } catch (IOException | RuntimeException e) {
            status = "failed";
            raw.failed(STAGE, RUNTIME, Map.of("benchmark", "spawn", "tasks", tasks), FailureLine.oneLine(
                    e instanceof IOException io ? io : new IOException(e.toString(), e)));
        }
        progress.point(STAGE, RUNTIME, step.label(), status, step.estimate());
    }

    /** A {@code "kind":"result"} line of the reference's {@code spawn} as reference.jsonl has it; null for another line. */
    static ReferenceLine referenceLine(String json, String version) throws IOException {
        JsonNode line = JsonLines.mapper().readTree(json);
        if (!"result".equals(text(line, "kind"))) {
            return null;
        }
        JsonNode metric = line.path("primaryMetric");
        JsonNode confidence = metric.path("scoreConfidence");
        List<Double> rawData = new ArrayList<>();
        metric.path("rawData").forEach(fork -> fork.forEach(value -> rawData.add(value.asDouble())));
        JsonNode params = line.path("params");
        return new ReferenceLine(RUNTIME, version != null ? version : text(line, "tokioVersion"),
                text(line, "benchmark"), params.path("tasks").asLong(), metric.path("score").asDouble(),
                metric.hasNonNull("scoreError") ? metric.get("scoreError").asDouble() : null,
                confidence.isArray() && confidence.size() == 2 && !confidence.get(0).isNull()
                        ? confidence.get(0).asDouble() : null,
                confidence.isArray() && confidence.size() == 2 && !confidence.get(1).isNull()
                        ? confidence.get(1).asDouble() : null,
                text(metric, "scoreUnit"), line.hasNonNull("measurementIterations")
                        ? line.get("measurementIterations").asInt() : rawData.size(), rawData,
                params.hasNonNull("workerThreads") ? params.get("workerThreads").asInt() : null);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The single JSON line a command prints. */
    private String command(Path binary, String... args) throws IOException, InterruptedException {
        List<String> lines = commandLines(binary, args);
        if (lines.size() != 1) {
            throw new IOException(binary.getFileName() + " " + String.join(" ", args) + " printed " + lines.size()
                    + " JSON lines, expected one");
        }
        return lines.get(0);
    }

    /** Every JSON line a command prints; a non-zero exit is a failure with its message. */
    private List<String> commandLines(Path binary, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        NativeCommand run = NativeCommand.run(command, directory, Duration.ofMinutes(5));
        if (run.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + run.exitCode() + ": "
                    + run.stderrLine());
        }
        return run.stdout().stream().filter(line -> line.startsWith("{")).toList();
    }

    /** One step of the stage and its planned time. */
    record Step(String label, Duration estimate) {
    }
}
