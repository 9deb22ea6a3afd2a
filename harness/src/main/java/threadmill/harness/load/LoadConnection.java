package threadmill.harness.load;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One connection of the {@link LoadGenerator} and where it is in its current round trip.
 * Owned by one {@link LoadWorker}; never touched by two threads at once. Holds counters
 * only: payloads are produced and checked in the worker's shared buffers, so 10,000
 * connections cost no payload memory.
 */
final class LoadConnection {

    /** Connection number over the whole load; with the request number it picks the payload. */
    final int id;
    final SocketChannel channel;
    final SelectionKey key;

    /** Payload number of the request in flight; warm-up requests count too, so none repeats. */
    int request = -1;
    /** Requests this connection has started in the current phase. */
    int startedInPhase;
    int sent;
    int received;
    /** When the request in flight was due: its intended time (open loop) or its send time (closed loop). */
    long due;
    boolean inFlight;
    /** Still to start a request in the current phase: counted in the worker's {@code active}. */
    boolean issuing;
    boolean failed;

    LoadConnection(int id, SocketChannel channel, SelectionKey key) {
        this.id = id;
        this.channel = channel;
        this.key = key;
    }
}
