package threadmill.futures.taskruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import threadmill.futures.Futures;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RequestObserver;
import threadmill.workload.ResourceLimitException;
import threadmill.workload.RunningServer;
import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;
import threadmill.workload.TaskRuntime;

/**
 * The workloads on the futures runtime: every task is a real spawned task on one
 * {@link WorkerPool} (one worker per processor, or {@value #WORKERS_PROPERTY} workers), owned
 * by this object.
 */
public final class FuturesRuntime implements TaskRuntime {

    /**
     * The system property that sets the worker count of the runtime's pool, as
     * {@code jdk.virtualThreadScheduler.parallelism} sets virtual threads' carriers: unset, one
     * worker per processor ({@link Tunables#WORKERS}, read once per JVM).
     */
    public static final String WORKERS_PROPERTY = Tunables.PREFIX + "workers";

    private final WorkerPool pool;

    public FuturesRuntime() {
        this(new WorkerPool());
    }

    public FuturesRuntime(WorkerPool pool) {
        this.pool = pool;
    }

    /** The pool every task of this runtime runs on. */
    WorkerPool pool() {
        return pool;
    }

    @Override
    public String name() {
        return "futures";
    }

    @Override
    public RunningTasks startSleepers(SleepFanOut workload, SleepObserver observer) {
        List<JoinHandle<Void>> handles = new ArrayList<>(workload.tasks());
        Sleepers sleepers = new Sleepers(workload.sleep(), observer, workload.depth());
        try {
            for (int i = 0; i < workload.tasks(); i++) {
                handles.add(pool.spawn(sleepers.task(i)));
            }
        } catch (OutOfMemoryError e) {
            int started = handles.size();
            handles.forEach(JoinHandle::abort);
            handles.clear();
            throw new ResourceLimitException("could not spawn " + workload.tasks() + " tasks: the heap ran out after "
                    + started + " (max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)", e);
        }
        return new SpawnedSleepers(pool, handles, sleepers.sum());
    }

    @Override
    public long requestFanOut(RequestFanOut workload, RequestObserver observer) throws IOException {
        List<JoinHandle<Long>> handles = new ArrayList<>(workload.connections());
        for (int c = 0; c < workload.connections(); c++) {
            handles.add(pool.spawn(new RoundTrips(c, workload, observer)));
        }
        try {
            long bytes = 0;
            for (long b : pool.blockOn(Futures.joinAll(handles))) {
                bytes += b;
            }
            return bytes;
        } catch (JoinError e) {
            handles.forEach(JoinHandle::abort);
            if (e.getCause() instanceof UncheckedIOException io) {
                throw new IOException("request fan-out failed: " + io.getCause().getMessage(), io.getCause());
            }
            throw e;
        }
    }

    @Override
    public RunningServer startEchoServer(InetSocketAddress bind) throws IOException {
        return new EchoServer(pool, bind);
    }

    @Override
    public void close() {
        pool.close();
    }
}
