package threadmill.bench.suite;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import threadmill.workload.TaskRuntimeProvider;

/**
 * The suite's time model of one JMH operation at one point, for the plan: what a task, a round
 * trip or a sleep costs by what a task is (a kernel thread, a virtual thread, an object on the
 * heap) and whether the runtime bounds its tasks. The costs are calibrated against the scores
 * of real runs on two cores and err long; they plan, they measure nothing.
 */
final class JmhCosts {

    private JmhCosts() {
    }

    /** Spawning (and running, and joining) a fan-out of empty tasks. */
    static Duration fanOut(TaskRuntimeProvider provider, Map<String, String> point) {
        return perTask(provider, count(point, "tasks"), 120_000, 300, 150).plusNanos(50_000);
    }

    /** A fan-out of sleepers: the sleep, rounds of it for a bounded runtime, and the spawning. */
    static Duration sleep(TaskRuntimeProvider provider, Map<String, String> point) {
        long tasks = count(point, "tasks");
        Duration sleep = Duration.ofMillis(count(point, "sleepMs"));
        OptionalInt bound = provider.maxConcurrentTasks();
        if (bound.isPresent()) {
            return sleep.multipliedBy((tasks + bound.getAsInt() - 1) / bound.getAsInt());
        }
        return sleep.plus(perTask(provider, tasks, 150_000, 700, 200));
    }

    /** A request fan-out: every connection's round trips against the neutral server. */
    static Duration requests(TaskRuntimeProvider provider, Map<String, String> point) {
        return perTask(provider, count(point, "connections") * count(point, "requests"), 30_000, 18_000, 15_000);
    }

    /** The runtime's own server under a closed loop of fresh connections. */
    static Duration served(TaskRuntimeProvider provider, Map<String, String> point) {
        return perTask(provider, count(point, "connections") * count(point, "requests"), 45_000, 25_000, 25_000);
    }

    /** The runtime's own server at a constant rate: the requests at that rate. */
    static Duration openLoop(TaskRuntimeProvider provider, Map<String, String> point) {
        long requests = count(point, "connections") * count(point, "requests");
        return Duration.ofMillis(requests * 1000 / count(point, "rate"));
    }

    private static Duration perTask(TaskRuntimeProvider provider, long tasks, long kernelThreadNanos,
                                    long virtualThreadNanos, long objectNanos) {
        long nanos = provider.eachTaskIsKernelThread() ? kernelThreadNanos
                : provider.tasksAreVirtualThreads() ? virtualThreadNanos : objectNanos;
        return Duration.ofNanos(tasks * nanos);
    }

    private static long count(Map<String, String> point, String param) {
        String value = point.get(param);
        if (value == null) {
            throw new IllegalArgumentException("the time model needs the param " + param + ", not in " + point);
        }
        return Long.parseLong(value);
    }
}
