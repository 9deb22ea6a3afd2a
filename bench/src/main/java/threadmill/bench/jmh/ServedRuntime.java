package threadmill.bench.jmh;

import java.io.IOException;
import java.util.OptionalInt;

import threadmill.harness.load.Load;
import threadmill.harness.load.LoadGenerator;
import threadmill.harness.load.LoadResult;

/**
 * The runtime under test as a server: its own echo server ({@code ServeRuntime <runtime>}) in a
 * JVM of its own (see {@link ServerJvm}), driven by the neutral load generator from the
 * benchmark JVM, which therefore creates no runtime. The client is the same for every runtime,
 * so the differences are the server's.
 */
public abstract class ServedRuntime extends SocketSizes {

    private ServerJvm server;
    protected Load load;

    /**
     * A runtime that bounds its concurrent tasks (a fixed pool) serves at most that many
     * connections at once, and the load keeps every connection open until it ends: past the
     * bound the rest would wait, unserved, until the load generator gives up a minute later.
     * Say so at once instead.
     */
    @Override
    protected void checkSizes() {
        super.checkSizes();
        OptionalInt bound = provider().maxConcurrentTasks();
        if (bound.isPresent() && connections > bound.getAsInt()) {
            throw new IllegalArgumentException("connections=" + connections + " exceeds the " + bound.getAsInt()
                    + " connections the " + runtime + " server serves at once (" + provider().description()
                    + "): the others would wait unserved");
        }
    }

    @Override
    protected void start() throws Exception {
        server = ServerJvm.serving(runtime);
        load = load(server);
    }

    @Override
    protected void stop() throws Exception {
        server.close();
    }

    /** What one invocation sends to the server. */
    protected abstract Load load(ServerJvm server);

    /**
     * Runs the load once and returns its result, or throws if any connection failed or any
     * round trip is missing: a server that drops connections must not look fast.
     */
    LoadResult runLoad() throws IOException, InterruptedException {
        LoadResult result = LoadGenerator.run(load);
        if (result.errors() > 0 || result.requests() != roundTrips()) {
            throw new IllegalStateException(runtime + " server: " + result.errors() + " connections failed and "
                    + result.requests() + " of " + roundTrips() + " round trips completed; first error: "
                    + result.firstError());
        }
        return result;
    }
}
