package threadmill.harness.load;

import java.io.IOException;
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
import threadmill.harness.CommandLine;
import threadmill.workload.Sockets;

/**
 * The load generator that drives every runtime's echo server the same way: non-blocking NIO
 * on a few selector threads (one per core by default), so that 10,000 connections need no
 * 10,000 threads and the client side is identical whichever runtime serves.
 *
 * <p>A run connects every connection first, then does the closed-loop warm-up, then starts
 * the clock for the measured phase; every echoed byte is checked against {@code Payloads}.
 * Latency is measured so that coordinated omission is corrected: in the open loop from each
 * request's intended send time, in the closed loop with HdrHistogram's expected-interval
 * correction (the warm-up median round trip as the interval; no correction without warm-up).
 */
public final class LoadGenerator {

    /** Descriptors a run needs beside its sockets: each selector holds an epoll and an eventfd. */
    private static final int DESCRIPTORS_PER_SELECTOR = 3;

    private LoadGenerator() {
    }

    /**
     * Runs {@code load} to the end.
     *
     * @throws ResourceLimitException before opening anything when {@code ulimit -n} cannot hold
     *         that many connections
     * @throws IOException naming the target when a connection cannot be opened
     */
    public static LoadResult run(Load load) throws IOException, InterruptedException {
        checkDescriptors(load);
        Sockets.resolved(load.target());
        int threads = load.effectiveSelectorThreads();
        List<LoadWorker> workers = new ArrayList<>(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("load-generator-", 0).factory());
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(new LoadWorker(load, i, threads));
            }
            runPhase(pool, workers, worker -> worker::connect);
            long expectedInterval = 0;
            if (load.warmupRequestsPerConnection() > 0) {
                runPhase(pool, workers, worker -> worker::warmUp);
                Histogram warmUp = merge(workers, LoadWorker::warmUpLatency);
                expectedInterval = load.mode() == Load.Mode.CLOSED ? warmUp.getValueAtPercentile(50) : 0;
            }
            long start = System.nanoTime();
            long interval = expectedInterval;
            runPhase(pool, workers, worker -> () -> worker.measure(start, interval));
            return result(workers, start);
        } finally {
            workers.forEach(LoadWorker::abort);
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            workers.forEach(LoadWorker::close);
        }
    }

    /** Runs one phase on every worker; the first failure stops the others and is thrown. */
    private static void runPhase(ExecutorService pool, List<LoadWorker> workers,
            Function<LoadWorker, Callable<Void>> phase) throws IOException, InterruptedException {
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

    private static LoadResult result(List<LoadWorker> workers, long start) {
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
                merge(workers, LoadWorker::latency));
    }

    private static Histogram merge(List<LoadWorker> workers, Function<LoadWorker, Histogram> which) {
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

    /**
     * {@code host:port --connections C (--requests R | --duration D) --payload P
     * [--mode closed|open] [--rate R] [--warmup W] [--selectors S]}: runs the load and prints
     * the {@link LoadResult} as one JSON line.
     */
    public static void main(String[] args) throws InterruptedException {
        String usage = "LoadGenerator host:port --connections C (--requests R | --duration 10s) --payload P"
                + " [--mode closed|open] [--rate R] [--warmup W] [--selectors S]";
        Load load;
        try {
            load = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + usage);
            System.exit(2);
            return;
        }
        try {
            System.out.println(run(load).toJson());
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static Load parse(String[] args) {
        CommandLine line = new CommandLine(args, "connections", "requests", "duration", "payload", "mode", "rate", "warmup", "selectors");
        if (line.positionals() != 1) {
            throw new IllegalArgumentException("expected one target host:port, got " + line.positionals());
        }
        String mode = line.text("mode", "closed");
        Load.Mode parsedMode = switch (mode) {
            case "closed" -> Load.Mode.CLOSED;
            case "open" -> Load.Mode.OPEN;
            default -> throw new IllegalArgumentException("--mode must be closed or open, was '" + mode + "'");
        };
        return new Load(
                CommandLine.address(line.positional(0, null)),
                line.integer("connections", 0),
                line.integer("requests", 0),
                line.duration("duration"),
                line.integer("payload", 0),
                parsedMode,
                line.decimal("rate", 0),
                line.integer("warmup", 0),
                line.integer("selectors", Load.defaultSelectorThreads()));
    }
}
