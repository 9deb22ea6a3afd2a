package threadmill.bench.jmh;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

import threadmill.workload.RequestObserver;
import threadmill.workload.Validate;
import threadmill.harness.load.Load;
import threadmill.harness.load.LoadResult;

/**
 * Request latency, as HdrHistogram percentiles (see {@link LatencyOutput}); the primary score,
 * the time per invocation, is only context.
 *
 * <ul>
 * <li>{@code serverOpenLoop}: each runtime's own echo server under constant-rate load from the
 *     neutral load generator: requests are due on a schedule fixed in advance, whether or not
 *     the server kept up, and latency counts from the time a request was due, so a stalled
 *     server is charged for every request it held back (no coordinated omission). Metric
 *     {@code server-latency}.</li>
 * <li>{@code fanOutRoundTrips}: each round trip of the request fan-out of the runtime under
 *     test against the neutral server, timed by the task itself from right before it writes to
 *     right after the echo was read and checked. This is a closed loop; see
 *     {@link MeasuredLatencies#recordRoundTrip} for its correction. Metric
 *     {@code request-latency}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RequestLatencyBenchmark extends DefaultRun {

    /** The runtime's server at a constant rate: one invocation is C x R requests at that rate. */
    @State(Scope.Benchmark)
    public static class OpenLoop extends ServedRuntime {

        /** Requests per second over all connections. */
        @Param({"10000"})
        public int rate;

        final MeasuredLatencies latencies = new MeasuredLatencies();

        @Override
        protected void checkSizes() {
            super.checkSizes();
            Validate.inRange("rate", rate, 1, Integer.MAX_VALUE);
        }

        @Override
        protected Load load(ServerJvm server) {
            return Load.open(server.address(), connections, rate, requests, payload);
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            latencies.endIteration(iteration);
        }

        @Override
        protected void stop() throws Exception {
            Map<String, Integer> params = sizes();
            params.put("rate", rate);
            LatencyOutput.publish(new LatencyOutput.Latency(
                    "server-latency", runtime, params, true, (long) rate, latencies.measured()));
            super.stop();
        }
    }

    /** The runtime under test's own request fan-out, each round trip timed. */
    @State(Scope.Benchmark)
    public static class RoundTrips extends NeutralServerFanOut {

        final MeasuredLatencies latencies = new MeasuredLatencies();
        RoundTripTimer timer;

        @Override
        protected void start() throws Exception {
            super.start();
            timer = new RoundTripTimer(connections, latencies);
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            latencies.endIteration(iteration);
        }

        @Override
        protected void stop() throws Exception {
            LatencyOutput.publish(new LatencyOutput.Latency("request-latency", runtime,
                    sizes(), false, null, latencies.measured()));
            super.stop();
        }
    }

    @Benchmark
    public long serverOpenLoop(OpenLoop state) throws IOException, InterruptedException {
        LoadResult result = state.runLoad();
        state.latencies.add(result.latencyNanos());
        return result.bytes();
    }

    @Benchmark
    public long fanOutRoundTrips(RoundTrips state) throws IOException, InterruptedException {
        return state.fanOut.verify(state.taskRuntime.requestFanOut(state.fanOut, state.timer));
    }

    /**
     * Connection c alone writes and reads slot c, before and after each of its own round trips,
     * so the send times need no synchronisation beyond what the runtime gives a task.
     */
    private static final class RoundTripTimer implements RequestObserver {

        private final long[] sentAt;
        private final MeasuredLatencies latencies;

        RoundTripTimer(int connections, MeasuredLatencies latencies) {
            this.sentAt = new long[connections];
            this.latencies = latencies;
        }

        @Override
        public void sending(int connection, int request) {
            sentAt[connection] = System.nanoTime();
        }

        @Override
        public void echoed(int connection, int request) {
            latencies.recordRoundTrip(System.nanoTime() - sentAt[connection]);
        }
    }
}
