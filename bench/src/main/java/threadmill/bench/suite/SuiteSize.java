package threadmill.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

/**
 * How big a suite is: smoke to see that every stage runs and writes its files; quick for the
 * headline figures (heap per parked task, spawn cost, the million ten-second sleeps, timer
 * lateness, request fan-out throughput, the server comparison) in ten minutes on two cores,
 * build included; full for everything of the report in an hour. The suite prints its plan with
 * an estimate of each stage's time (see {@link SuitePlan}); raw/suite.log records the real one.
 */
public enum SuiteSize {

    SMOKE("smoke"),
    QUICK("quick"),
    FULL("full");

    /** The sizes of the socket groups: round trips per connection and bytes per request. */
    private static final List<String> REQUESTS = List.of("10");
    private static final List<String> PAYLOAD = List.of("128");

    private final String label;

    SuiteSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SuiteSize named(String label) {
        return Arrays.stream(values()).filter(size -> size.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown suite '" + label + "'; known suites: "
                        + Arrays.stream(values()).map(SuiteSize::label).collect(Collectors.joining(", "))));
    }

    public boolean full() {
        return this == FULL;
    }

    /**
     * The wall time the suite may take on two cores from a clean clone, the build included
     * (issue 16): ten minutes quick, an hour full. {@link SuitePlan} checks its plan against it.
     */
    public Duration budget() {
        return switch (this) {
            case SMOKE -> Duration.ofMinutes(5);
            case QUICK -> Duration.ofMinutes(10);
            case FULL -> Duration.ofMinutes(60);
        };
    }

    /**
     * The slice of the budget the steady-state server comparison gets (issue 16 item 3): a
     * reduced set in the quick suite, every point in the full one.
     */
    public Duration serverSlice() {
        return switch (this) {
            case SMOKE -> Duration.ofMinutes(1);
            case QUICK -> Duration.ofMinutes(4);
            case FULL -> Duration.ofMinutes(12);
        };
    }

    /** The JMH groups of RAW-FORMAT.md this size runs, each with its points and settings. */
    public List<JmhGroup> jmhGroups() {
        return switch (this) {
            case SMOKE -> smokeGroups();
            case QUICK -> quickGroups();
            case FULL -> fullGroups();
        };
    }

    /**
     * How this size runs JMH and why, for the report's Methodology section: a paragraph on the
     * intervals, then a line per group with its settings and its reason.
     */
    public List<String> methodology() {
        List<String> lines = new ArrayList<>();
        lines.add("JMH's interval is Student t over every measured iteration of every fork, so its width falls with"
                + " the square root of their number and with the t factor, which is large for few samples (6.9 for 6,"
                + " 3.9 for 20 at 99.9 %). The groups whose score is the result run several forks (a JVM's JIT"
                + " and memory layout differ from fork to fork, and only forks show that) of many short iterations,"
                + " each at least one operation long; the latency groups, whose result is the histogram of every"
                + " measured sample, run one fork of a few iterations. Each fork's heap is the least its largest point"
                + " needs, pre-touched at start (DefaultRun says why), since pre-touching costs the fork's start"
                + " about a second per GiB. Points that say nothing new for their time are left out where a runtime"
                + " makes them cost seconds per operation (a fan-out of 100,000 kernel threads has the per-task cost"
                + " of 1,000), each with a failures.jsonl line that says so. Forks are not pinned to CPUs: on two"
                + " cores a pinned fork would run the runtime's workers and the spawning thread on one core, which"
                + " changes what is measured; the steady-state server comparison pins its server and load"
                + " generator instead.");
        for (JmhGroup group : jmhGroups()) {
            lines.add(group.name() + ": " + group.settings().describe() + "; " + group.why());
        }
        return lines;
    }

    // --- The points -------------------------------------------------------------------------

    private static Map<String, List<String>> tasks(String... values) {
        return Map.of("tasks", List.of(values));
    }

    private static Map<String, List<String>> sleeps(String... tasks) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("tasks", List.of(tasks));
        params.put("sleepMs", List.of("10"));
        return params;
    }

    private static Map<String, List<String>> sockets(String... connections) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("connections", List.of(connections));
        params.put("requests", REQUESTS);
        params.put("payload", PAYLOAD);
        return params;
    }

    /**
     * Kernel threads only at the smaller sizes: a fan-out of 100,000 threads started one after
     * another takes seconds per operation and costs per task what 1,000 cost, so it says
     * nothing new for the time it takes.
     */
    private static JmhPart.Restriction kernelThreadsAt(String param, String... values) {
        return new JmhPart.Restriction(TaskRuntimeProvider::eachTaskIsKernelThread, param, List.of(values),
                "each task is a kernel thread, started one after another: the larger fan-out takes seconds per"
                        + " operation and costs per task what the smaller one does, so it says nothing new for its time",
                true);
    }

    /** A bounded runtime's sleep fan-out runs in rounds of its bound: ten times the tasks is ten times the rounds. */
    private static JmhPart.Restriction boundedAt(String param, String... values) {
        return new JmhPart.Restriction(provider -> provider.maxConcurrentTasks().isPresent(), param, List.of(values),
                "it sleeps only as many tasks at a time as it has threads: ten times the tasks is ten times the"
                        + " rounds of the same throughput, so the larger fan-out says nothing new for its time", true);
    }

    /** The server child JVM each fork of a socket benchmark starts and stops. */
    private static final Duration SERVER_JVM = Duration.ofMillis(1_500);
    /** Arming a million tasks asleep for an hour, and the collection that tenures them. */
    private static final Duration ARM_A_MILLION = Duration.ofSeconds(5);

    private static JmhGroup group(String name, String benchmarkClass, boolean gcProfiler, JmhSettings settings,
                                  List<JmhPart> parts, String why) {
        return new JmhGroup(name, benchmarkClass, gcProfiler, settings, parts, Map.of(), why);
    }

    /**
     * The full suite's sleep points: 10,000 and 100,000 sleepers (10,000 only where each is a
     * kernel thread or the pool bounds them), and 10,000 at 1, 2 and 4 workers where the
     * runtime has a worker count.
     */
    private static List<JmhPart> sleepersByWorkers() {
        return List.of(JmhPart.of(sleeps("10000", "100000"), JmhCosts::sleep)
                        .restrict(kernelThreadsAt("tasks", "10000"))
                        .restrict(boundedAt("tasks", "10000")),
                JmhPart.of(sleeps("10000"), JmhCosts::sleep).workers(1, 2, 4));
    }

    /**
     * A full-suite socket throughput group: 1,000 connections against a server in its own JVM.
     * 100 connections ranked the runtimes as 1,000 do, so it said little new for its time.
     */
    private static JmhGroup socketThroughput(String name, String benchmark, int forks, int measured,
            BiFunction<TaskRuntimeProvider, Map<String, String>, Duration> cost, String why) {
        return group(name, benchmark, false, settings(forks, 3, measured, 400, 1024),
                List.of(JmhPart.of(sockets("1000"), cost).setup(SERVER_JVM).sizedToCpus()), why);
    }

    private static JmhSettings settings(int forks, int warmup, int measured, int iterationMillis, int heapMegabytes) {
        return new JmhSettings(forks, warmup, measured, Duration.ofMillis(iterationMillis), heapMegabytes);
    }

    private static List<JmhGroup> smokeGroups() {
        JmhSettings once = settings(1, 0, 1, 300, 512);
        return List.of(
                group("creation", "CreationBenchmark", true, once, List.of(JmhPart.of(tasks("1000"), JmhCosts::fanOut)),
                        "smoke: every stage once"),
                group("spawn", "SpawnBenchmark", true, once, List.of(JmhPart.of(tasks("1000"), JmhCosts::fanOut)),
                        "smoke: every stage once"),
                group("sleep", "SleepThroughputBenchmark", false, once,
                        List.of(JmhPart.of(sleeps("1000"), JmhCosts::sleep)), "smoke: every stage once"),
                group("requests", "RequestFanOutBenchmark", false, once,
                        List.of(JmhPart.of(sockets("10"), JmhCosts::requests).setup(SERVER_JVM).sizedToCpus()), "smoke: every stage once"),
                group("connect-storm", "ConnectStormBenchmark", false, once,
                        List.of(JmhPart.of(sockets("10"), JmhCosts::served).setup(SERVER_JVM).sizedToCpus()), "smoke: every stage once"),
                group("timer-latency", "TimerLatenessBenchmark", false, once,
                        List.of(JmhPart.of(sleeps("1000"), JmhCosts::sleep)), "smoke: every stage once"));
    }

    /**
     * The headline figures only, each at one point: spawn cost at 100,000 tasks (1,000 where
     * each task is a kernel thread), request fan-out at 1,000 connections, timer lateness of
     * 10,000 x 10 ms. Two forks of as many iterations as the ten minutes hold: with so few
     * samples JMH's t factor is most of the interval (4.4 for 12 at 99.9 %, 3.8 for 24). A
     * spawn operation at 100,000 tasks is 5-50 ms, so its iterations are 100 ms, twice as many
     * as 200 ms ones in the same time, each still several operations long; a fan-out
     * operation is a few hundred ms, so its iterations stay 300 ms and are more. Timer lateness
     * is a histogram of every wake-up, whose percentiles need samples, not forks.
     */
    private static List<JmhGroup> quickGroups() {
        return List.of(
                group("spawn", "SpawnBenchmark", true, settings(2, 12, 12, 100, 512),
                        List.of(JmhPart.of(tasks("1000", "100000"), JmhCosts::fanOut)
                                .restrict(kernelThreadsAt("tasks", "1000"))
                                .restrict(JmhPart.Restriction.unrecorded(provider -> !provider.eachTaskIsKernelThread(),
                                        "tasks", List.of("100000")))),
                        "spawn cost, the headline's; 1.2 s of warm-up, as spawn rates settle only after a second"
                                + " or more"),
                group("requests", "RequestFanOutBenchmark", false, settings(2, 2, 8, 300, 512),
                        List.of(JmhPart.of(sockets("1000"), JmhCosts::requests).setup(SERVER_JVM).sizedToCpus()),
                        "request fan-out throughput at 1,000 connections, the headline's"),
                group("timer-latency", "TimerLatenessBenchmark", false, settings(1, 1, 3, 300, 512),
                        List.of(JmhPart.of(sleeps("10000"), JmhCosts::sleep)),
                        "timer lateness of 10,000 x 10 ms: a histogram of every wake-up of the measured iterations"));
    }

    /**
     * Every benchmark. The groups whose score is the result (creation, spawn, sleep, requests,
     * connect storm) run several forks of many short iterations, so that JMH's interval, Student
     * t over all of them, is as near a tenth of the score as the hour allows: 5 forks where
     * forks of one point disagree (spawn and creation, whose spawning thread shares the cores
     * with the runtime's workers: a fork's mean is set partly by how the scheduler interleaves
     * them, and only more forks outvote a fork that falls into a slow regime), 2 of more
     * iterations where they agree within their iterations' spread (sleep, the socket groups),
     * which buys the same samples for a fork's start less. Spawn and creation run 150 ms
     * iterations, several thousand operations at 1,000 tasks and a few at 100,000; their
     * iterations vary with the host over tenths of seconds more than with their operations, so
     * shorter iterations add samples nearly as cheaply as forks do. Spawn and creation warm up
     * for 1.5 s, sleep for 2 s: the pool's and the coroutines' spawn rates and the coroutines'
     * sleep throughput settle only after a second or more (JIT), and an iteration before that
     * is an outlier.
     * The latency groups, whose result is a histogram of every measured sample, run one fork of
     * a few iterations.
     */
    private static List<JmhGroup> fullGroups() {
        JmhSettings scores = settings(5, 10, 16, 150, 1024);
        JmhSettings histograms = settings(1, 2, 5, 400, 1024);
        List<JmhGroup> groups = new ArrayList<>(List.of(
                // A lone task and a fan-out of 100,000 bracket the cost; the 1,000 between them is
                // left out where tasks are not kernel threads, for the full suite's hour.
                group("creation", "CreationBenchmark", true, scores,
                        List.of(JmhPart.of(tasks("1", "1000", "100000"), JmhCosts::fanOut)
                                .restrict(kernelThreadsAt("tasks", "1", "1000"))
                                .restrict(JmhPart.Restriction.unrecorded(provider -> !provider.eachTaskIsKernelThread(),
                                        "tasks", List.of("1", "100000")))),
                        "spawn + join cost"),
                // A lone spawn is creation's tasks=1: timed alone, JMH's per-invocation join would be most of it.
                // 1,000 and spawn-million's million bracket the cost; 100,000 fell between them for
                // every runtime, so it said nothing new for its time.
                group("spawn", "SpawnBenchmark", true, scores,
                        List.of(JmhPart.of(tasks("1000"), JmhCosts::fanOut)),
                        "spawn cost at 1,000 tasks (a million is spawn-million's)"),
                group("sleep", "SleepThroughputBenchmark", false, settings(2, 5, 20, 400, 1024),
                        sleepersByWorkers(),
                        "sleep throughput, and at 1, 2 and 4 workers where the runtime has a worker count (its forks"
                                + " agree within their iterations' spread)"),
                socketThroughput("requests", "RequestFanOutBenchmark", 2, 20, JmhCosts::requests,
                        "request fan-out throughput; 10,000 connections is the steady-state server stage's"),
                socketThroughput("connect-storm", "ConnectStormBenchmark", 2, 20, JmhCosts::served,
                        "the connect storm (every operation connects afresh), no headline figure; the steady-state"
                                + " server comparison is a stage of its own"),
                group("timer-latency", "TimerLatenessBenchmark", false, histograms,
                        sleepersByWorkers(),
                        "timer lateness, and at 1, 2 and 4 workers where the runtime has a worker count: a histogram"
                                + " of every wake-up, one fork"),
                // The open loop against each runtime's own server is the server stage's, pinned, at
                // fractions of each server's own maximum rather than at one rate for all; so is
                // 10,000 connections, whose fan-out took seconds per operation where tasks are threads.
                group("request-latency", "RequestLatencyBenchmark", false, settings(1, 1, 3, 1000, 1024),
                        List.of(JmhPart.of(sockets("1000"), JmhCosts::requests).method("fanOutRoundTrips")
                                .setup(SERVER_JVM).sizedToCpus()),
                        "round-trip latency histograms of the request fan-out at 1,000 connections, one fork (the"
                                + " steady-state server stage has 10,000 and the open loop)")));
        groups.addAll(millionTaskGroups());
        return groups;
    }

    /**
     * The million-task points the futures runtime's targets are stated at, for the runtimes that
     * can run them in the suite's time; each runtime left out is a failures.jsonl line saying
     * why, from what its provider declares.
     */
    private static List<JmhGroup> millionTaskGroups() {
        Map<String, String> spawnLeftOut = leftOut(SuiteSize::kernelThreadReason);
        Map<String, String> sleepLeftOut = leftOut(provider -> kernelThreadReason(provider)
                .or(() -> boundedReason(provider)));
        JmhSettings aMillion = settings(1, 1, 2, 1000, 4096);
        return List.of(
                new JmhGroup("spawn-million", "SpawnBenchmark", true, settings(4, 3, 8, 500, 3072),
                        List.of(JmhPart.of(tasks("1000000"), JmhCosts::fanOut)), spawnLeftOut,
                        "spawn cost at a million tasks, each iteration one to ten fan-outs"),
                // A million timers falling due within the time it took to spawn them: a burst.
                new JmhGroup("timer-latency-million", "TimerLatenessBenchmark", false, aMillion,
                        List.of(JmhPart.of(Map.of("tasks", List.of("1000000"), "sleepMs", List.of("2000")),
                                JmhCosts::sleep)), sleepLeftOut, "a million timers at once: one fork"),
                // The timer-latency group's 10,000 x 10 ms fan-out among a million armed timers.
                new JmhGroup("timer-latency-armed-million", "TimerLatenessBenchmark", false,
                        settings(1, 2, 5, 400, 4096),
                        List.of(JmhPart.of(Map.of("tasks", List.of("10000"), "sleepMs", List.of("10"),
                                "armed", List.of("1000000")), JmhCosts::sleep).setup(ARM_A_MILLION)),
                        sleepLeftOut, "10,000 timers among a million armed ones: one fork"));
    }

    /** The registry's runtimes that {@code reason} leaves out, each with its reason. */
    private static Map<String, String> leftOut(Function<TaskRuntimeProvider, Optional<String>> reason) {
        Map<String, String> leftOut = new LinkedHashMap<>();
        TaskRuntimes.providers().forEach((name, provider) -> reason.apply(provider)
                .ifPresent(why -> leftOut.put(name, why)));
        return leftOut;
    }

    private static Optional<String> kernelThreadReason(TaskRuntimeProvider provider) {
        return provider.eachTaskIsKernelThread() ? Optional.of("each task is a kernel thread, started one after"
                + " another: a million is minutes per fan-out at the creation group's cost per thread, and more"
                + " threads than most Linux pid_max defaults allow alive at once (the memory probe's points"
                + " record that limit)") : Optional.empty();
    }

    private static Optional<String> boundedReason(TaskRuntimeProvider provider) {
        OptionalInt bound = provider.maxConcurrentTasks();
        return bound.isPresent() ? Optional.of("it sleeps only " + bound.getAsInt() + " tasks at a time: a million"
                + " 2 s sleeps would queue for hours per fan-out, and a million armed sleepers would take every"
                + " one of those places") : Optional.empty();
    }
}
