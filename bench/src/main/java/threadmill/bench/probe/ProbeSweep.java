package threadmill.bench.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import threadmill.bench.raw.FailureLine;
import threadmill.bench.raw.ProbeLine;
import threadmill.bench.raw.Progress;
import threadmill.bench.raw.RawDir;
import threadmill.harness.ChildProcess;
import threadmill.harness.JsonLines;
import threadmill.workload.OsLimits;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/** The points of a probe sweep, each run in its own child JVM, and the running of them. */
public record ProbeSweep(List<ProbeSpec> points) {

    public static final List<Integer> QUICK_TASKS = List.of(1, 1_000, 10_000, 100_000, 1_000_000);
    public static final List<Integer> FULL_TASKS = List.of(1, 1_000, 10_000, 100_000, 1_000_000, 10_000_000);
    public static final List<Integer> SLEEP10S_TASKS = List.of(10_000, 100_000, 1_000_000);
    /** The deeper sleep of the full suite's memory sweep (lesson 4: a sleep at depth 1 flatters every runtime). */
    public static final int FULL_DEPTH = 16;

    public ProbeSweep {
        points = List.copyOf(points);
    }

    /** Every runtime at every size, at every depth (all of depth 1 first). */
    public static ProbeSweep of(Experiment experiment, List<String> runtimes, List<Integer> tasks,
                                List<Integer> depths, Long xmxMegabytes) {
        List<ProbeSpec> points = new ArrayList<>();
        for (int depth : depths) {
            for (String runtime : runtimes) {
                for (int n : tasks) {
                    points.add(new ProbeSpec(experiment, runtime, n, depth, xmxMegabytes));
                }
            }
        }
        return new ProbeSweep(points);
    }

    /**
     * The memory sweep of a suite at depth 1: 1 to 1M tasks, up to 10M in the full suite; the
     * full suite measures depth {@value #FULL_DEPTH} too, up to 1M tasks (ten million virtual
     * threads parked that deep would not fit the 16 GiB heap of the point).
     */
    public static ProbeSweep memory(boolean full, List<String> runtimes) {
        if (!full) {
            return of(Experiment.MEMORY, runtimes, QUICK_TASKS, List.of(1), null);
        }
        List<ProbeSpec> points = new ArrayList<>(of(Experiment.MEMORY, runtimes, FULL_TASKS, List.of(1), null).points());
        points.addAll(of(Experiment.MEMORY, runtimes, QUICK_TASKS, List.of(FULL_DEPTH), null).points());
        return new ProbeSweep(points);
    }

    /**
     * The sleep-10-s experiment of a suite: 10k, 100k and 1M tasks; the quick suite keeps 1M
     * only for the runtimes whose tasks are not kernel threads (a million of those fail at the
     * OS limit anyway, which 100k already shows). A runtime that bounds how many tasks run at
     * once is left out: N sleepers take N / bound x 10 s there, which says nothing the
     * published tables can be set beside.
     */
    public static ProbeSweep sleep10s(boolean full, List<String> runtimes) {
        List<ProbeSpec> points = new ArrayList<>();
        for (String runtime : runtimes) {
            TaskRuntimeProvider provider = TaskRuntimes.provider(runtime);
            if (provider.maxConcurrentTasks().isPresent()) {
                continue;
            }
            for (int n : SLEEP10S_TASKS) {
                if (full || n < 1_000_000 || !provider.eachTaskIsKernelThread()) {
                    points.add(new ProbeSpec(Experiment.SLEEP10S, runtime, n, null));
                }
            }
        }
        return new ProbeSweep(points);
    }

    /** Upper bound of the time the sweep may take: the sum of the points' timeouts. */
    public Duration worstCase() {
        return points.stream().map(ProbeSpec::timeout).reduce(Duration.ZERO, Duration::plus);
    }

    /** Throws the first heap shortfall: a sweep asked for by hand must fit before anything runs. */
    public ProbeSweep requireFits() {
        points.forEach(point -> point.heapShortfall().ifPresent(shortfall -> {
            throw new IllegalArgumentException(shortfall);
        }));
        return this;
    }

    /** Lines that say what will run, and what is expected to fail at an OS limit. */
    public List<String> plan() {
        List<String> lines = new ArrayList<>();
        OsLimits limits = OsLimits.current();
        for (ProbeSpec point : points) {
            String line = point.experiment().label() + " " + point.runtime() + " " + point.label()
                    + " flags=" + point.jvmFlags();
            String shortfall = point.heapShortfall().orElse(null);
            if (shortfall != null) {
                line += " (not run, recorded as failed: " + shortfall + ")";
            } else if (TaskRuntimes.provider(point.runtime()).eachTaskIsKernelThread() && limits.pidMax() != null
                    && point.tasks() > limits.pidMax()) {
                line += " (expected to fail: more threads than pid_max=" + limits.pidMax()
                        + ", every thread takes a pid; recorded as failed)";
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Runs every point in turn; each line goes to probe.jsonl as soon as its point ends. A point
     * that fails (the child reports it, dies or hangs) is recorded as failed and the sweep goes on.
     */
    public void run(RawDir raw, Progress progress) throws InterruptedException {
        for (ProbeSpec point : points) {
            String status = runPoint(point, raw);
            progress.point("probe:" + point.experiment().label(), point.runtime(), point.label(), status);
        }
    }

    private static String runPoint(ProbeSpec point, RawDir raw) throws InterruptedException {
        // A point that cannot fit its heap is a result too (this machine's limit), not a reason to stop the sweep.
        String error = point.heapShortfall().map(shortfall -> "not run: " + shortfall).orElse(null);
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
        raw.probe(line);
        if (!line.ok()) {
            raw.failed("probe:" + point.experiment().label(), point.runtime(), point.params(), error);
            return "failed";
        }
        return "ok";
    }
}
