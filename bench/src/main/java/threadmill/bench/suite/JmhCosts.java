package threadmill.bench.suite;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import threadmill.workload.TaskRuntimeProvider;

/**
 * The suite's time model of one JMH operation at one point, for the plan: what a task, a round
 * trip or a sleep costs by what a task is (a kernel thread, a virtual thread, an object on the
 * heap) and whether the runtime bounds its tasks. Each cost is the slowest runtime's of its kind
 * in a full run's scores on two cores (for tasks on the heap, often the coroutines'), so the plan
 * errs long for the others; the costs plan, they measure nothing.
 */
final class JmhCosts {

    private JmhCosts() {
    }

    /** Spawning (and running, and joining) a fan-out of empty tasks. */
    static Duration fanOut(TaskRuntimeProvider provider, Map<String, String> point) {
        return perTask(provider, count(point, "tasks"), 200_000, 500, 700).plusNanos(50_000);
    }

    /** A fan-out of sleepers: the sleep, rounds of it for a bounded runtime, and the spawning. */
    static Duration sleep(TaskRuntimeProvider provider, Map<String, String> point) {
        long tasks = count(point, "tasks");
        Duration sleep = Duration.ofMillis(count(point, "sleepMs"));
        OptionalInt bound = provider.maxConcurrentTasks();
        if (bound.isPresent()) {
            return sleep.multipliedBy((tasks + bound.getAsInt() - 1) / bound.getAsInt());
        }
        return sleep.plus(perTask(provider, tasks, 300_000, 900, 1_000));
    }

    /** A request fan-out: every connection's round trips against the neutral server. */
    static Duration requests(TaskRuntimeProvider provider, Map<String, String> point) {
        return perTask(provider, count(point, "connections") * count(point, "requests"), 70_000, 30_000, 30_000);
    }

    /** The runtime's own server under a closed loop of fresh connections. */
    static Duration served(TaskRuntimeProvider provider, Map<String, String> point) {
        return perTask(provider, count(point, "connections") * count(point, "requests"), 100_000, 30_000, 30_000);
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
