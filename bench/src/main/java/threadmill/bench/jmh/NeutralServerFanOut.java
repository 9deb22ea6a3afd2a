package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.Param;

import threadmill.workload.RequestFanOut;

/**
 * Request fan-out by the runtime under test, in the benchmark JVM, against the neutral echo
 * server in a JVM of its own (see {@link ServerJvm}): the server is the same for every runtime
 * and built never to be the bottleneck, so the differences are the client's.
 */
public abstract class NeutralServerFanOut extends RuntimeBenchmark {

    @Param({"100", "1000", "10000"})
    public int connections;

    /** Round trips per connection. */
    @Param({"10"})
    public int requests;

    /** Bytes per request. */
    @Param({"128"})
    public int payload;

    private ServerJvm server;
    protected RequestFanOut fanOut;

    @Override
    protected void checkSizes() {
        RequestSizes.check(connections, requests, payload);
    }

    @Override
    protected void runtimeOpened() throws Exception {
        server = ServerJvm.neutral();
        fanOut = new RequestFanOut(connections, requests, payload, server.address());
    }

    @Override
    protected void runtimeClosing() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
