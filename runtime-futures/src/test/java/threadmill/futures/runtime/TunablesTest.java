package threadmill.futures.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import threadmill.futures.CoopBudget;

class TunablesTest {

    @Test
    void anUnsetPropertyIsTheDefaultAndASetOneIsReadWithinItsRange() {
        assertEquals(61, Tunables.parse("fairnessInterval", null, 61, 1, 65_536, false));
        assertEquals(31, Tunables.parse("fairnessInterval", " 31 ", 61, 1, 65_536, false));
        assertEquals(1, Tunables.parse("fairnessInterval", "1", 61, 1, 65_536, false));
        assertEquals(4096, Tunables.parse("runQueueCapacity", "4096", 1024, 2, 1 << 20, true));
    }

    @Test
    void aBadValueNamesThePropertyTheValueAndTheRange() {
        assertEquals("threadmill.futures.fairnessInterval must be a whole number from 1 to 65536, was 'often'",
                assertThrows(IllegalArgumentException.class,
                        () -> Tunables.parse("fairnessInterval", "often", 61, 1, 65_536, false)).getMessage());
        assertEquals("threadmill.futures.fairnessInterval must be a whole number from 1 to 65536, was '0'",
                assertThrows(IllegalArgumentException.class,
                        () -> Tunables.parse("fairnessInterval", "0", 61, 1, 65_536, false)).getMessage());
        assertEquals("threadmill.futures.runQueueCapacity must be a power of two from 2 to 1048576, was '1000'",
                assertThrows(IllegalArgumentException.class,
                        () -> Tunables.parse("runQueueCapacity", "1000", 1024, 2, 1 << 20, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tunables.parse("wakeBatch", "99999999999999999999", 1024, 1, 1 << 20, false));
    }

    @Test
    void aMisspelledPropertyIsAnErrorNotIgnored() {
        Properties properties = new Properties();
        properties.setProperty("threadmill.futures.fairnessInterval", "31");
        properties.setProperty("threadmill.stress.wakes", "100");
        assertDoesNotThrow(() -> Tunables.rejectUnknown(properties));
        properties.setProperty("threadmill.futures.fairnesInterval", "31");
        String message = assertThrows(IllegalArgumentException.class, () -> Tunables.rejectUnknown(properties)).getMessage();
        assertTrue(message.startsWith("threadmill.futures.fairnesInterval is not a tunable of the futures runtime; the tunables are "
                + "threadmill.futures.workers, threadmill.futures.fairnessInterval"), message);
    }

    /** NAMES is what the misspelling check accepts: it must list every tunable, and only those. */
    @Test
    void namesListsEveryTunable() {
        List<String> fields = new ArrayList<>();
        for (Field f : Tunables.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && (f.getType() == int.class || f.getType() == long.class)) {
                fields.add(f.getName());
            }
        }
        assertEquals(Tunables.NAMES.size(), fields.size(), "tunable fields " + fields + " against names " + Tunables.NAMES);
    }

    /**
     * In a JVM of its own, where the class is initialised with the properties set: an override
     * reaches the runtime's constants, and a bad value fails the first use of the runtime with
     * the message above.
     */
    @Test
    void propertiesAreReadWhenTheRuntimeIsFirstUsed() throws IOException, InterruptedException {
        assertNotEquals(7, CoopBudget.ITERATIONS_PER_POLL);
        Run overridden = java("-Dthreadmill.futures.coopBudget=7", "-Dthreadmill.futures.fairnessInterval=31");
        assertEquals(0, overridden.exit, overridden.output);
        assertEquals("coopBudget=7 fairnessInterval=31 wakeBatch=1024", overridden.output.strip());

        Run bad = java("-Dthreadmill.futures.wakeBatch=0");
        assertNotEquals(0, bad.exit, bad.output);
        assertTrue(bad.output.contains("threadmill.futures.wakeBatch must be a whole number from 1 to 1048576, was '0'"), bad.output);
    }

    private record Run(int exit, String output) {
    }

    private static Run java(String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe JVM did not end: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    /** Prints what the runtime's code sees. */
    public static final class Probe {

        public static void main(String[] args) {
            System.out.println("coopBudget=" + CoopBudget.ITERATIONS_PER_POLL + " fairnessInterval=" + Tunables.FAIRNESS_INTERVAL
                    + " wakeBatch=" + Tunables.WAKE_BATCH);
        }
    }
}
