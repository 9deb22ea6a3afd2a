package threadmill.futures.taskruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import threadmill.futures.runtime.Tunables;

/**
 * threadmill.futures.workers sets the runtime pool's worker count, as parallelism sets virtual
 * threads' carriers. It is a tunable, read once per JVM, so the checks that need it set run in
 * a JVM of their own.
 */
class FuturesWorkersPropertyTest {

    @Test
    void unsetItIsOneWorkerPerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Tunables.WORKERS);
        try (FuturesRuntime runtime = new FuturesRuntime()) {
            assertEquals(Tunables.WORKERS, runtime.pool().workers());
        }
    }

    @Test
    void setItIsThatCountInANewJvm() throws Exception {
        assertEquals("workers=3", runChild("-D" + FuturesRuntime.WORKERS_PROPERTY + "=3"));
    }

    @Test
    void aBadValueIsOneErrorNamingItAndTheLimit() throws Exception {
        String output = runChild("-D" + FuturesRuntime.WORKERS_PROPERTY + "=0");
        assertTrue(output.contains("threadmill.futures.workers must be a whole number from 1 to 1024, was '0'"), output);
    }

    @Test
    void theProviderNamesTheProperty() {
        assertEquals(List.of("-Dthreadmill.futures.workers=4"), new FuturesRuntimeProvider().jvmFlagsForWorkers(4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FuturesRuntimeProvider().jvmFlagsForWorkers(0))
                .getMessage().startsWith("workers must be between 1 and 1024"));
    }

    /** Prints the runtime pool's worker count, or what failed. */
    public static void main(String[] args) {
        try (FuturesRuntime runtime = new FuturesRuntime()) {
            System.out.print("workers=" + runtime.pool().workers());
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.print(cause.getMessage());
        }
    }

    private static String runChild(String property) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), property,
                "-cp", System.getProperty("java.class.path"), FuturesWorkersPropertyTest.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes()).trim();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        return output;
    }
}
