package threadmill.bench.probe;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import threadmill.bench.raw.NmtSummary;
import threadmill.bench.raw.ProbeLine;
import threadmill.bench.raw.RawOsLimits;
import threadmill.harness.JsonLines;
import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;
import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * The child JVM of one probe point: {@code ProbePoint <experiment> <runtime> <tasks> <sleepMs> <depth>}.
 * Starts the tasks through the runtime's own {@code startSleepers}, waits until they are
 * parked, measures, and prints one JSON line (RAW-FORMAT's probe.jsonl) on standard output; a
 * sleep-10-s point joins its tasks first, a memory point exits with them still parked. A runtime that cannot start the tasks gives a line with status "failed".
 *
 * <p>Depth: the workload's {@link SleepFanOut#depth()}, recorded in the line: 1 when the task
 * body itself sleeps, d when the sleep is d − 1 calls (or, for futures, nested futures) deeper.
 */
public final class ProbePoint {

    /** Time for the last tasks to go from {@code parking} into the sleep itself, and for spawning threads to settle. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    /**
     * Warm-up of a memory point before its tasks are spawned: a parked virtual thread's stack
     * chunk holds its frames as the JIT left them (interpreted and C1 frames are several times
     * larger than C2's), so tasks that park in a cold JVM would overstate what a running
     * service pays. Every point of a runtime runs the same warm-up, the N=1 baseline included, so what it
     * leaves behind (compiled code, a grown heap) cancels out of the per-task figures. The
     * sleep10s experiment is the published one, verbatim, and runs cold.
     */
    static final int WARMUP_ROUNDS = 5;
    static final int WARMUP_TASKS = 10_000;
    /**
     * The warm-up's tasks per round where each task is a kernel thread: its frames live on a
     * native stack whose pages are touched whole, so the JIT tier of a few frames changes
     * nothing measurable, while 50,000 thread starts would cost seconds per point.
     */
    static final int KERNEL_THREAD_WARMUP_TASKS = 1_000;
    private static final Duration WARMUP_SLEEP = Duration.ofMillis(1);

    /** A bounded pool parks only as many tasks as it has threads: stop waiting once the count stops growing. */
    static final Duration STALLED = Duration.ofSeconds(2);

    private ProbePoint() {
    }

    /** The warm-up's tasks per round for a runtime: fewer where each task is a kernel thread. */
    static int warmupTasks(TaskRuntimeProvider provider) {
        return provider.eachTaskIsKernelThread() ? KERNEL_THREAD_WARMUP_TASKS : WARMUP_TASKS;
    }

    /** What the warm-up is planned to take, for the suite's time model. */
    static Duration warmupEstimate(TaskRuntimeProvider provider) {
        long microsPerTask = provider.eachTaskIsKernelThread() ? 150 : 5;
        return Duration.ofNanos((long) WARMUP_ROUNDS * warmupTasks(provider) * microsPerTask * 1000)
                .plus(WARMUP_SLEEP.multipliedBy(WARMUP_ROUNDS));
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: ProbePoint <experiment> <runtime> <tasks> <sleepMs> <depth> <config>");
        }
        Experiment experiment = Experiment.named(args[0]);
        String runtime = args[1];
        SleepFanOut workload = new SleepFanOut(Integer.parseInt(args[2]), Duration.ofMillis(Long.parseLong(args[3])),
                Integer.parseInt(args[4]));
        JvmConfig config = JvmConfig.named(args[5]);
        Measured measured = new Measured();
        try {
            measure(experiment, runtime, workload, measured);
        } catch (RuntimeException | OutOfMemoryError e) {
            measured.error = oneLine(e);
            // VmHWM keeps the peak reached on the way to the limit, which a failed point can still show.
            measured.procStatus();
        }
        measured.processCpuNanos = processCpuNanos();
        measured.uptimeNanos = TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime());
        measured.cpuPercent = 100.0 * measured.processCpuNanos / measured.uptimeNanos;
        ProbeLine line = measured.line(experiment.label(), runtime, workload,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), config);
        System.out.println(JsonLines.write(line));
        System.out.flush();
        // A memory point's tasks are still parked, a sleep-10-s point's platform threads may still
        // be unwinding: the measurement is done, and none of them may hold the JVM.
        System.exit(0);
    }

    /** The line of a point whose child produced none: its identity, the limits and flags, nothing measured. */
    static ProbeLine failed(ProbeSpec point, String error) {
        Measured nothing = new Measured();
        nothing.error = error;
        return nothing.line(point.experiment().label(), point.runtime(),
                new SleepFanOut(point.tasks(), Duration.ofMillis(point.sleepMillis()), point.depth()), point.jvmFlags(),
                point.config());
    }

    /** What a point has measured so far: null until measured. */
    private static final class Measured {
        String error;
        Long warmupTasks;
        Long spawnNanos;
        Long parkedNanos;
        Long parkedTasks;
        Long heapUsedAfterGcBytes;
        Long rssBytes;
        Long hwmBytes;
        Long pteBytes;
        NmtSummary nmt;
        Long completeNanos;
        Long wallNanos;
        Long processCpuNanos;
        Long uptimeNanos;
        Double cpuPercent;

        void procStatus() {
            ProcStatus status = ProcStatus.ofThisProcess();
            rssBytes = status.rssBytes();
            hwmBytes = status.hwmBytes();
            pteBytes = status.pteBytes();
        }

        ProbeLine line(String experiment, String runtime, SleepFanOut workload, List<String> jvmFlags,
                       JvmConfig config) {
            return new ProbeLine(experiment, runtime, workload.tasks(), error == null ? ProbeLine.OK : ProbeLine.FAILED,
                    error, RawOsLimits.current(), jvmFlags, workload.sleep().toMillis(), workload.depth(), warmupTasks,
                    spawnNanos, parkedNanos, parkedTasks, heapUsedAfterGcBytes, rssBytes, hwmBytes, pteBytes, nmt,
                    completeNanos, wallNanos, processCpuNanos, uptimeNanos, cpuPercent, config.label(),
                    TaskRuntimes.provider(runtime).runtimeVersion().orElse(null));
        }
    }

    private static void measure(Experiment experiment, String runtimeName, SleepFanOut workload, Measured line)
            throws InterruptedException {
        LongAdder parked = new LongAdder();
        SleepObserver observer = new SleepObserver() {
            @Override
            public void parking(int task) {
                parked.increment();
            }
        };
        // A memory point leaves its tasks parked: the JVM exits once the line is printed, as the
        // tokio reference's probe does. Cancelling them would measure nothing the point reports
        // and, for a million virtual threads, take longer than the measurement itself.
        TaskRuntime runtime = TaskRuntimes.create(runtimeName);
        try {
            if (experiment == Experiment.MEMORY) {
                int warmupTasks = warmupTasks(TaskRuntimes.provider(runtimeName));
                SleepFanOut warmUp = new SleepFanOut(warmupTasks, WARMUP_SLEEP, workload.depth());
                for (int round = 0; round < WARMUP_ROUNDS; round++) {
                    runtime.sleepFanOut(warmUp);
                }
                line.warmupTasks = (long) WARMUP_ROUNDS * warmupTasks;
            }
            long start = System.nanoTime();
            RunningTasks tasks = runtime.startSleepers(workload, observer);
            line.spawnNanos = System.nanoTime() - start;
            Parked all = awaitParked(parked, parkedAtOnce(TaskRuntimes.provider(runtimeName), workload.tasks()));
            line.parkedNanos = all.atNanos() - start;
            line.parkedTasks = all.count();
            Thread.sleep(SETTLE);
            if (experiment == Experiment.MEMORY) {
                line.heapUsedAfterGcBytes = heapUsedAfterGc();
                line.procStatus();
                line.nmt = NmtSummary.ofThisJvm();
                line.wallNanos = System.nanoTime() - start;
            } else {
                workload.verify(tasks.join());
                line.completeNanos = System.nanoTime() - start;
                line.wallNanos = System.nanoTime() - start;
                line.procStatus();
            }
        } finally {
            if (experiment != Experiment.MEMORY) {
                runtime.close();
            }
        }
    }

    /** How many tasks had called {@code parking}, and when the last of them did. */
    private record Parked(long count, long atNanos) {
    }

    /**
     * The tasks that can be parked at once: all of them, or a bounded runtime's bound (the rest
     * wait in its queue and never call {@code parking} while the others sleep), so that a point
     * of a bounded runtime need not wait {@link #STALLED} to learn what its bound says.
     */
    static int parkedAtOnce(TaskRuntimeProvider provider, int tasks) {
        return Math.min(tasks, provider.maxConcurrentTasks().orElse(Integer.MAX_VALUE));
    }

    /** Waits until {@code tasks} tasks have called {@code parking}, or the count has stopped growing. */
    private static Parked awaitParked(LongAdder parked, int tasks) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = parked.sum();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
            if (now >= tasks || System.nanoTime() - lastChange > STALLED.toNanos()) {
                return new Parked(now, lastChange);
            }
            Thread.sleep(1);
        }
    }

    /** Two full collections with a pause between, so that what the first freed is returned and counted. */
    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String oneLine(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
