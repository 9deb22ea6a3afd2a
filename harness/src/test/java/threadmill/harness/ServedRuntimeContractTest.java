package threadmill.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import threadmill.harness.echo.NeutralEchoServer;
import threadmill.harness.load.Load;
import threadmill.harness.load.LoadGenerator;
import threadmill.harness.load.LoadResult;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RunningServer;
import threadmill.workload.RuntimeTest;
import threadmill.workload.Sockets;

/**
 * A runtime under the harness, the way the benchmarks run it: its request fan-out against the
 * neutral echo server, its own echo server driven by the neutral load generator, and that
 * server started by name in a child JVM through {@link ServeRuntime}. A runtime module's test
 * extends this class beside its {@code TaskRuntimeContractTest}, which checks the contract with
 * plain JDK peers.
 */
@Timeout(120)
public abstract class ServedRuntimeContractTest extends RuntimeTest {

    @ParameterizedTest(name = "{0} connections x {1} requests x {2} bytes")
    @CsvSource({"50, 20, 64", "4, 3, 65536"})
    void requestFanOutAgainstTheNeutralEchoServerEchoesEveryByte(int connections, int requests, int payloadBytes)
            throws Exception {
        try (NeutralEchoServer server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 2)) {
            RequestFanOut workload = new RequestFanOut(connections, requests, payloadBytes, server.address());

            assertEquals(workload.expectedBytes(), runtime.requestFanOut(workload));
        }
    }

    @ParameterizedTest(name = "{0} connections x {1} requests x {2} bytes")
    @CsvSource({"20, 50, 64", "3, 4, 65536"})
    void ownEchoServerEchoesWhatTheLoadGeneratorSends(int connections, int requests, int payloadBytes) throws Exception {
        try (RunningServer server = runtime.startEchoServer(Sockets.DEFAULT_BIND)) {
            LoadResult result = LoadGenerator.run(
                    Load.closed(server.address(), connections, requests, payloadBytes).withSelectorThreads(2));

            assertEquals(0, result.errors(), result.firstError());
            assertEquals((long) connections * requests, result.requests());
            assertEquals((long) connections * requests * payloadBytes, result.bytes());
        }
    }

    @Test
    void serveRuntimeRunsThisRuntimesServerInAChildJvm() throws Exception {
        try (ChildProcess child = ChildProcess.startServer(ServeRuntime.class, List.of("-Xmx128m"),
                List.of(runtime.name(), "127.0.0.1:0"), Duration.ofSeconds(60))) {
            LoadResult result = LoadGenerator.run(Load.closed(child.address(), 5, 10, 256).withSelectorThreads(1));

            assertEquals(0, result.errors(), result.firstError());
            assertEquals(50, result.requests());
        }
    }
}
