package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 8123456 kB
            VmHWM:\t   62752 kB
            VmRSS:\t   54456 kB
            VmPTE:\t     356 kB
            Threads:\t21
            """;

    @Test
    void readsResidentPeakAndPageTablesInBytes() {
        ProcStatus status = ProcStatus.parse(STATUS);
        assertEquals(54456L * 1024, status.rssBytes());
        assertEquals(62752L * 1024, status.hwmBytes());
        assertEquals(356L * 1024, status.pteBytes());
    }

    @Test
    void aMissingFieldIsNull() {
        assertNull(ProcStatus.parse("Name:\tjava\nVmRSS:\t 1 kB\n").pteBytes());
    }

    @Test
    void doesNotMistakeAFieldForOneThatStartsTheSame() {
        assertNull(ProcStatus.field("VmRSSX:\t 5 kB\n", "VmRSS"));
    }

    @Test
    void readsThisProcess() {
        ProcStatus status = ProcStatus.ofThisProcess();
        assertTrue(status.rssBytes() > 0 && status.hwmBytes() >= status.rssBytes(), status.toString());
    }
}
