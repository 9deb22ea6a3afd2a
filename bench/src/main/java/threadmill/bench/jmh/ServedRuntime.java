package threadmill.bench.jmh;

import java.io.IOException;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import threadmill.workload.TaskRuntimes;
import threadmill.workload.net.Load;
import threadmill.workload.net.LoadGenerator;
import threadmill.workload.net.LoadResult;

/**
 * The runtime under test as a server: its own echo server ({@code ServeRuntime <runtime>}) in a
 * JVM of its own (see {@link ServerJvm}), driven by the neutral load generator from the
 * benchmark JVM, which runs no runtime at all. The client is the same for every runtime, so
 * the differences are the server's.
 */
@State(Scope.Benchmark)
public abstract class ServedRuntime extends DefaultRun {

    @Param({"threads", "pool", "loom", "futures"})
    public String runtime;

    @Param({"100", "1000", "10000"})
    public int connections;

    /** Round trips per connection. */
    @Param({"10"})
    public int requests;

    /** Bytes per request. */
    @Param({"128"})
    public int payload;

    private ServerJvm server;
    protected Load load;

    @Setup(Level.Trial)
    public final void startServer() throws Exception {
        checkSizes();
        // The child would refuse an unknown name too, but later and with the error in its stderr.
        TaskRuntimes.provider(runtime);
        server = ServerJvm.serving(runtime);
        load = load(server);
    }

    @TearDown(Level.Trial)
    public final void stopServer() {
        try {
            server.close();
        } finally {
            trialEnded();
        }
    }

    /** Throws IllegalArgumentException naming the bad value; runs before the server starts. */
    protected void checkSizes() {
        RequestSizes.check(connections, requests, payload);
    }

    /** What one invocation sends to the server. */
    protected abstract Load load(ServerJvm server);

    /** Publishes what the trial recorded. */
    protected void trialEnded() {
    }

    /**
     * Runs the load once and returns its result, or throws if any connection failed or any
     * round trip is missing: a server that drops connections must not look fast.
     */
    LoadResult runLoad() throws IOException, InterruptedException {
        LoadResult result = LoadGenerator.run(load);
        long expected = (long) connections * requests;
        if (result.errors() > 0 || result.requests() != expected) {
            throw new IllegalStateException(runtime + " server: " + result.errors() + " connections failed and "
                    + result.requests() + " of " + expected + " round trips completed; first error: " + result.firstError());
        }
        return result;
    }
}
