package threadmill.bench.pitfalls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.harness.CommandLine;
import threadmill.bench.raw.FailureLine;
import threadmill.bench.raw.PitfallLine;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.harness.ChildProcess;
import threadmill.harness.JsonLines;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The pitfall measurements of a suite, each in a fresh JVM with its own flags:
 * <pre>Pitfalls --out results/x/raw [--suite quick|full] [--runtimes loom,futures]</pre>
 * Runtimes come from the registry (all of them by default); each takes part in the pitfalls its
 * provider has a side of ({@link threadmill.workload.RuntimePitfalls}), and in the pinning
 * pitfall when its tasks are virtual threads.
 */
public final class Pitfalls {

    private Pitfalls() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<PitfallSpec> plan;
        RawDir raw;
        try {
            CommandLine options = new CommandLine(args, "out", "suite", "runtimes").optionsOnly();
            boolean full = switch (options.text("suite", "quick")) {
                case "quick" -> false;
                case "full" -> true;
                default -> throw new IllegalArgumentException(
                        "unknown suite '" + options.text("suite", "") + "'; known: quick, full");
            };
            plan = plan(full, options.list("runtimes", TaskRuntimes.names()));
            raw = new RawDir(Path.of(options.required("out")));
        } catch (IllegalArgumentException e) {
            System.err.println("Pitfalls: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(plan, raw, new Progress(raw));
    }

    /**
     * Blocking sleep: 2 tasks x 1 s (5 s in full, as in the seeds' demonstration). CPU hog:
     * 1000 sleepers x 20 x 10 ms around a 500 ms spin. Pinning: 10 x 1 ms sleeps per task on
     * 2 carriers, 1000 tasks (2000 in full: 10 s when every sleep pins). A runtime with no side
     * of a pitfall is left out of it.
     *
     * @throws IllegalArgumentException naming a runtime the registry does not know
     */
    public static List<PitfallSpec> plan(boolean full, List<String> runtimes) {
        List<TaskRuntimeProvider> providers = runtimes.stream().map(TaskRuntimes::provider).toList();
        List<PitfallSpec> plan = new ArrayList<>();
        Map<String, Long> sleep = params("tasks", 2, "sleepMs", full ? 5_000 : 1_000);
        providers.forEach(runtime -> plan.addAll(BlockingSleepPitfall.plan(runtime, sleep)));
        Map<String, Long> hog = params("tasks", 1_000, "sleepMs", 10, "rounds", 20, "hogDelayMs", 50, "hogMs", 500);
        plan.addAll(CpuHogPitfall.plan(providers, hog));
        Map<String, Long> pinning = params("tasks", full ? 2_000 : 1_000, "sleepMs", 1, "rounds", 10);
        providers.forEach(runtime -> plan.addAll(PinningPitfall.plan(runtime, pinning)));
        return plan;
    }

    /** The plan's time when every pitfall shows: a JVM start each plus the serialised waits. */
    public static Duration estimate(List<PitfallSpec> plan) {
        return plan.stream().map(Pitfalls::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * One pitfall's time: a JVM start plus the waits the pitfall serialises where it shows. A
     * pinning variant pins where the JDK is known to pin it (class initialisers and native
     * frames; {@code synchronized} before JEP 491 in JDK 24): every sleep then holds one of the
     * two carriers, half of tasks x rounds x sleepMs, with a millisecond sleep overrunning its
     * length by about as much again; a variant that does not pin is over in a moment.
     */
    static Duration estimate(PitfallSpec spec) {
        return Duration.ofSeconds(2).plusMillis(switch (spec.pitfall()) {
            case BlockingSleepPitfall.NAME -> spec.param("tasks") * spec.param("sleepMs");
            case CpuHogPitfall.NAME -> spec.param("rounds") * spec.param("sleepMs") + spec.param("hogMs");
            default -> PinningPitfall.pins(spec.variant(), Runtime.version().feature())
                    ? spec.param("tasks") * spec.param("rounds") * spec.param("sleepMs") : 500;
        });
    }

    public static void run(List<PitfallSpec> plan, RawDir raw, Progress progress) throws InterruptedException {
        for (PitfallSpec spec : plan) {
            String status;
            try {
                String line = ChildProcess.firstJsonLine(PitfallPoint.class, spec.jvmFlags(),
                        spec.childArgs(raw.path().toString()), spec.timeout());
                raw.append(JsonLines.parse(line, PitfallLine.class));
                status = "ok";
            } catch (IOException | IllegalArgumentException e) {
                raw.failed("pitfall:" + spec.pitfall(), spec.runtime(), spec.paramsWithVariant(), FailureLine.oneLine(e));
                status = "failed";
            }
            progress.point("pitfall:" + spec.pitfall(), spec.runtime(), spec.variant() + " " + spec.params(), status,
                    estimate(spec));
        }
    }

    /** Params in the order given: name, value, name, value... */
    static Map<String, Long> params(Object... namesAndValues) {
        Map<String, Long> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).longValue());
        }
        return params;
    }
}
