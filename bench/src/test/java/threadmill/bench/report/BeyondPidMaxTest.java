package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BeyondPidMaxTest {

    private static ProbeResult threads(long tasks, boolean ok) {
        return new ProbeResult("sleep10s", "threads", tasks, ok, ok ? null : "limit", Map.of("pidMax", "32768"),
                List.of(), 10_000.0, 1.0, Map.of(), "default", null);
    }

    @Test
    void aCompletedPointWithMoreThreadsThanPidsSaysItRanInWaves() {
        String status = threads(100_000, true).statusText();

        assertTrue(status.startsWith("ok, but N > pid_max=32768"), status);
    }

    @Test
    void pointsWithinTheLimitAndOtherRuntimesAreJustOk() {
        assertEquals("ok", threads(10_000, true).statusText());
        assertEquals("ok", new ProbeResult("sleep10s", "loom", 1_000_000, true, null, Map.of("pidMax", "32768"),
                List.of(), 10_000.0, 1.0, Map.of(), "default", null).statusText());
        assertEquals("failed: limit", threads(1_000_000, false).statusText());
    }
}
