package threadmill.workload;

/**
 * Makes a {@link TaskRuntime} known by name; each runtime module lists its providers in
 * {@code META-INF/services/threadmill.workload.TaskRuntimeProvider}.
 */
public interface TaskRuntimeProvider {

    /** The name a user types, e.g. {@code threads}, {@code pool}, {@code loom}, {@code futures}. */
    String name();

    /** One line saying what this runtime is, for listings and reports. */
    String description();

    /** A new runtime with its default settings. */
    TaskRuntime create();
}
