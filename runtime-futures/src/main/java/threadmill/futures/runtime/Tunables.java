package threadmill.futures.runtime;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Every tunable of the futures runtime, each named once with the trade-off it makes. The
 * defaults are the design (see {@code runtime-futures/DESIGN.md}, "Tunables"); for an experiment
 * each can be overridden with a system property, {@code -Dthreadmill.futures.<name>=<value>}, as
 * Netty reads {@code io.netty.*}.
 *
 * <p>The properties are read once, when this class is initialised (the first time a runtime is
 * made), into {@code static final} fields: the hot paths read a constant, never a property. A
 * value that is not a whole number in its range, or a {@code threadmill.futures.*} property that
 * names no tunable (a typo would otherwise be ignored without a word), fails that initialisation
 * with an {@link IllegalArgumentException} naming the property, the value and what is allowed.
 */
public final class Tunables {

    /** What every property name starts with. */
    public static final String PREFIX = "threadmill.futures.";

    private static final Properties SOURCE = System.getProperties();

    /**
     * Worker threads of a {@code WorkerPool} made without a count (the one the Threadmill
     * runtime uses), as {@code jdk.virtualThreadScheduler.parallelism} sets virtual threads'
     * carriers. More: more tasks run at once, up to the processors there are; beyond them, workers
     * only take turns and steal from each other. Fewer: the rest of the machine stays free, and
     * the suite measures how a runtime scales with its workers. Default one per available
     * processor, as tokio's multi-thread runtime.
     */
    public static final int WORKERS = intValue("workers", Runtime.getRuntime().availableProcessors(), 1, 1024);

    /**
     * Tasks an executor thread runs between looks at work from elsewhere. A worker takes every
     * {@code FAIRNESS_INTERVAL}th task from the injection queue before its own queue, and turns
     * its driver (I/O and timers, without blocking) once per pass of its run queue, but after no
     * fewer than {@code FAIRNESS_INTERVAL} tasks (see {@code Worker} for why a pass); a
     * {@code LocalExecutor} runs at most this many spawned tasks between polls of its main
     * future, and turns its driver every this many rounds. Smaller: tasks spawned from outside,
     * ready sockets and due timers wait behind fewer tasks that keep waking each other. Larger:
     * fewer injection-queue locks and selects (a syscall each) per task run, and more woken tasks
     * run while their data is still in the worker's cache. Default 61, tokio's event interval.
     */
    public static final int FAIRNESS_INTERVAL = intValue("fairnessInterval", 61, 1, 1 << 16);

    /**
     * Slots in a worker's local run queue, a power of two. The JDK's epoll selector reports at
     * most 1024 ready channels per select; a ring with room for that many lets one turn wake the
     * task of every socket one select reports. Smaller: a busy turn leaves ready sockets for a
     * later select, and tasks that wake or spawn many others overflow the ring sooner (half of
     * it then moves to the injection queue, behind the fairness interval). Larger: a reference
     * more per slot and worker, and a thief may take up to half the ring in one steal. Default
     * 1024 (tokio's ring has 256 slots).
     */
    public static final int RUN_QUEUE_CAPACITY = powerOfTwo("runQueueCapacity", 1024, 2, 1 << 20);

    /**
     * The most tasks one turn of a driver wakes: sockets first, then timers with what is left;
     * a worker passes the room left in its run queue when that is less. Due timers beyond it
     * stay in the wheel for the next turn, so a burst of expirations is woken a batch at a time,
     * each batch run before the next is fired. Smaller: the first woken tasks run sooner, and a
     * burst takes more turns. Larger: fewer turns through a burst, and a {@code LocalExecutor}
     * (whose queue has no bound) wakes more before it runs any. Default 1024, what one select
     * of the JDK's epoll selector reports at most. It need not equal
     * {@link #RUN_QUEUE_CAPACITY}: a worker's turn is bounded by both, a local executor's by
     * this one alone.
     */
    public static final int WAKE_BATCH = intValue("wakeBatch", 1024, 1, 1 << 20);

    /**
     * Tasks the workers take from the pool's injection queue at a time, shared out: a worker
     * takes {@code 1 + INJECTION_BATCH / workers} (all of it when it is alone), at most the room
     * in its ring. Larger: fewer trips through the queue's lock per task. Smaller: tasks spawned
     * from outside spread more evenly over the workers, and with them the timers and sockets
     * they arm, which stay with the worker that first polls them. Not tied to the ring's size.
     * Default 128, the batch tokio's workers take (half their ring).
     */
    public static final int INJECTION_BATCH = intValue("injectionBatch", 128, 1, 1 << 20);

    /**
     * Iterations a looping future runs in one poll before it yields ({@code CoopBudget}, tokio's
     * cooperative budget). Smaller: other tasks on the same thread wait less behind a loop whose
     * every step is ready at once. Larger: such a loop pays the yield (a trip through the run
     * queue) less often. Default 128, tokio's budget.
     */
    public static final int COOP_BUDGET = intValue("coopBudget", 128, 1, 1 << 20);

    /**
     * Selects that may report a socket readable, with no reader waiting, before its read
     * interest is dropped. A reader that a report woke may not have run yet when the next select
     * reports the socket again: a busy worker selects once per pass of its run queue, but a
     * reader that overflowed to the injection queue, was stolen, or is busy writing waits
     * longer. Keeping the interest saves an {@code epoll_ctl} delete and add per message; a
     * patience below the selects such a reader waits through pays them for every busy
     * connection. Larger: a socket whose task stopped reading makes its selector return early up
     * to this many times. 0: drop it at the first such report, as write interest always is (a
     * socket is writable nearly always). Default 64.
     */
    public static final int READ_INTEREST_PATIENCE = intValue("readInterestPatience", 64, 0, 1 << 16);

    /**
     * How long closing a listener from a thread outside any runtime waits for the selector that
     * holds it to release its descriptor (the JDK closes a registered channel's descriptor at its
     * selector's next select), so that connection attempts are refused once close returns.
     * Larger: a selector whose thread is stuck delays the close longer. Smaller: close may
     * return while the port still accepts. Default 1000 ms.
     */
    public static final long RELEASE_PATIENCE_NANOS = millis("releasePatienceMillis", 1_000, 0, 60_000);

    /**
     * The most threads of a {@code WorkerPool}'s blocking pool ({@code spawnBlocking}), made on
     * demand; further jobs queue. Larger: more blocking calls at once, each thread with a stack
     * of its own. Smaller: jobs wait for a thread. Default 512, tokio's.
     */
    public static final int BLOCKING_THREADS = intValue("blockingThreads", 512, 1, 1 << 16);

    /**
     * How long a blocking-pool thread waits idle for another job before it ends. Larger: a
     * burst of blocking work after a lull finds its threads. Smaller: idle threads give their
     * stacks back sooner. Default 10,000 ms, tokio's.
     */
    public static final long BLOCKING_KEEP_ALIVE_NANOS = millis("blockingKeepAliveMillis", 10_000, 1, 3_600_000);

    /** The property names above, without {@link #PREFIX}, in the order they are declared. */
    public static final List<String> NAMES = List.of("workers", "fairnessInterval", "runQueueCapacity", "wakeBatch",
            "injectionBatch", "coopBudget", "readInterestPatience", "releasePatienceMillis", "blockingThreads",
            "blockingKeepAliveMillis");

    static {
        rejectUnknown(SOURCE);
    }

    private Tunables() {
    }

    private static int intValue(String name, int defaultValue, int min, int max) {
        return (int) parse(name, SOURCE.getProperty(PREFIX + name), defaultValue, min, max, false);
    }

    private static int powerOfTwo(String name, int defaultValue, int min, int max) {
        return (int) parse(name, SOURCE.getProperty(PREFIX + name), defaultValue, min, max, true);
    }

    private static long millis(String name, long defaultValue, long min, long max) {
        return TimeUnit.MILLISECONDS.toNanos(parse(name, SOURCE.getProperty(PREFIX + name), defaultValue, min, max, false));
    }

    /**
     * {@code value} (a property's text, or null when it is not set) as a whole number from
     * {@code min} to {@code max}, a power of two if {@code powerOfTwo}; {@code defaultValue} when
     * null.
     */
    static long parse(String name, String value, long defaultValue, long min, long max, boolean powerOfTwo) {
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value, min, max, powerOfTwo);
        }
        if (parsed < min || parsed > max || (powerOfTwo && Long.bitCount(parsed) != 1)) {
            throw invalid(name, value, min, max, powerOfTwo);
        }
        return parsed;
    }

    private static IllegalArgumentException invalid(String name, String value, long min, long max, boolean powerOfTwo) {
        return new IllegalArgumentException(PREFIX + name + " must be " + (powerOfTwo ? "a power of two" : "a whole number")
                + " from " + min + " to " + max + ", was '" + value + "'");
    }

    /** Fails on a {@link #PREFIX} property that names no tunable. */
    static void rejectUnknown(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !NAMES.contains(key.substring(PREFIX.length()))) {
                throw new IllegalArgumentException(key + " is not a tunable of the futures runtime; the tunables are "
                        + PREFIX + String.join(", " + PREFIX, NAMES));
            }
        }
    }
}
