package threadmill.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import threadmill.harness.load.Load;

/**
 * Server throughput: each runtime's own echo server, in a JVM of its own, under closed-loop
 * load from the neutral load generator: C connections each send a request as soon as the
 * previous reply arrived, R round trips each. Every invocation connects the C connections
 * afresh, so accepting them is part of what is measured, as it is part of serving. The
 * secondary metric {@code completed} is echoed requests per second (see
 * {@link Completions}); every echo is checked and a failed connection fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EchoServerBenchmark extends ServedRuntime {

    @Override
    protected Load load(ServerJvm server) {
        return Load.closed(server.address(), connections, requests, payload);
    }

    @Benchmark
    public long serve(Completions roundTripsDone) throws IOException, InterruptedException {
        return roundTripsDone.add(roundTrips(), runLoad().bytes());
    }
}
