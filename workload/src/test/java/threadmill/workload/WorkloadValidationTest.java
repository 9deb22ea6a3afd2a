package threadmill.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadValidationTest {

    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.1", 9);

    @Test
    void sleepFanOutNamesTheBadValueAndTheLimit() {
        assertEquals("tasks must be between 1 and 10000000, was 0", message(() -> new SleepFanOut(0, Duration.ZERO)));
        assertEquals("tasks must be between 1 and 10000000, was 10000001",
                message(() -> new SleepFanOut(10_000_001, Duration.ZERO)));
        assertEquals("sleep must be zero or positive, was PT-1S", message(() -> new SleepFanOut(1, Duration.ofSeconds(-1))));
        assertEquals("sleep must be zero or positive, was null", message(() -> new SleepFanOut(1, null)));
    }

    @Test
    void sleepFanOutDepthIsOneByDefaultAndBounded() {
        assertEquals(1, new SleepFanOut(1, Duration.ZERO).depth());
        assertEquals(SleepFanOut.MAX_DEPTH, new SleepFanOut(1, Duration.ZERO, SleepFanOut.MAX_DEPTH).depth());
        assertEquals("depth must be between 1 and 1000, was 0", message(() -> new SleepFanOut(1, Duration.ZERO, 0)));
        assertEquals("depth must be between 1 and 1000, was 1001",
                message(() -> new SleepFanOut(1, Duration.ZERO, SleepFanOut.MAX_DEPTH + 1)));
    }

    @Test
    void sleepFanOutVerifiesTheSum() {
        SleepFanOut workload = new SleepFanOut(1000, Duration.ofMillis(1));

        assertEquals(499_500, workload.expectedSum());
        assertEquals(499_500, workload.verify(499_500));
        assertEquals("sleep fan-out of 1000 tasks returned 7, expected 499500",
                assertThrows(IllegalStateException.class, () -> workload.verify(7)).getMessage());
        assertTrue(workload.sleeps());
        assertFalse(new SleepFanOut(1, Duration.ZERO).sleeps());
        assertEquals(49_999_995_000_000L, new SleepFanOut(SleepFanOut.MAX_TASKS, Duration.ZERO).expectedSum());
    }

    @Test
    void requestFanOutNamesTheBadValueAndTheLimit() {
        assertEquals("connections must be between 1 and 1000000, was 0", message(() -> new RequestFanOut(0, 1, 1, TARGET)));
        assertEquals("requestsPerConnection must be between 1 and 2147483647, was -3",
                message(() -> new RequestFanOut(1, -3, 1, TARGET)));
        assertEquals("payloadBytes must be between 1 and 1048576, was 1048577",
                message(() -> new RequestFanOut(1, 1, 1 << 20 | 1, TARGET)));
        assertEquals("target must be a host:port, was null", message(() -> new RequestFanOut(1, 1, 1, null)));
    }

    @Test
    void requestFanOutVerifiesTheBytes() {
        RequestFanOut workload = new RequestFanOut(1_000_000, 1000, 1 << 20, TARGET);

        assertEquals(1_048_576_000_000_000L, workload.expectedBytes());
        assertEquals("request fan-out echoed 5 bytes, expected 1048576000000000",
                assertThrows(IllegalStateException.class, () -> workload.verify(5)).getMessage());
    }

    private static String message(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }
}
