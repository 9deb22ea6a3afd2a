package threadmill.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSetTest {

    @Test
    void readsRangesAndNumbersAndWritesThemBackMerged() {
        assertEquals(List.of(0, 1, 2, 3, 6), CpuSet.parse("0-3,6").cpus());
        assertEquals("0-3,6", CpuSet.parse("6, 2-3,0,1").toString());
        assertEquals("5", CpuSet.parse(" 5 ").toString());
        assertEquals(2, CpuSet.parse("0,0-1").count());
    }

    @Test
    void aListThatCannotBeReadIsNamedWithWhatIsWrong() {
        assertEquals("CPU list 'a' cannot be read: 'a' is not a CPU number; write CPU numbers and ranges like 0, 0-3 or 0,2-3",
                assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("a")).getMessage());
        assertEquals("CPU list '3-1' cannot be read: the range '3-1' runs backwards; write CPU numbers and ranges like"
                + " 0, 0-3 or 0,2-3", assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("3-1")).getMessage());
        assertEquals("CPU list '0-99999' cannot be read: CPU numbers run from 0 to 4095, and 99999 is not one; write CPU"
                + " numbers and ranges like 0, 0-3 or 0,2-3",
                assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-99999")).getMessage());
        assertEquals("CPU list '' cannot be read: it is empty; write CPU numbers and ranges like 0, 0-3 or 0,2-3",
                assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("")).getMessage());
    }
}
