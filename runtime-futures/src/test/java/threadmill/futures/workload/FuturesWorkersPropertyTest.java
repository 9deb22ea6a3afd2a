package threadmill.futures.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** threadmill.futures.workers sets the pool's worker count, as parallelism sets virtual threads' carriers. */
class FuturesWorkersPropertyTest {

    @AfterEach
    void clear() {
        System.clearProperty(FuturesRuntime.WORKERS_PROPERTY);
    }

    @Test
    void unsetItIsOneWorkerPerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), FuturesRuntime.defaultWorkers());
    }

    @Test
    void setItIsThatCount() {
        System.setProperty(FuturesRuntime.WORKERS_PROPERTY, "3");
        assertEquals(3, FuturesRuntime.defaultWorkers());
    }

    @Test
    void aBadValueIsOneErrorNamingItAndTheLimit() {
        System.setProperty(FuturesRuntime.WORKERS_PROPERTY, "0");
        assertEquals("threadmill.futures.workers must be between 1 and 1024, was 0",
                assertThrows(IllegalArgumentException.class, FuturesRuntime::defaultWorkers).getMessage());
        System.setProperty(FuturesRuntime.WORKERS_PROPERTY, "two");
        assertEquals("threadmill.futures.workers must be a whole number between 1 and 1024, was 'two'",
                assertThrows(IllegalArgumentException.class, FuturesRuntime::defaultWorkers).getMessage());
    }

    @Test
    void theProviderNamesTheProperty() {
        assertEquals(List.of("-Dthreadmill.futures.workers=4"), new FuturesRuntimeProvider().jvmFlagsForWorkers(4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FuturesRuntimeProvider().jvmFlagsForWorkers(0))
                .getMessage().startsWith("workers must be between 1 and 1024"));
    }
}
