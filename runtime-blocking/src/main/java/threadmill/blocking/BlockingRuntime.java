package threadmill.blocking;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RequestObserver;
import threadmill.workload.RunningServer;
import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;
import threadmill.workload.TaskRuntime;

/**
 * A runtime whose tasks are threads running plain blocking code; subclasses choose how a
 * task is started ({@link TaskLauncher}) and what thread accepts connections.
 */
public abstract class BlockingRuntime implements TaskRuntime {

    private final String name;
    private final TaskLauncher launcher;
    private final ThreadFactory acceptors;
    private final Set<RunningTasks> sleeping = ConcurrentHashMap.newKeySet();
    private final Set<RunningServer> servers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param launcher starts tasks: sleepers, request fan-out connections, connection handlers
     * @param acceptors makes the thread each echo server accepts connections on
     */
    protected BlockingRuntime(String name, TaskLauncher launcher, ThreadFactory acceptors) {
        this.name = name;
        this.launcher = launcher;
        this.acceptors = acceptors;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunningTasks startSleepers(SleepFanOut workload, SleepObserver observer) {
        checkOpen();
        BlockingSleepers started = new BlockingSleepers(launcher, workload, observer);
        sleeping.add(started);
        return new RunningTasks() {
            @Override
            public long join() throws InterruptedException {
                long sum = started.join();
                sleeping.remove(started);
                return sum;
            }

            @Override
            public void cancel() {
                started.cancel();
                sleeping.remove(started);
            }
        };
    }

    @Override
    public long requestFanOut(RequestFanOut workload, RequestObserver observer) throws IOException, InterruptedException {
        checkOpen();
        LongAdder bytes = new LongAdder();
        FirstFailure failure = new FirstFailure();
        TaskLauncher.LaunchedTasks connections = launcher.launch(workload.connections(), connection -> () -> {
            try {
                bytes.add(EchoClient.roundTrips(workload, connection, observer));
            } catch (IOException | RuntimeException | Error e) {
                failure.record(e);
            }
        });
        try {
            connections.join();
        } catch (InterruptedException e) {
            connections.stop();
            throw e;
        }
        failure.rethrowIO();
        return bytes.sum();
    }

    @Override
    public RunningServer startEchoServer(InetSocketAddress bind) throws IOException {
        checkOpen();
        RunningServer server = BlockingEchoServer.start(bind, acceptors, launcher, servers::remove);
        servers.add(server);
        return server;
    }

    /** Closes the echo servers, stops sleepers nobody joined, then closes the launcher. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        servers.forEach(RunningServer::close);
        sleeping.forEach(RunningTasks::cancel);
        launcher.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("runtime " + name + " is closed");
        }
    }
}
