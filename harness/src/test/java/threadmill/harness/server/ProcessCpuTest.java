package threadmill.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import threadmill.harness.JsonLines;

class ProcessCpuTest {

    /** A real line of /proc/<pid>/stat, its command name holding a space and parentheses: utime 1234, stime 567. */
    private static final String STAT = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 51000 0 12 0 1234 567 0 0 20 0 "
            + "31 0 123456 3000000000 40000 18446744073709551615 1 1 0 0 0 0 4 0 16800975 0 0 0 17 1 0 0 0 0 0";

    @Test
    void userPlusSystemTicksAreCountedFromAfterTheCommandName() {
        assertEquals(1234 + 567, ProcessCpu.ticks(STAT));
    }

    @Test
    void aLineWithoutTheFieldsIsRefusedWithTheLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProcessCpu.ticks("12 (x) S 1 2"));
        assertEquals("not a /proc/<pid>/stat line: 12 (x) S 1 2", error.getMessage());
    }

    @Test
    void theCpuTimeOfThisProcessIsReadAndNeverGoesBack() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/stat")) && ProcessCpu.clockTicksPerSecond() != null);
        ProcessCpu self = ProcessCpu.of(ProcessHandle.current().pid());
        assertNotNull(self);
        long before = self.nanos();
        long sum = 0;
        for (int i = 0; i < 50_000_000; i++) {
            sum += i ^ (sum >>> 3);
        }
        assertTrue(sum != 1);
        long after = self.nanos();
        assertTrue(before > 0 && after >= before, before + " then " + after);
        assertEquals(0, after % (1_000_000_000L / ProcessCpu.clockTicksPerSecond()), "whole clock ticks");
    }

    @Test
    void aProcessThatIsGoneHasNoCpuTime() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/stat")) && ProcessCpu.clockTicksPerSecond() != null);
        Process child = new ProcessBuilder("sleep", "60").start();
        ProcessCpu cpu = ProcessCpu.of(child.pid());
        assertNotNull(cpu);
        assertNotNull(cpu.nanos());
        child.destroy();
        child.waitFor();
        assertNull(cpu.nanos(), "once reaped, the process has no stat file");
    }

    @Test
    void aServerReportsItsCpuForEveryLineOnStdinAndWhenItEnds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServedCpu.reportUntilEndOfInput(new ByteArrayInputStream("\nnow\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        List<ServedCpu> lines = out.toString(StandardCharsets.UTF_8).lines()
                .map(line -> JsonLines.parse(line, ServedCpu.class)).toList();
        assertEquals(List.of(ServedCpu.NOW, ServedCpu.NOW, ServedCpu.STOPPED), lines.stream().map(ServedCpu::kind).toList());
        if (ProcessCpu.clockTicksPerSecond() != null) {
            assertTrue(lines.get(2).processCpuNanos() >= lines.get(0).processCpuNanos());
        }
        assertTrue(lines.get(2).servingNanos() >= lines.get(0).servingNanos());
    }
}
