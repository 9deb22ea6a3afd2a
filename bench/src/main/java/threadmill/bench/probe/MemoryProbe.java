package threadmill.bench.probe;

import java.nio.file.Path;
import java.util.List;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.harness.CommandLine;
import threadmill.workload.TaskRuntimes;

/**
 * The memory probe on its own (the suite runs the same sweeps):
 * <pre>
 * MemoryProbe --out results/x/raw [--experiment memory|sleep10s] [--suite quick|full]
 *             [--runtimes loom,futures] [--tasks 1,1k,10k] [--depth 1,16,64] [--xmx-mb 4096]
 *             [--config default,coh,zgc]
 * </pre>
 * {@code --config} names configurations of the matrix ({@link JvmConfig}) to measure at the
 * given or default sizes, each in turn.
 * {@code --depth} sweeps the call depth of the sleep (default: the suite's, 1, and 16 as well
 * in the full suite). Every point is checked before the first one runs; each runs in a fresh JVM and its line is
 * appended to {@code probe.jsonl} as soon as it ends.
 */
public final class MemoryProbe {

    /** The options {@code main} takes. */
    static final String[] OPTIONS = {"out", "experiment", "suite", "runtimes", "tasks", "depth", "xmx-mb", "config"};

    private MemoryProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProbeSweep sweep;
        RawDir raw;
        try {
            CommandLine options = new CommandLine(args, OPTIONS).optionsOnly();
            sweep = sweep(options);
            raw = new RawDir(Path.of(options.required("out")));
        } catch (IllegalArgumentException e) {
            System.err.println("MemoryProbe: " + e.getMessage());
            System.exit(2);
            return;
        }
        sweep.plan().forEach(System.out::println);
        System.out.println(sweep.points().size() + " points, at most " + sweep.worstCase().toMinutes() + " min");
        sweep.run(raw, new Progress(raw));
    }

    static ProbeSweep sweep(CommandLine options) {
        Experiment experiment = Experiment.named(options.text("experiment", Experiment.MEMORY.label()));
        boolean full = switch (options.text("suite", "quick")) {
            case "quick" -> false;
            case "full" -> true;
            default -> throw new IllegalArgumentException(
                    "unknown suite '" + options.text("suite", "") + "'; known: quick, full");
        };
        List<String> runtimes = options.list("runtimes", TaskRuntimes.names());
        Long xmx = options.wholeNumber("xmx-mb");
        List<Integer> tasks = options.counts("tasks", null);
        List<Integer> depths = options.counts("depth", null);
        List<String> configs = options.list("config", null);
        if (tasks != null || xmx != null || depths != null || configs != null) {
            List<Integer> sizes = tasks != null ? tasks
                    : experiment == Experiment.MEMORY ? (full ? ProbeSweep.FULL_TASKS : ProbeSweep.QUICK_TASKS)
                    : ProbeSweep.SLEEP10S_TASKS;
            List<ProbeSpec> points = new java.util.ArrayList<>();
            for (String config : configs != null ? configs : List.of(JvmConfig.DEFAULT.label())) {
                points.addAll(ProbeSweep.of(experiment, runtimes, sizes, depths != null ? depths : List.of(1), xmx,
                        JvmConfig.named(config)).points());
            }
            return new ProbeSweep(points).requireFits();
        }
        return experiment == Experiment.MEMORY ? ProbeSweep.memory(full, runtimes) : ProbeSweep.sleep10s(full, runtimes);
    }
}
