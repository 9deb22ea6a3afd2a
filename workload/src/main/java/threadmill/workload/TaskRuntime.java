package threadmill.workload;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One way of running very many waiting tasks. Every runtime of Threadmill implements the
 * three workloads here, each in the best idiomatic code for that runtime.
 *
 * <p>A runtime is created once and used for many workload runs (a benchmark creates it in its
 * setup), then closed; closing stops every thread it started.
 */
public interface TaskRuntime extends AutoCloseable {

    /** Short name as used on the command line, e.g. {@code loom}. */
    String name();

    /**
     * Starts the tasks of a sleep fan-out and returns at once. Task {@code i} calls
     * {@code observer.parking(i)} right before it sleeps (for a zero sleep: before it returns)
     * and {@code observer.woke(i)} right after it wakes, then returns {@code i}.
     *
     * @throws ResourceLimitException when the runtime cannot start that many tasks (the tasks
     *         started so far are stopped before this is thrown)
     */
    RunningTasks startSleepers(SleepFanOut workload, SleepObserver observer);

    /** Runs a sleep fan-out to the end and returns the verified sum. */
    default long sleepFanOut(SleepFanOut workload) throws InterruptedException {
        return workload.verify(startSleepers(workload, SleepObserver.NONE).join());
    }

    /**
     * Runs a request fan-out against an echo server and returns the number of bytes echoed
     * and checked. Connection {@code c} calls {@code observer.sending(c, r)} before it writes
     * request {@code r} and {@code observer.echoed(c, r)} once the echo is read and checked.
     *
     * @throws IOException when the target cannot be reached or a connection fails; the message
     *         names the target
     */
    long requestFanOut(RequestFanOut workload, RequestObserver observer) throws IOException, InterruptedException;

    /** Runs a request fan-out to the end and returns the verified number of bytes echoed. */
    default long requestFanOut(RequestFanOut workload) throws IOException, InterruptedException {
        return workload.verify(requestFanOut(workload, RequestObserver.NONE));
    }

    /**
     * Workload 3: starts this runtime's echo server, which holds every accepted connection
     * open and echoes back whatever it reads until the client closes.
     *
     * @param bind where to listen; port 0 lets the OS choose
     * @throws IOException when the address cannot be bound; the message names it
     */
    RunningServer startEchoServer(InetSocketAddress bind) throws IOException;

    /** Stops every thread this runtime started. */
    @Override
    void close();
}
