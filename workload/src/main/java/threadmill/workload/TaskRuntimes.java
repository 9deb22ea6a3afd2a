package threadmill.workload;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The runtimes found on the class path, by name. */
public final class TaskRuntimes {

    private TaskRuntimes() {
    }

    /** Every provider on the class path, sorted by name. */
    public static Map<String, TaskRuntimeProvider> providers() {
        Map<String, TaskRuntimeProvider> byName = new TreeMap<>();
        for (TaskRuntimeProvider provider : ServiceLoader.load(TaskRuntimeProvider.class)) {
            byName.put(provider.name(), provider);
        }
        return byName;
    }

    /** The provider with this name, or an error that lists the names there are. */
    public static TaskRuntimeProvider provider(String name) {
        Map<String, TaskRuntimeProvider> byName = providers();
        TaskRuntimeProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown runtime '" + name + "'; known runtimes: " + String.join(", ", byName.keySet()));
        }
        return provider;
    }

    /** A new runtime of that name with its default settings. */
    public static TaskRuntime create(String name) {
        return provider(name).create();
    }
}
