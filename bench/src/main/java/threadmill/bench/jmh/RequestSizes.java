package threadmill.bench.jmh;

import threadmill.workload.RequestFanOut;
import threadmill.workload.Validate;

/**
 * The checks every socket benchmark makes of its {@code connections}, {@code requests} and
 * {@code payload} before it starts a server: the contract's limits, and the heap the client
 * side needs for that many connections.
 */
final class RequestSizes {

    private RequestSizes() {
    }

    static void check(int connections, int requests, int payload) {
        Validate.inRange("connections", connections, 1, RequestFanOut.MAX_CONNECTIONS);
        Validate.inRange("requests", requests, 1, Integer.MAX_VALUE);
        Validate.inRange("payload", payload, 1, RequestFanOut.MAX_PAYLOAD_BYTES);
        // A send buffer and a receive buffer of one payload each, besides the connection itself.
        HeapBudget.requireFits("connections", connections, HeapBudget.BYTES_PER_CONNECTION + 2L * payload);
    }
}
