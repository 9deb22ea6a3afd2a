package threadmill.workload;

import java.net.InetSocketAddress;

/**
 * Workload 2 (the {@code many_requests} example): {@code connections} concurrent tasks each
 * open a TCP connection to {@code target}, do {@code requestsPerConnection} round trips of
 * {@code payloadBytes} (write the payload, read the same number of bytes back, check them
 * against {@link Payloads}), and close. The result is the number of bytes echoed and checked.
 *
 * @param connections concurrent connections, 1 to {@value #MAX_CONNECTIONS}
 * @param requestsPerConnection round trips per connection, at least 1
 * @param payloadBytes bytes per request, 1 to {@value #MAX_PAYLOAD_BYTES}
 * @param target the echo server
 */
public record RequestFanOut(int connections, int requestsPerConnection, int payloadBytes, InetSocketAddress target) {

    public static final int MAX_CONNECTIONS = 1_000_000;
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    public RequestFanOut {
        Validate.inRange("connections", connections, 1, MAX_CONNECTIONS);
        Validate.inRange("requestsPerConnection", requestsPerConnection, 1, Integer.MAX_VALUE);
        Validate.inRange("payloadBytes", payloadBytes, 1, MAX_PAYLOAD_BYTES);
        if (target == null) {
            throw new IllegalArgumentException("target must be a host:port, was null");
        }
    }

    /** Bytes a correct run echoes: connections x requests x payload. */
    public long expectedBytes() {
        return (long) connections * requestsPerConnection * payloadBytes;
    }

    /** Throws unless {@code bytes} is what a run in which every round trip succeeded returns. */
    public long verify(long bytes) {
        if (bytes != expectedBytes()) {
            throw new IllegalStateException(
                    "request fan-out echoed " + bytes + " bytes, expected " + expectedBytes());
        }
        return bytes;
    }
}
