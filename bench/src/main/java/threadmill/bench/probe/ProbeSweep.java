package threadmill.bench.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import threadmill.bench.raw.FailureLine;
import threadmill.bench.raw.ProbeLine;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.harness.ChildProcess;
import threadmill.harness.JsonLines;
import threadmill.workload.OsLimits;
import threadmill.workload.TaskRuntimes;

/** The points of a probe sweep, each run in its own child JVM, and the running of them. */
public record ProbeSweep(List<ProbeSpec> points) {

    public static final List<Integer> QUICK_TASKS = List.of(1, 1_000, 10_000, 100_000, 1_000_000);
    public static final List<Integer> FULL_TASKS = List.of(1, 1_000, 10_000, 100_000, 1_000_000, 10_000_000);
    public static final List<Integer> SLEEP10S_TASKS = List.of(10_000, 100_000, 1_000_000);
    /** The deeper sleep of the full suite's memory sweep (lesson 4: a sleep at depth 1 flatters every runtime). */
    public static final int FULL_DEPTH = 16;
    /**
     * The N of a matrix point (every configuration but the full suite's default, which sweeps):
     * a million tasks put a parked task's cost a hundred times above the noise of a baseline's
     * few megabytes, for every runtime whose tasks are not kernel threads.
     */
    public static final int MATRIX_TASKS = 1_000_000;
    /**
     * The matrix's N for a runtime whose tasks are kernel threads. Their stacks are off the heap
     * (the flags section leaves them out of its heap table), and a thousand threads take a
     * quarter of the time of ten thousand; their stack and RSS per task carry more of the
     * process's fixed costs at this N, so they compare across configurations, at this N only.
     */
    public static final int MATRIX_KERNEL_THREAD_TASKS = 1_000;
    /** The N of the sleep-10-s matrix: the published experiment's headline size. */
    public static final int SLEEP10S_MATRIX_TASKS = 1_000_000;

    public ProbeSweep {
        points = List.copyOf(points);
    }

    /** Every runtime at every size, at every depth (all of depth 1 first), in the JDK's default configuration. */
    public static ProbeSweep of(Experiment experiment, List<String> runtimes, List<Integer> tasks,
                                List<Integer> depths, Long xmxMegabytes) {
        return of(experiment, runtimes, tasks, depths, xmxMegabytes, JvmConfig.DEFAULT);
    }

    /** Every runtime at every size, at every depth (all of depth 1 first), in one configuration. */
    public static ProbeSweep of(Experiment experiment, List<String> runtimes, List<Integer> tasks,
                                List<Integer> depths, Long xmxMegabytes, JvmConfig config) {
        List<ProbeSpec> points = new ArrayList<>();
        for (int depth : depths) {
            for (String runtime : runtimes) {
                for (int n : tasks) {
                    points.add(new ProbeSpec(experiment, runtime, n, depth, xmxMegabytes, config));
                }
            }
        }
        return new ProbeSweep(points);
    }

    /**
     * The memory sweep of a suite. The full suite sweeps N from 1 to 10M at depth 1 and from 1
     * to 1M at depth {@value #FULL_DEPTH} in the default configuration, then measures every
     * other configuration of the matrix at N = 1 (the baseline of that configuration) and the
     * matrix's N; the quick suite measures the default and compact headers at those two N only.
     */
    public static ProbeSweep memory(boolean full, List<String> runtimes) {
        List<ProbeSpec> points = new ArrayList<>();
        List<JvmConfig> configs = JvmConfig.matrix(full);
        if (full) {
            points.addAll(of(Experiment.MEMORY, runtimes, FULL_TASKS, List.of(1), null).points());
            points.addAll(of(Experiment.MEMORY, runtimes, QUICK_TASKS, List.of(FULL_DEPTH), null).points());
            configs = configs.subList(1, configs.size());
        }
        for (JvmConfig config : configs) {
            for (String runtime : runtimes) {
                for (int n : List.of(1, matrixTasks(runtime))) {
                    points.add(new ProbeSpec(Experiment.MEMORY, runtime, n, 1, null, config));
                }
            }
        }
        return new ProbeSweep(points);
    }

    /** The N a runtime's matrix points measure. */
    public static int matrixTasks(String runtime) {
        return TaskRuntimes.provider(runtime).eachTaskIsKernelThread() ? MATRIX_KERNEL_THREAD_TASKS : MATRIX_TASKS;
    }

    /**
     * The sleep-10-s experiment of a suite: a million tasks in every configuration of the
     * suite's matrix, and in the full suite 10k and 100k in the default configuration first.
     * Every runtime is in the plan; those the limits rule out (kernel threads past pid_max, a
     * pool that sleeps 200 at a time) are recorded as not run when their turn comes.
     */
    public static ProbeSweep sleep10s(boolean full, List<String> runtimes) {
        List<ProbeSpec> points = new ArrayList<>();
        if (full) {
            points.addAll(of(Experiment.SLEEP10S, runtimes, SLEEP10S_TASKS.subList(0, 2), List.of(1), null).points());
        }
        for (JvmConfig config : JvmConfig.matrix(full)) {
            points.addAll(of(Experiment.SLEEP10S, runtimes, List.of(SLEEP10S_MATRIX_TASKS), List.of(1), null, config)
                    .points());
        }
        return new ProbeSweep(points);
    }

    /** Upper bound of the time the sweep may take: the sum of the points' timeouts. */
    public Duration worstCase() {
        return points.stream().map(ProbeSpec::timeout).reduce(Duration.ZERO, Duration::plus);
    }

    /** The time the sweep is planned to take: each point's estimate, nothing for those predicted to fail. */
    public Duration estimate() {
        OsLimits limits = OsLimits.current();
        long threadsNow = KernelThreadLimit.onMachine();
        return points.stream().filter(point -> point.predictedFailure(limits, threadsNow).isEmpty())
                .map(ProbeSpec::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** Throws the first heap shortfall: a sweep asked for by hand must fit before anything runs. */
    public ProbeSweep requireFits() {
        points.forEach(point -> point.heapShortfall().ifPresent(shortfall -> {
            throw new IllegalArgumentException(shortfall);
        }));
        return this;
    }

    /** Lines that say what will run, and what is recorded as failed at once because the limits rule it out. */
    public List<String> plan() {
        List<String> lines = new ArrayList<>();
        OsLimits limits = OsLimits.current();
        long threadsNow = KernelThreadLimit.onMachine();
        for (ProbeSpec point : points) {
            String line = point.experiment().label() + " " + point.runtime() + " " + point.label()
                    + " flags=" + point.jvmFlags();
            Optional<String> failure = point.predictedFailure(limits, threadsNow);
            line += failure.map(reason -> " (not run, recorded as failed: " + reason + ")")
                    .orElse(" ~" + point.estimate().toSeconds() + " s");
            lines.add(line);
        }
        return lines;
    }

    /**
     * Runs every point in turn; each line goes to probe.jsonl as soon as its point ends. A point
     * the limits rule out is recorded as failed at once, with the reason and the limits; a point
     * that fails (the child reports it, dies or hangs) is recorded as failed and the sweep goes on.
     */
    public void run(RawDir raw, Progress progress) throws InterruptedException {
        for (ProbeSpec point : points) {
            Optional<String> failure = point.predictedFailure(OsLimits.current(), KernelThreadLimit.onMachine());
            String status = runPoint(point, failure, raw);
            progress.point("probe:" + point.experiment().label(), point.runtime(), point.label(), status,
                    failure.isPresent() ? Duration.ZERO : point.estimate());
        }
    }

    private static String runPoint(ProbeSpec point, Optional<String> predictedFailure, RawDir raw)
            throws InterruptedException {
        // A point ruled out by a limit of this machine is a result too, not a reason to stop the sweep.
        String error = predictedFailure.map(reason -> "not run: " + reason).orElse(null);
        ProbeLine line = null;
        if (error == null) {
            try {
                line = JsonLines.parse(ChildProcess.firstJsonLine(ProbePoint.class, point.jvmFlags(), point.childArgs(),
                        point.timeout()), ProbeLine.class);
                error = line.error();
            } catch (IOException | IllegalArgumentException e) {
                error = FailureLine.oneLine(e);
            }
        }
        if (line == null) {
            line = ProbePoint.failed(point, error);
        }
        raw.append(line);
        if (!line.ok()) {
            raw.failed("probe:" + point.experiment().label(), point.runtime(), point.params(), error);
            return "failed";
        }
        return "ok";
    }
}
