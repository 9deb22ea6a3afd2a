package threadmill.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Request fan-out throughput: C tasks of the runtime under test each open a connection to the
 * neutral echo server, do R round trips of P bytes and close, all joined; the client side of
 * many waiting tasks, where each task waits on a socket instead of a timer. Every invocation
 * opens the C connections afresh, as the workload says. The secondary metric
 * {@code completed} is round trips per second (see {@link Completions}); every
 * echoed byte is checked by the workload.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RequestFanOutBenchmark extends NeutralServerFanOut {

    @Benchmark
    public long fanOut(Completions roundTripsDone) throws IOException, InterruptedException {
        return roundTripsDone.add(roundTrips(), taskRuntime.requestFanOut(fanOut));
    }
}
