package threadmill.bench.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NmtSummaryTest {

    /** Trimmed from {@code VM.native_memory summary scale=b} on JDK 25. */
    private static final String SUMMARY = """

            Native Memory Tracking:

            Total: reserved=7926707289, committed=498041945
                   malloc: 18490457 #52815, peak=21892773 #52524
                   mmap:   reserved=7908216832, committed=479551488

            -                 Java Heap (reserved=6320816128, committed=402653184)
                                        (mmap: reserved=6320816128, committed=402653184, at peak)

            -                     Class (reserved=1073974590, committed=1805630)
                                        (classes #3438)

            -                    Thread (reserved=18933536, committed=796448)
                                        (threads #18)
                                        (stack: reserved=18874368, committed=737280, peak=737280)

            -                      Code (reserved=254966144, committed=9058688)
            """;

    @Test
    void readsHeapThreadsClassesAndTotal() {
        NmtSummary nmt = NmtSummary.parse(SUMMARY);
        assertEquals(402653184L, nmt.javaHeapCommitted());
        assertEquals(796448L, nmt.threadCommitted());
        assertEquals(18933536L, nmt.threadReserved());
        assertEquals(18L, nmt.threadCount());
        assertEquals(1805630L, nmt.classCommitted());
        assertEquals(498041945L, nmt.totalCommitted());
    }

    @Test
    void isNullWhenTrackingIsOff() {
        assertNull(NmtSummary.parse("Native memory tracking is not enabled\n"));
    }

    @Test
    void isNullForAJvmStartedWithoutTracking() {
        assertNull(NmtSummary.ofThisJvm());
    }
}
