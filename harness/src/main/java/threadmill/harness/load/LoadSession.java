package threadmill.harness.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import threadmill.workload.OsLimits;
import threadmill.workload.ResourceLimitException;
import threadmill.workload.Sockets;

/**
 * Connections to one echo server, opened once and kept open for any sequence of phases:
 * closed-loop warm-ups and measured phases, closed or open loop, each counted on its own.
 * This is the steady state a server spends its life in, where accepting is over and only the
 * round trips cost; {@link LoadGenerator#run} is one session with one phase.
 *
 * <p>A connection that fails (reset, closed by the server, a wrong echo, no reply within
 * {@link LoadWorker#NO_PROGRESS_NANOS}) counts as an error of the phase it failed in and stays
 * closed: later phases run on the others, and {@link #liveConnections()} says how many.
 * Phases run one at a time, from one thread.
 */
public final class LoadSession implements AutoCloseable {

    /** Descriptors a session needs beside its sockets: each selector holds an epoll and an eventfd. */
    private static final int DESCRIPTORS_PER_SELECTOR = 3;

    private final Load shape;
    private final List<LoadWorker> workers;
    private final ExecutorService pool;

    private LoadSession(Load shape, List<LoadWorker> workers, ExecutorService pool) {
        this.shape = shape;
        this.workers = workers;
        this.pool = pool;
    }

    /**
     * Opens {@code connections} connections to {@code target} on {@code selectorThreads}
     * threads, for requests of {@code payloadBytes}.
     *
     * @throws ResourceLimitException before opening anything when {@code ulimit -n} cannot hold
     *         that many connections
     * @throws IOException naming the target when a connection cannot be opened
     */
    public static LoadSession connect(InetSocketAddress target, int connections, int payloadBytes, int selectorThreads)
            throws IOException, InterruptedException {
        return connect(new Load(target, connections, 1, null, payloadBytes, Load.Mode.CLOSED, 0, 0, selectorThreads));
    }

    /** Opens the connections of {@code load}: its target, connections, payload and selector threads. */
    static LoadSession connect(Load load) throws IOException, InterruptedException {
        checkDescriptors(load);
        Sockets.resolved(load.target());
        int threads = load.effectiveSelectorThreads();
        List<LoadWorker> workers = new ArrayList<>(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("load-generator-", 0).factory());
        LoadSession session = new LoadSession(load, workers, pool);
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(new LoadWorker(load, i, threads));
            }
            session.runPhase(worker -> worker::connect);
            return session;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /**
     * {@code requestsPerConnection} closed-loop round trips on every live connection, not
     * measured; returns their latency, whose median is a normal round trip.
     */
    public Histogram warmUp(int requestsPerConnection) throws IOException, InterruptedException {
        runPhase(worker -> () -> worker.warmUp(requestsPerConnection));
        return merge(LoadWorker::warmUpLatency);
    }

    /** Closed loop for {@code length}: each connection sends as soon as its last echo arrived. */
    public LoadResult closedFor(Duration length) throws IOException, InterruptedException {
        return measure(Load.closed(shape.target(), shape.connections(), 1, shape.payloadBytes()).withDuration(length), 0);
    }

    /** Open loop for {@code length}: {@code ratePerSecond} requests per second over all connections, on a fixed schedule. */
    public LoadResult openFor(double ratePerSecond, Duration length) throws IOException, InterruptedException {
        return measure(Load.open(shape.target(), shape.connections(), ratePerSecond, 1, shape.payloadBytes())
                .withDuration(length), 0);
    }

    /**
     * One measured phase of {@code phase}'s mode, rate and requests or duration, on this
     * session's connections; a closed loop corrects for coordinated omission with
     * {@code closedLoopExpectedIntervalNanos} when it is positive. The result counts only
     * this phase: its requests, its failed connections, its latency.
     */
    LoadResult measure(Load phase, long closedLoopExpectedIntervalNanos) throws IOException, InterruptedException {
        if (!phase.target().equals(shape.target()) || phase.connections() != shape.connections()
                || phase.payloadBytes() != shape.payloadBytes()) {
            throw new IllegalArgumentException("a phase runs on the session's connections: " + shape.connections()
                    + " to " + Sockets.format(shape.target()) + " with " + shape.payloadBytes() + " B requests");
        }
        long start = System.nanoTime();
        runPhase(worker -> () -> worker.measure(phase, start, closedLoopExpectedIntervalNanos));
        long requests = 0;
        long bytes = 0;
        long errors = 0;
        long end = start;
        String firstError = null;
        for (LoadWorker worker : workers) {
            requests += worker.requests();
            bytes += worker.bytes();
            errors += worker.errors();
            end = Math.max(end, worker.lastReply());
            if (firstError == null) {
                firstError = worker.firstError();
            }
        }
        long wallNanos = Math.max(1, end - start);
        return new LoadResult(requests, bytes, wallNanos, requests * 1e9 / wallNanos, errors, firstError,
                merge(LoadWorker::latency));
    }

    public int connections() {
        return shape.connections();
    }

    /** Connections still open: all of them, less those that failed in any phase. */
    public int liveConnections() {
        return workers.stream().mapToInt(LoadWorker::liveConnections).sum();
    }

    /** Connections that failed in any phase so far. */
    public long failedConnections() {
        return workers.stream().mapToLong(LoadWorker::failedConnections).sum();
    }

    /** The message of the first connection that failed in any phase, or null. */
    public String firstFailure() {
        return workers.stream().map(LoadWorker::firstFailure).filter(message -> message != null).findFirst().orElse(null);
    }

    /** Runs one phase on every worker; the first failure stops the others and is thrown. */
    private void runPhase(Function<LoadWorker, Callable<Void>> phase) throws IOException, InterruptedException {
        CompletionService<Void> done = new ExecutorCompletionService<>(pool);
        for (LoadWorker worker : workers) {
            done.submit(phase.apply(worker));
        }
        Throwable failure = null;
        for (int i = 0; i < workers.size(); i++) {
            try {
                done.take().get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                    workers.forEach(LoadWorker::abort);
                }
            }
        }
        switch (failure) {
            case null -> { }
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }

    private Histogram merge(Function<LoadWorker, Histogram> which) {
        Histogram merged = LoadWorker.newHistogram();
        for (LoadWorker worker : workers) {
            merged.add(which.apply(worker));
        }
        return merged;
    }

    private static void checkDescriptors(Load load) {
        OsLimits limits = OsLimits.current();
        Long max = limits.maxOpenFiles();
        if (max == null || max == OsLimits.UNLIMITED) {
            return;
        }
        Long open = OsLimits.openFileDescriptors();
        long alreadyOpen = open == null ? 0 : open;
        long needed = load.connections() + alreadyOpen + (long) DESCRIPTORS_PER_SELECTOR * load.effectiveSelectorThreads();
        if (needed > max) {
            throw new ResourceLimitException(load.connections() + " connections need " + needed
                    + " file descriptors (with the " + alreadyOpen + " this process has open), but ulimit -n is " + max
                    + "; run the server in another process or raise the limit (" + limits.describe() + ")", null);
        }
    }

    /** Closes every connection and stops the session's threads. */
    @Override
    public void close() throws InterruptedException {
        workers.forEach(LoadWorker::abort);
        pool.shutdownNow();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        workers.forEach(LoadWorker::close);
    }
}
