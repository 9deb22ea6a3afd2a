package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HostLimitsTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             96365                96365                processes
            Max open files            20000                40000                files
            """;

    @Test
    void readsSoftLimits() {
        assertEquals(96365L, HostLimits.softLimit(LIMITS, "Max processes"));
        assertEquals(20000L, HostLimits.softLimit(LIMITS, "Max open files"));
    }

    @Test
    void unlimitedOrAbsentIsNull() {
        assertNull(HostLimits.softLimit(LIMITS, "Max cpu time"));
        assertNull(HostLimits.softLimit(LIMITS, "Max locked memory"));
    }

    @Test
    void readsTheKernelCeilingsOfThisHostInFull() {
        HostLimits limits = HostLimits.ofThisHost();
        assertNotNull(limits.pidMax());
        assertEquals(ProcFile.read("/proc/sys/kernel/pid_max").trim(), limits.pidMax().toString());
    }
}
