package threadmill.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import threadmill.workload.ResourceLimitException;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;

/** Running out of threads ends a run with an error naming the limits, never a hang or a crash. */
@Timeout(120)
class ThreadLimitTest {

    @Test
    void threadsStartedBeforeTheFailureAreStoppedAndTheErrorNamesTheLimits() {
        List<Thread> created = new CopyOnWriteArrayList<>();
        ThreadFactory failsAfterFive = task -> {
            if (created.size() == 5) {
                return new Thread(task) {
                    @Override
                    public void start() {
                        throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
                    }
                };
            }
            Thread thread = Thread.ofPlatform().unstarted(task);
            created.add(thread);
            return thread;
        };

        try (ThreadPerTaskRuntime runtime = new ThreadPerTaskRuntime(failsAfterFive, 0)) {
            ResourceLimitException error = assertThrows(ResourceLimitException.class,
                    () -> runtime.startSleepers(new SleepFanOut(100, Duration.ofMinutes(10)), SleepObserver.NONE));

            assertTrue(error.getMessage().startsWith("could not start 100 threads: 5 started and were stopped again"
                    + " (unable to create native thread"), error.getMessage());
            assertTrue(error.getMessage().contains("pid_max="), error.getMessage());
            assertEquals(5, created.size());
            created.forEach(thread -> assertFalse(thread.isAlive(), thread.getName() + " still sleeps"));
        }
    }

    /**
     * A real limit: a child JVM whose address space (ulimit -v) holds only a few 64 MiB
     * stacks. The child reports the error and then runs again, which shows that the threads
     * of the failed run were released.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aRealThreadLimitInAChildJvm() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String command = "ulimit -v 2000000; exec " + java
                + " -Xmx64m -XX:ReservedCodeCacheSize=32m -XX:CompressedClassSpaceSize=64m -XX:+UseSerialGC -Xlog:disable"
                + " -D" + ThreadPerTaskRuntime.STACK_SIZE_PROPERTY + "=64m"
                + " -cp '" + System.getProperty("java.class.path") + "' '" + ThreadLimitChild.class.getName() + "'";
        Process child = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not end");

            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("limit: could not start 10000 threads: "), output);
            assertTrue(output.contains("pid_max="), output);
            assertTrue(output.contains("afterwards: 1"), output);
        } finally {
            child.destroyForcibly();
        }
    }

    /** The child JVM of {@link #aRealThreadLimitInAChildJvm()}. */
    static final class ThreadLimitChild {

        public static void main(String[] args) throws InterruptedException {
            try (ThreadPerTaskRuntime runtime = new ThreadPerTaskRuntime()) {
                try {
                    runtime.startSleepers(new SleepFanOut(10_000, Duration.ofMinutes(10)), SleepObserver.NONE);
                    System.out.println("no limit reached");
                } catch (ResourceLimitException e) {
                    System.out.println("limit: " + e.getMessage());
                }
                System.out.println("afterwards: " + runtime.sleepFanOut(new SleepFanOut(2, Duration.ofMillis(10))));
            }
        }
    }
}
