package threadmill.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The runtimes found on the class path, by name: the one list of runtimes every tool reads.
 * They are kept in the order ServiceLoader finds them, which is the order of the class path
 * (bench's pom lists the runtime modules from the oldest model to the newest) and, within a
 * module, the order of its services file; reports and plans list runtimes in that order.
 */
public final class TaskRuntimes {

    private TaskRuntimes() {
    }

    /** Loaded once: a class loader's services do not change. */
    private static final class Registry {
        static final Map<String, TaskRuntimeProvider> BY_NAME = load();

        private static Map<String, TaskRuntimeProvider> load() {
            Map<String, TaskRuntimeProvider> byName = new LinkedHashMap<>();
            for (TaskRuntimeProvider provider : ServiceLoader.load(TaskRuntimeProvider.class)) {
                TaskRuntimeProvider other = byName.putIfAbsent(provider.name(), provider);
                if (other != null) {
                    throw new IllegalStateException("two runtimes are named '" + provider.name() + "': "
                            + other.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
            return Collections.unmodifiableMap(byName);
        }
    }

    /** Every provider on the class path, in class-path order. */
    public static Map<String, TaskRuntimeProvider> providers() {
        return Registry.BY_NAME;
    }

    /** The names of every runtime on the class path, in class-path order. */
    public static List<String> names() {
        return List.copyOf(Registry.BY_NAME.keySet());
    }

    /** Whether a runtime of this name is on the class path. */
    public static boolean known(String name) {
        return Registry.BY_NAME.containsKey(name);
    }

    /** The provider with this name, or an error that lists the names there are. */
    public static TaskRuntimeProvider provider(String name) {
        TaskRuntimeProvider provider = Registry.BY_NAME.get(name);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown runtime '" + name + "'; known runtimes: " + String.join(", ", Registry.BY_NAME.keySet()));
        }
        return provider;
    }

    /** A new runtime of that name with its default settings. */
    public static TaskRuntime create(String name) {
        return provider(name).create();
    }
}
