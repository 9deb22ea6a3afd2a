package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts what completed inside an invocation (tasks of a fan-out, round trips of a load),
 * beside JMH's own count of invocations. {@code @OperationsPerInvocation} must be a
 * compile-time constant while the sizes are {@code @Param}s; an OPERATIONS counter is divided
 * into the same measured time as the primary score, so the secondary metric {@code completed}
 * is per task or per round trip: the time each took in AverageTime mode, how many completed
 * per second in Throughput mode.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Completions {

    public long completed;

    /** JMH does not reset counters itself. */
    @Setup(Level.Iteration)
    public void reset() {
        completed = 0;
    }

    /** Counts {@code count} completions and passes the invocation's result on, for JMH to consume. */
    long add(long count, long result) {
        completed += count;
        return result;
    }
}
