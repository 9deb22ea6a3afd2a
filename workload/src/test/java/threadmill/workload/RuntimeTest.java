package threadmill.workload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of one kind of runtime: each test method gets a new runtime, closed after it. A
 * runtime module's test says how to create its runtime.
 */
public abstract class RuntimeTest {

    protected TaskRuntime runtime;

    /** A new runtime of the kind under test, with its default settings. */
    protected abstract TaskRuntime createRuntime();

    @BeforeEach
    protected void openRuntime() {
        runtime = createRuntime();
    }

    @AfterEach
    protected void closeRuntime() {
        runtime.close();
    }
}
