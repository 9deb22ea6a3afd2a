package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import threadmill.workload.OsLimits;

class KernelThreadLimitTest {

    @Test
    void theLowestLimitLessTheThreadsThereAreDecides() {
        OsLimits limits = new OsLimits(32768L, 192725L, 65530L, 96362L, 20000L);
        assertTrue(KernelThreadLimit.shortfall(30_000, limits, 300).isEmpty());
        String reason = KernelThreadLimit.shortfall(32_500, limits, 300).orElseThrow();
        assertTrue(reason.startsWith("32500 tasks need as many platform threads alive at once"), reason);
        assertTrue(reason.contains("pid_max=32768") && reason.contains("300 threads on the machine already"), reason);
        OsLimits userLimit = new OsLimits(4_194_304L, 192725L, 65530L, 4096L, 20000L);
        assertTrue(KernelThreadLimit.shortfall(5_000, userLimit, 0).orElseThrow().contains("ulimit -u=4096"));
    }

    @Test
    void unlimitedOrUnknownLimitsRuleNothingOut() {
        OsLimits none = new OsLimits(null, OsLimits.UNLIMITED, null, OsLimits.UNLIMITED, null);
        assertTrue(KernelThreadLimit.shortfall(10_000_000, none, 100).isEmpty());
    }

    @Test
    void theMachinesThreadsAreCounted() {
        long threads = KernelThreadLimit.onMachine();
        assertTrue(threads >= Thread.activeCount(), "this JVM's own threads at least: " + threads);
    }
}
