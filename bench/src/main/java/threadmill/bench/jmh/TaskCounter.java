package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts completed tasks beside JMH's own count of invocations, for benchmarks whose invocation
 * runs a fan-out of N tasks. {@code @OperationsPerInvocation} must be a compile-time constant
 * while N is a {@code @Param}; an OPERATIONS counter is divided into the same measured time as
 * the primary score, so the secondary metric {@code completedTasks} is per task: time per task
 * in AverageTime mode, tasks per second in Throughput mode.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TaskCounter {

    public long completedTasks;

    /** JMH does not reset counters itself. */
    @Setup(Level.Iteration)
    public void reset() {
        completedTasks = 0;
    }

    /** Counts a fan-out that completed and returns its result, for JMH to consume. */
    long completed(int tasks, long result) {
        completedTasks += tasks;
        return result;
    }
}
