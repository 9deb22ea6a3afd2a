package threadmill.bench.suite;

import java.time.Duration;
import java.util.List;
import threadmill.workload.Validate;

/**
 * How JMH runs every trial of a group: forks, warm-up and measured iterations, their length,
 * and the fork's heap. JMH's interval is Student t over every measured iteration of every
 * fork, so its width falls with the square root of their number and with the t factor, which
 * is large for few samples (6.9 for 6, 3.9 for 20 at 99.9 %): many short iterations over
 * several forks give a tight interval at the cost of a fork's start each, and a fork's start
 * is mostly pre-touching its heap, so a group's heap is the least its largest point needs.
 *
 * @param heapMegabytes {@code -Xms} = {@code -Xmx}, pre-touched ({@code DefaultRun} says why)
 */
record JmhSettings(int forks, int warmupIterations, int measurementIterations, Duration iterationTime,
                   int heapMegabytes) {

    /**
     * A fork's own start and end: the JVM, JMH's handshake with it, class loading, the run's
     * teardown and the JVM's exit. Set from the suite's own log (each point's real time beside
     * its iterations): the spawn and creation groups, whose operations are too short to overrun
     * an iteration, cost this much per fork beyond their iterations, with a 1 GiB heap
     * pre-touched.
     */
    static final Duration FORK_START = Duration.ofMillis(700);
    /**
     * Pre-touching the heap at a fork's start, per GiB (a page fault per 4 KiB page): the
     * spawn-million group's forks (3 GiB) cost this much per GiB more than the 1 GiB ones.
     */
    static final Duration PRE_TOUCH_PER_GIB = Duration.ofMillis(600);

    JmhSettings {
        Validate.inRange("forks", forks, 1, 100);
        Validate.inRange("warmupIterations", warmupIterations, 0, 1000);
        Validate.inRange("measurementIterations", measurementIterations, 1, 1000);
        Validate.inRange("heapMegabytes", heapMegabytes, 64, 1 << 20);
    }

    /** The flags that replace {@code DefaultRun}'s: the same collector and pre-touch, this heap. */
    List<String> jvmArgs() {
        return List.of("-Xms" + heapMegabytes + "m", "-Xmx" + heapMegabytes + "m", "-XX:+UseG1GC",
                "-XX:+AlwaysPreTouch");
    }

    /** The samples JMH's interval is computed from. */
    int samples() {
        return forks * measurementIterations;
    }

    /** A fork's start, with its heap pre-touched. */
    Duration forkStart() {
        return FORK_START.plusMillis(PRE_TOUCH_PER_GIB.toMillis() * heapMegabytes / 1024);
    }

    /**
     * A trial's time: each fork starts, sets up, then runs every iteration. JMH ends an
     * iteration only after the operation that crosses its time, so an iteration overruns by up
     * to an operation, half of one on average, and lasts at least one.
     */
    Duration trial(Duration setup, Duration operation) {
        Duration iteration = max(operation, iterationTime.plus(operation.dividedBy(2)));
        return forkStart().plus(setup).plus(iteration.multipliedBy(warmupIterations + measurementIterations))
                .multipliedBy(forks);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One line for the plan and the methodology text. */
    String describe() {
        return forks + " fork" + (forks == 1 ? "" : "s") + " x (" + warmupIterations + " warm-up + "
                + measurementIterations + " measured iterations of " + iterationTime.toMillis() + " ms), heap "
                + heapMegabytes + " MiB pre-touched";
    }
}
