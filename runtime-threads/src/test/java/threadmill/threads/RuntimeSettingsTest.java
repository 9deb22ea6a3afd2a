package threadmill.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

    @Test
    void stackSizesReadLikeXss() {
        assertEquals(0, StackSize.parse("s", "0"));
        assertEquals(262_144, StackSize.parse("s", "262144"));
        assertEquals(256 * 1024, StackSize.parse("s", "256k"));
        assertEquals(1 << 20, StackSize.parse("s", "1M"));
        assertEquals(1L << 30, StackSize.parse("s", "1g"));
    }

    @Test
    void badStackSizesAreNamed() {
        assertEquals("threadmill.threads.stackSize must be a stack size like 262144, 256k, 1m or 1g (0 = the JVM default), was '12q'",
                assertThrows(IllegalArgumentException.class, () -> StackSize.parse(ThreadPerTaskRuntime.STACK_SIZE_PROPERTY, "12q")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StackSize.parse("s", "-1k"));
        assertThrows(IllegalArgumentException.class, () -> StackSize.parse("s", "99999999999g"));
        assertEquals("stackSizeBytes must be 0 (the JVM default) or positive, was -1",
                assertThrows(IllegalArgumentException.class, () -> new ThreadPerTaskRuntime(-1)).getMessage());
    }

    @Test
    void stackSizeComesFromTheSystemProperty() {
        System.setProperty(ThreadPerTaskRuntime.STACK_SIZE_PROPERTY, "512k");
        try (ThreadPerTaskRuntime runtime = new ThreadPerTaskRuntime()) {
            assertEquals(512 * 1024, runtime.stackSizeBytes());
        } finally {
            System.clearProperty(ThreadPerTaskRuntime.STACK_SIZE_PROPERTY);
        }
    }

    @Test
    void poolSizeIsValidated() {
        assertEquals("size must be between 1 and 100000, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FixedPoolRuntime(0)).getMessage());
        System.setProperty(FixedPoolRuntime.SIZE_PROPERTY, "lots");
        try {
            assertEquals("threadmill.pool.size must be a whole number from 1 to 100000, was 'lots'",
                    assertThrows(IllegalArgumentException.class, FixedPoolRuntime::new).getMessage());
        } finally {
            System.clearProperty(FixedPoolRuntime.SIZE_PROPERTY);
        }
        try (FixedPoolRuntime pool = new FixedPoolRuntime(3)) {
            assertEquals(3, pool.size());
        }
    }
}
