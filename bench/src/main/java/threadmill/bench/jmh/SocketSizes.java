package threadmill.bench.jmh;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.annotations.Param;

import threadmill.workload.RequestFanOut;
import threadmill.workload.Validate;

/**
 * The sizes of every socket benchmark: C connections, R round trips each, P bytes a request,
 * checked against the contract's limits and against the heap the client side needs.
 */
public abstract class SocketSizes extends RuntimeBenchmark {

    @Param({"100", "1000", "10000"})
    public int connections;

    /** Round trips per connection. */
    @Param({"10"})
    public int requests;

    /** Bytes per request. */
    @Param({"128"})
    public int payload;

    @Override
    protected void checkSizes() {
        Validate.inRange("connections", connections, 1, RequestFanOut.MAX_CONNECTIONS);
        Validate.inRange("requests", requests, 1, Integer.MAX_VALUE);
        Validate.inRange("payload", payload, 1, RequestFanOut.MAX_PAYLOAD_BYTES);
        // A send buffer and a receive buffer of one payload each, besides the connection itself.
        HeapBudget.requireFits("connections", connections, HeapBudget.BYTES_PER_CONNECTION + 2L * payload);
    }

    /** The sizes by name, in the order they name a result file. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("connections", connections);
        sizes.put("requests", requests);
        sizes.put("payload", payload);
        return sizes;
    }

    /** Round trips one run of the workload makes. */
    long roundTrips() {
        return (long) connections * requests;
    }
}
