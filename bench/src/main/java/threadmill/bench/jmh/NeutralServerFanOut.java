package threadmill.bench.jmh;

import threadmill.workload.RequestFanOut;

/**
 * Request fan-out by the runtime under test, in the benchmark JVM, against the neutral echo
 * server in a JVM of its own (see {@link ServerJvm}): the server is the same for every runtime
 * and built never to be the bottleneck, so the differences are the client's.
 */
public abstract class NeutralServerFanOut extends SocketSizes {

    private ServerJvm server;
    protected RequestFanOut fanOut;

    @Override
    protected void start() throws Exception {
        super.start();
        server = ServerJvm.neutral();
        fanOut = new RequestFanOut(connections, requests, payload, server.address());
    }

    @Override
    protected void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            super.stop();
        }
    }
}
