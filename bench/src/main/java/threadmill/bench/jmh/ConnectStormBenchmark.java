package threadmill.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import threadmill.harness.load.Load;

/**
 * Connect storm: each runtime's own echo server, in a JVM of its own, under closed-loop load
 * from the neutral load generator, where every invocation connects its C connections afresh
 * and each makes only R round trips before it closes: C connects, C accepts and C closes per
 * C x R requests, so what this measures is as much the kernel's connection handling and the
 * server's accept path as its round trips. Client and server share the machine's CPUs. The
 * steady state, connections kept open and the two sides pinned apart, is the server
 * comparison's ({@code threadmill.bench.server.ServerComparison}). The secondary metric
 * {@code completed} is echoed requests per second (see {@link Completions}); every echo is
 * checked and a failed connection fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConnectStormBenchmark extends ServedRuntime {

    @Override
    protected Load load(ServerJvm server) {
        return Load.closed(server.address(), connections, requests, payload);
    }

    @Benchmark
    public long serve(Completions roundTripsDone) throws IOException, InterruptedException {
        return roundTripsDone.add(roundTrips(), runLoad().bytes());
    }
}
