package threadmill.harness.load;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import threadmill.workload.Payloads;
import threadmill.workload.Shutdown;
import threadmill.workload.Sockets;

/**
 * One selector thread of a {@link LoadSession}: drives connections
 * {@code index, index + threads, index + 2 threads, ...} through the phases connect, then any
 * sequence of warm-ups and measured phases on the same connections. Each phase runs on a
 * thread of the session's pool, one after the other, so the worker's state needs no locks.
 */
final class LoadWorker implements AutoCloseable {

    /** A connection that neither sends nor receives a byte for this long fails. */
    static final long NO_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How often a worker with nothing scheduled looks for connections that stopped answering. */
    private static final long STALL_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Connects in flight per worker: more would overflow the server's accept queue. */
    private static final int CONNECTS_IN_FLIGHT = 256;
    /** Below a millisecond the selector cannot time a wake-up; park in slices this short instead. */
    private static final long PARK_SLICE_NANOS = 50_000;
    private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Load load;
    private final int index;
    private final int threads;
    private final Selector selector;
    private final List<LoadConnection> connections = new ArrayList<>();
    private final ByteBuffer out;
    private final ByteBuffer in;
    private final PriorityQueue<LoadConnection> scheduled = new PriorityQueue<>(Comparator.comparingLong(c -> c.due));

    private final Histogram warmUpLatency = newHistogram();
    private final Histogram latency = newHistogram();

    // The phase being run.
    private Histogram recording;
    private long expectedIntervalNanos;
    private boolean openLoop;
    private double ratePerSecond;
    private long phaseStart;
    private long stopIssuingAt;
    private int requestsPerConnection;
    private int active;
    private int inFlight;
    private long lastProgress;

    // What the last measured phase counted.
    private long requests;
    private long bytes;
    private long errors;
    private String firstError;
    private long lastReply;

    // Since the connections opened: a failed connection stays closed for every later phase.
    private long failedConnections;
    private String firstFailure;

    LoadWorker(Load load, int index, int threads) throws IOException {
        this.load = load;
        this.index = index;
        this.threads = threads;
        this.selector = Selector.open();
        this.out = ByteBuffer.allocateDirect(load.payloadBytes());
        this.in = ByteBuffer.allocateDirect(load.payloadBytes());
    }

    static Histogram newHistogram() {
        Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        // A stalled server can push a latency past a minute; record it rather than fail.
        histogram.setAutoResize(true);
        return histogram;
    }

    /** Opens this worker's connections, a bounded number at a time. */
    Void connect() throws IOException {
        int next = index;
        int connecting = 0;
        long progress = System.nanoTime();
        while (next < load.connections() || connecting > 0) {
            while (next < load.connections() && connecting < CONNECTS_IN_FLIGHT) {
                if (open(next)) {
                    connecting++;
                }
                next += threads;
            }
            int connected = finishConnects();
            connecting -= connected;
            long now = System.nanoTime();
            if (connected > 0) {
                progress = now;
            } else if (now - progress > NO_PROGRESS_NANOS) {
                throw new IOException("cannot connect to " + Sockets.format(load.target()) + ": " + connecting
                        + " connections not established within " + TimeUnit.NANOSECONDS.toSeconds(NO_PROGRESS_NANOS) + " s");
            }
        }
        return null;
    }

    /** Opens connection {@code id}; true when its connect is still in progress. */
    private boolean open(int id) throws IOException {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            LoadConnection connection = new LoadConnection(id, channel, channel.register(selector, 0));
            connection.key.attach(connection);
            connections.add(connection);
            if (channel.connect(load.target())) {
                return false;
            }
            connection.key.interestOps(SelectionKey.OP_CONNECT);
            return true;
        } catch (IOException e) {
            if (channel != null) {
                Shutdown.closeQuietly(channel);
            }
            throw Sockets.connectFailed(load.target(), e);
        }
    }

    private int finishConnects() throws IOException {
        int[] connected = {0};
        IOException[] failure = {null};
        selector.select(key -> {
            try {
                if (((SocketChannel) key.channel()).finishConnect()) {
                    key.interestOps(0);
                    connected[0]++;
                }
            } catch (IOException e) {
                failure[0] = Sockets.connectFailed(load.target(), e);
            }
        }, 1000);
        if (failure[0] != null) {
            throw failure[0];
        }
        return connected[0];
    }

    /**
     * {@code requestsPerConnection} closed-loop round trips on every live connection, which
     * warm both sides up and time a normal round trip ({@link #warmUpLatency()}, cleared first).
     */
    Void warmUp(int requestsPerConnection) throws IOException {
        warmUpLatency.reset();
        recording = warmUpLatency;
        expectedIntervalNanos = 0;
        openLoop = false;
        this.requestsPerConnection = requestsPerConnection;
        stopIssuingAt = Long.MAX_VALUE;
        drive(System.nanoTime());
        return null;
    }

    /**
     * A measured phase of {@code phase}'s mode, rate and length, on the connections still
     * open; the counts and the histogram start from zero. Open loop: request {@code k} of
     * connection {@code c} is due at {@code start + (c + k * connections) / rate}, whether or
     * not the server kept up, and its latency counts from then, so a stall is charged to
     * every request it delayed. A phase with a duration stops issuing at its end and returns
     * once the requests in flight have been answered.
     */
    Void measure(Load phase, long start, long closedLoopExpectedIntervalNanos) throws IOException {
        latency.reset();
        requests = 0;
        bytes = 0;
        errors = 0;
        firstError = null;
        recording = latency;
        expectedIntervalNanos = closedLoopExpectedIntervalNanos;
        openLoop = phase.mode() == Load.Mode.OPEN;
        ratePerSecond = phase.ratePerSecond();
        requestsPerConnection = phase.duration() == null ? phase.requestsPerConnection() : Integer.MAX_VALUE;
        stopIssuingAt = phase.duration() == null ? Long.MAX_VALUE : start + phase.duration().toNanos();
        lastReply = start;
        drive(start);
        return null;
    }

    private void drive(long start) throws IOException {
        phaseStart = start;
        lastProgress = System.nanoTime();
        active = 0;
        for (LoadConnection connection : connections) {
            if (!connection.failed) {
                connection.startedInPhase = 0;
                connection.issuing = true;
                active++;
                scheduleNext(connection, lastProgress);
            }
        }
        while (active > 0) {
            long now = System.nanoTime();
            while (!scheduled.isEmpty() && scheduled.peek().due <= now) {
                send(scheduled.poll(), now);
            }
            long wait = scheduled.isEmpty() ? STALL_CHECK_NANOS : scheduled.peek().due - now;
            int ready;
            if (wait >= 1_000_000) {
                ready = selector.select(this::onReady, wait / 1_000_000);
            } else {
                ready = selector.selectNow(this::onReady);
                if (ready == 0 && wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, PARK_SLICE_NANOS));
                }
            }
            if (ready == 0) {
                failStalled(System.nanoTime());
            }
        }
    }

    private void scheduleNext(LoadConnection connection, long now) throws IOException {
        long due = openLoop ? intendedTime(connection.id, connection.startedInPhase) : now;
        if (connection.startedInPhase == requestsPerConnection || due >= stopIssuingAt) {
            connection.issuing = false;
            active--;
            return;
        }
        connection.startedInPhase++;
        connection.due = due;
        if (due <= now) {
            send(connection, now);
        } else {
            scheduled.add(connection);
        }
    }

    private long intendedTime(int connection, int request) {
        double requestNumber = connection + (double) request * load.connections();
        return phaseStart + (long) (requestNumber * 1e9 / ratePerSecond);
    }

    private void send(LoadConnection connection, long now) throws IOException {
        connection.request++;
        connection.sent = 0;
        connection.received = 0;
        connection.inFlight = true;
        inFlight++;
        lastProgress = now;
        try {
            write(connection);
        } catch (IOException e) {
            fail(connection, "connection " + connection.id + " failed on write: " + e.getMessage());
        }
    }

    private void write(LoadConnection connection) throws IOException {
        out.clear().position(connection.sent);
        Payloads.fill(out, connection.id, connection.request);
        int written = connection.channel.write(out);
        if (written > 0) {
            connection.sent += written;
            lastProgress = System.nanoTime();
        }
        int wanted = connection.sent < load.payloadBytes()
                ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                : SelectionKey.OP_READ;
        if (connection.key.interestOps() != wanted) {
            connection.key.interestOps(wanted);
        }
    }

    private void onReady(SelectionKey key) {
        LoadConnection connection = (LoadConnection) key.attachment();
        try {
            if (key.isWritable() && connection.sent < load.payloadBytes()) {
                write(connection);
            }
            if (key.isReadable()) {
                if (connection.inFlight) {
                    read(connection);
                } else {
                    unasked(connection);
                }
            }
        } catch (IOException e) {
            fail(connection, "connection " + connection.id + " to " + Sockets.format(load.target()) + " failed: " + e.getMessage());
        }
    }

    private void read(LoadConnection connection) throws IOException {
        in.clear().position(connection.received);
        int read = connection.channel.read(in);
        if (read < 0) {
            fail(connection, "connection " + connection.id + " was closed by " + Sockets.format(load.target())
                    + " while request " + connection.request + " was in flight");
            return;
        }
        if (read == 0) {
            return;
        }
        in.limit(in.position()).position(connection.received);
        if (!Payloads.matches(in, connection.id, connection.request)) {
            fail(connection, Payloads.mismatch(connection.id, connection.request).getMessage());
            return;
        }
        long now = System.nanoTime();
        lastProgress = now;
        connection.received += read;
        if (connection.received == load.payloadBytes()) {
            complete(connection, now);
        }
    }

    /**
     * A connection with no request in flight was reported readable: the server closed it, or
     * sent bytes nobody asked for. Either fails it, as a reply to a request would.
     */
    private void unasked(LoadConnection connection) throws IOException {
        in.clear();
        int read = connection.channel.read(in);
        if (read < 0) {
            fail(connection, "connection " + connection.id + " was closed by " + Sockets.format(load.target())
                    + " between requests");
        } else if (read > 0) {
            fail(connection, "connection " + connection.id + " received " + read + " bytes from "
                    + Sockets.format(load.target()) + " with no request in flight");
        }
    }

    private void complete(LoadConnection connection, long now) throws IOException {
        long nanos = now - connection.due;
        if (expectedIntervalNanos > 0) {
            recording.recordValueWithExpectedInterval(nanos, expectedIntervalNanos);
        } else {
            recording.recordValue(nanos);
        }
        if (recording == latency) {
            requests++;
            bytes += load.payloadBytes();
            lastReply = now;
        }
        connection.inFlight = false;
        inFlight--;
        // Read interest stays: a connection between requests is reported only if the server
        // closes it or sends unasked (see unasked). Dropping it here and adding it at the
        // next send cost two epoll_ctl calls per request, which in the open loop, where
        // requests wait for their due time, were most of the load generator's own CPU.
        scheduleNext(connection, now);
    }

    private void failStalled(long now) {
        if (inFlight == 0 || now - lastProgress <= NO_PROGRESS_NANOS) {
            return;
        }
        for (LoadConnection connection : connections) {
            if (connection.inFlight) {
                fail(connection, "no reply from " + Sockets.format(load.target()) + " on connection " + connection.id
                        + " within " + TimeUnit.NANOSECONDS.toSeconds(NO_PROGRESS_NANOS) + " s");
            }
        }
    }

    private void fail(LoadConnection connection, String message) {
        if (connection.failed) {
            return;
        }
        connection.failed = true;
        errors++;
        failedConnections++;
        if (firstError == null) {
            firstError = message;
        }
        if (firstFailure == null) {
            firstFailure = message;
        }
        if (connection.inFlight) {
            connection.inFlight = false;
            inFlight--;
        }
        if (connection.issuing) {
            connection.issuing = false;
            active--;
            scheduled.remove(connection);
        }
        connection.key.cancel();
        Shutdown.closeQuietly(connection.channel);
    }

    Histogram warmUpLatency() {
        return warmUpLatency;
    }

    Histogram latency() {
        return latency;
    }

    long requests() {
        return requests;
    }

    long bytes() {
        return bytes;
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    long lastReply() {
        return lastReply;
    }

    /** Connections of this worker that failed in any phase so far. */
    long failedConnections() {
        return failedConnections;
    }

    String firstFailure() {
        return firstFailure;
    }

    /** Connections of this worker still open. */
    int liveConnections() {
        return (int) (connections.size() - failedConnections);
    }

    /**
     * Closes the selector, from any thread: a phase still running wakes up and ends with a
     * ClosedSelectorException. Used when another worker failed and the run is over.
     */
    void abort() {
        Shutdown.closeQuietly(selector);
    }

    /** Closes every connection and the selector; only once no phase is running. */
    @Override
    public void close() {
        abort();
        for (LoadConnection connection : connections) {
            Shutdown.closeQuietly(connection.channel);
        }
    }
}
