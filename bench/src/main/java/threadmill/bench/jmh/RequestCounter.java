package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts echoed requests beside JMH's count of invocations, as {@link TaskCounter} counts
 * tasks: the secondary metric {@code completedRequests} is requests per second in Throughput
 * mode, time per request in AverageTime mode.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RequestCounter {

    public long completedRequests;

    /** JMH does not reset counters itself. */
    @Setup(Level.Iteration)
    public void reset() {
        completedRequests = 0;
    }

    /** Counts the round trips of a run that completed and returns its result, for JMH to consume. */
    long completed(long requests, long result) {
        completedRequests += requests;
        return result;
    }
}
