package threadmill.workload;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Makes a {@link TaskRuntime} known by name, and says what the benchmarks must know about it
 * without naming it: what bounds its tasks, what a parked task costs the heap, its side of
 * the pitfalls. Each runtime module lists its providers in
 * {@code META-INF/services/threadmill.workload.TaskRuntimeProvider}; every property but the
 * name, the description and the factory has a default that suits a runtime with no such
 * limit, so a new runtime declares only what sets it apart.
 */
public interface TaskRuntimeProvider {

    /** The name a user types, e.g. {@code threads}, {@code pool}, {@code loom}, {@code futures}. */
    String name();

    /** One line saying what this runtime is, for listings, reports and error messages. */
    String description();

    /** A new runtime with its default settings. */
    TaskRuntime create();

    /**
     * The most tasks this runtime runs at once, when it bounds them (a fixed pool: the others
     * wait in its queue, holding no thread); empty when every started task runs at once. Its
     * echo server serves each connection as a task, so this also bounds the connections it
     * serves at once. Read at call time: the bound may come from a system property.
     */
    default OptionalInt maxConcurrentTasks() {
        return OptionalInt.empty();
    }

    /**
     * True when every live task is a kernel thread of its own, so that the OS's thread limits
     * (pid_max, threads-max, ulimit -u) cap how many can be alive at once and a fan-out larger
     * than them runs in waves, if at all.
     */
    default boolean eachTaskIsKernelThread() {
        return false;
    }

    /**
     * True when each task is a JDK virtual thread, to which carrier pinning applies (the
     * pinning pitfall runs on such runtimes only).
     */
    default boolean tasksAreVirtualThreads() {
        return false;
    }

    /**
     * Heap bytes a task parked at depth 1 is expected to need at the least: the memory probe
     * refuses, before it starts, a point whose tasks cannot fit its heap. The default is on
     * the generous side for a task object, its wait state and its timer entry.
     */
    default long heapBytesPerTask() {
        return 1024;
    }

    /**
     * Heap bytes each level of call depth above 1 adds to a parked task ({@link SleepFanOut#depth()}):
     * nothing where the frames live on a native stack, a copied frame or a nested state machine
     * where they live on the heap.
     */
    default long heapBytesPerDepthLevel() {
        return 64;
    }

    /**
     * The version of the library this runtime is, where that is not the JDK's own (e.g.
     * kotlinx.coroutines'); empty for a runtime the JDK is, or that is part of this project.
     */
    default Optional<String> runtimeVersion() {
        return Optional.empty();
    }

    /**
     * The JVM flags that make this runtime run its tasks on {@code workers} threads (virtual
     * threads' carriers, a pool's workers), for a JVM started with them: such a setting is read
     * once, when the scheduler is first used. Empty when the runtime has no such setting (a
     * thread per task), in which case only its default count is measured.
     *
     * @throws IllegalArgumentException when {@code workers} is outside 1 to {@link #MAX_WORKERS}
     */
    default List<String> jvmFlagsForWorkers(int workers) {
        Validate.inRange("workers", workers, 1, MAX_WORKERS);
        return List.of();
    }

    /**
     * The JVM flags that size this runtime's own threads to a process that has {@code cpus}
     * processors (a server pinned to them, a benchmark fork on the whole machine); empty where
     * the runtime sizes them from the processor count it sees (virtual threads' carriers, a
     * pool of one worker per processor) or has no threads of its own to size. A runtime whose
     * defaults do not follow the processor count (a floor of two workers, a pool meant for
     * blocking calls) names here its documented settings for that many processors, each with
     * the reason in its provider.
     *
     * @throws IllegalArgumentException when {@code cpus} is outside 1 to {@link #MAX_WORKERS}
     */
    default List<String> jvmFlagsForCpus(int cpus) {
        Validate.inRange("cpus", cpus, 1, MAX_WORKERS);
        return List.of();
    }

    /** The most workers {@link #jvmFlagsForWorkers} accepts: far more than any machine this runs on has cores. */
    int MAX_WORKERS = 1024;

    /**
     * {@link #jvmFlagsForWorkers} for a runtime whose worker count is the system property
     * {@code property}: {@code -D<property>=<workers>}.
     *
     * @throws IllegalArgumentException when {@code workers} is outside 1 to {@link #MAX_WORKERS}
     */
    static List<String> workersProperty(String property, int workers) {
        Validate.inRange("workers", workers, 1, MAX_WORKERS);
        return List.of("-D" + property + "=" + workers);
    }

    /** This runtime's side of the pitfall measurements; by default it takes part in none. */
    default RuntimePitfalls pitfalls() {
        return RuntimePitfalls.NONE;
    }
}
