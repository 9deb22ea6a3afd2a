package threadmill.bench.pitfalls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.bench.probe.ChildRun;
import threadmill.bench.probe.CommandLine;
import threadmill.bench.probe.Progress;
import threadmill.bench.probe.RawDir;

/**
 * The pitfall measurements of a suite, each in a fresh JVM with its own flags:
 * <pre>Pitfalls --out results/x/raw [--suite quick|full] [--runtimes futures,loom,threads]</pre>
 */
public final class Pitfalls {

    /** One carrier and no spare: the virtual-thread scheduler cannot add a carrier when one is busy. */
    static final List<String> ONE_CARRIER = List.of(
            "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1");
    static final List<String> TWO_CARRIERS = List.of("-Djdk.virtualThreadScheduler.parallelism=2");

    /** The runtimes a pitfall runs on; the others are left out of a suite's pitfalls. */
    public static final List<String> RUNTIMES = List.of("futures", "loom", "threads");

    private Pitfalls() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<PitfallSpec> plan;
        RawDir raw;
        try {
            CommandLine options = new CommandLine(args, "out", "suite", "runtimes");
            boolean full = switch (options.get("suite", "quick")) {
                case "quick" -> false;
                case "full" -> true;
                default -> throw new IllegalArgumentException(
                        "unknown suite '" + options.get("suite", "") + "'; known: quick, full");
            };
            List<String> runtimes = options.list("runtimes", RUNTIMES);
            for (String runtime : runtimes) {
                if (!RUNTIMES.contains(runtime)) {
                    throw new IllegalArgumentException("no pitfall runs on runtime '" + runtime
                            + "'; pitfalls run on: " + String.join(", ", RUNTIMES));
                }
            }
            plan = plan(full, runtimes);
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
     * 2 carriers, 1000 tasks (4000 in full: 20 s when every sleep pins).
     */
    public static List<PitfallSpec> plan(boolean full, List<String> runtimes) {
        // A suite's runtimes may include ones no pitfall is about (pool): those are left out.
        List<PitfallSpec> plan = new ArrayList<>();
        Map<String, Long> sleep = params("tasks", 2, "sleepMs", full ? 5_000 : 1_000);
        plan.add(new PitfallSpec(BlockingSleepPitfall.NAME, "futures", "blocking-sleep", List.of(), sleep));
        plan.add(new PitfallSpec(BlockingSleepPitfall.NAME, "futures", "async-sleep", List.of(), sleep));
        plan.add(new PitfallSpec(BlockingSleepPitfall.NAME, "loom", "blocking-sleep", List.of(), sleep));
        plan.add(new PitfallSpec(BlockingSleepPitfall.NAME, "loom", "blocking-sleep-one-carrier",
                List.of("-Djdk.virtualThreadScheduler.parallelism=1"), sleep));

        Map<String, Long> hog = params("tasks", 1_000, "sleepMs", 10, "rounds", 20, "hogDelayMs", 50, "hogMs", 500);
        for (String variant : List.of("no-hog", "cpu-hog")) {
            plan.add(new PitfallSpec(CpuHogPitfall.NAME, "futures", variant, List.of(), hog));
            plan.add(new PitfallSpec(CpuHogPitfall.NAME, "loom", variant, ONE_CARRIER, hog));
            plan.add(new PitfallSpec(CpuHogPitfall.NAME, "threads", variant, List.of(), hog));
        }

        Map<String, Long> pinning = params("tasks", full ? 4_000 : 1_000, "sleepMs", 1, "rounds", 10);
        for (String variant : PinningPitfall.VARIANTS) {
            plan.add(new PitfallSpec(PinningPitfall.NAME, "loom", variant, PinningPitfall.jvmFlags(variant), pinning));
        }
        plan.removeIf(spec -> !runtimes.contains(spec.runtime()));
        return plan;
    }

    /** The plan's time when every pitfall shows: a JVM start each plus the serialised waits. */
    public static Duration estimate(List<PitfallSpec> plan) {
        return plan.stream().map(spec -> Duration.ofSeconds(2).plusMillis(switch (spec.pitfall()) {
            case BlockingSleepPitfall.NAME -> spec.param("tasks") * spec.param("sleepMs");
            case CpuHogPitfall.NAME -> spec.param("rounds") * spec.param("sleepMs") + spec.param("hogMs");
            // Pinned sleeps on two carriers, each about twice its nominal 1 ms as measured here.
            default -> spec.param("tasks") * spec.param("rounds") * spec.param("sleepMs");
        })).reduce(Duration.ZERO, Duration::plus);
    }

    public static void run(List<PitfallSpec> plan, RawDir raw, Progress progress) throws InterruptedException {
        for (PitfallSpec spec : plan) {
            String status;
            try {
                raw.pitfalls().append(ChildRun.jsonLine(PitfallPoint.class, spec.jvmFlags(),
                        spec.childArgs(raw.path().toString()), spec.timeout()));
                status = "ok";
            } catch (IOException e) {
                raw.failed("pitfall:" + spec.pitfall(), spec.runtime(),
                        spec.paramsJson().put("variant", spec.variant()), ChildRun.oneLine(e));
                status = "failed";
            }
            progress.point("pitfall:" + spec.pitfall(), spec.runtime(), spec.variant() + " " + spec.params(), status);
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
