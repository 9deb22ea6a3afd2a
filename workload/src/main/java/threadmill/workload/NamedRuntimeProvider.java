package threadmill.workload;

import java.util.function.Supplier;

/**
 * A {@link TaskRuntimeProvider} that is a name, a description and a constructor; a runtime
 * module's provider subclasses it with a public no-argument constructor for ServiceLoader.
 */
public abstract class NamedRuntimeProvider implements TaskRuntimeProvider {

    private final String name;
    private final String description;
    private final Supplier<TaskRuntime> factory;

    protected NamedRuntimeProvider(String name, String description, Supplier<TaskRuntime> factory) {
        this.name = name;
        this.description = description;
        this.factory = factory;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final TaskRuntime create() {
        return factory.get();
    }
}
