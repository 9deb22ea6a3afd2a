package threadmill.harness.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import threadmill.harness.ChildProcess;
import threadmill.workload.Sockets;

/**
 * The parent's end of a {@link SteadyLoad} child: starts it (behind a launcher such as
 * {@code taskset -c 1}, in a JVM of its own), waits until its connections are open and
 * served once, then asks for one window at a time and returns each window's report.
 */
public final class SteadyLoadProcess implements AutoCloseable {

    /**
     * Time to connect beyond what the connections need: a JVM start, and the load generator's
     * own limit for a connection that makes no progress.
     */
    private static final Duration READY_GRACE = Duration.ofNanos(LoadWorker.NO_PROGRESS_NANOS).plusSeconds(60);
    /** A window's report may come later than its length: the last echoes, and a server that stopped answering. */
    private static final Duration WINDOW_GRACE = Duration.ofNanos(LoadWorker.NO_PROGRESS_NANOS).plusSeconds(30);

    private final ChildProcess child;
    private final SteadyLoad.Report ready;

    private SteadyLoadProcess(ChildProcess child, SteadyLoad.Report ready) {
        this.child = child;
        this.ready = ready;
    }

    /**
     * Starts the load side and waits until every connection has made its first round trip.
     *
     * @param launcher e.g. {@code taskset -c 1}; empty to run unpinned
     * @param serverPid the server process whose CPU each window reports; null for none (a
     *        server on another host)
     * @throws IOException when the child cannot start or cannot connect; the message has its
     *         stderr, which names the target
     */
    public static SteadyLoadProcess start(List<String> launcher, List<String> jvmFlags, InetSocketAddress target,
            int connections, int payloadBytes, Long serverPid) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Sockets.format(target), "--connections", Integer.toString(connections),
                "--payload", Integer.toString(payloadBytes)));
        if (serverPid != null) {
            args.addAll(List.of("--server-pid", Long.toString(serverPid)));
        }
        ChildProcess child = ChildProcess.start(launcher, SteadyLoad.class, jvmFlags, args);
        try {
            SteadyLoad.Report ready = next(child, READY_GRACE.plusMillis(connections));
            if (!SteadyLoad.Report.READY.equals(ready.kind())) {
                throw new IOException("load generator (pid " + child.pid() + ") said " + ready.kind() + " before ready");
            }
            return new SteadyLoadProcess(child, ready);
        } catch (IOException | InterruptedException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** Connections open and served once, as the child reported when it was ready. */
    public int readyConnections() {
        return ready.liveConnections();
    }

    /** A closed-loop window of {@code length}. */
    public SteadyLoad.Report closed(Duration length) throws IOException, InterruptedException {
        return window(SteadyLoad.Window.closed(length));
    }

    /** An open-loop window of {@code length} at {@code ratePerSecond} over all connections. */
    public SteadyLoad.Report open(double ratePerSecond, Duration length) throws IOException, InterruptedException {
        return window(SteadyLoad.Window.open(ratePerSecond, length));
    }

    /**
     * A full collection of the load generator's heap, between windows (see {@link SteadyLoad}).
     *
     * @throws IOException when the child answers anything but {@code collected}
     */
    public void collectGarbage() throws IOException, InterruptedException {
        child.send(SteadyLoad.COLLECT);
        SteadyLoad.Report report = next(child, WINDOW_GRACE);
        if (!SteadyLoad.Report.COLLECTED.equals(report.kind())) {
            throw new IOException("load generator (pid " + child.pid() + ") answered " + report.kind() + " to "
                    + SteadyLoad.COLLECT);
        }
    }

    private SteadyLoad.Report window(SteadyLoad.Window window) throws IOException, InterruptedException {
        child.send(window.command());
        return next(child, window.length().plus(WINDOW_GRACE));
    }

    /** The next JSON line the child prints; a JVM may print a warning line before it. */
    private static SteadyLoad.Report next(ChildProcess child, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = child.nextLine(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (line.startsWith("{")) {
                return SteadyLoad.Report.parse(line);
            }
        }
    }

    public long pid() {
        return child.pid();
    }

    /** Ends the child's input: it closes its connections and exits (or is killed after a grace). */
    @Override
    public void close() {
        child.close();
    }
}
