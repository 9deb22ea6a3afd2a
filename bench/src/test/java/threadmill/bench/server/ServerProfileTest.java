package threadmill.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** perf's output as the profile reads it, and the summary it writes; perf itself is not run here. */
class ServerProfileTest {

    private static final String STAT = """
            # started on Thu Dec  3 16:59:33 2026

            4443.96,msec,task-clock,4443960700,100.00,0.886,CPUs utilized
            7421,,context-switches,4443960700,100.00,1.670,K/sec
            <not counted>,,cpu-migrations,0,0.00,,
            579958,,raw_syscalls:sys_enter,4443960700,100.00,130.505,K/sec
            259956,,syscalls:sys_enter_read,4443960700,100.00,58.496,K/sec
            0,,syscalls:sys_enter_epoll_ctl,4443960700,100.00,0.000,/sec
            """;

    private static final String DSO_REPORT = """
            # Samples: 4K of event 'cpu-clock:ppp'
            #
            # Overhead  Shared Object
            # ........  .................
            #
                88.87%  [kernel.kallsyms]
                 9.33%  [JIT] tid 27172
                 1.40%  libc.so.6
                 0.26%  libnio.so
                 0.14%  libjvm.so
            """;

    private static final String SYMBOL_REPORT = """
            # Overhead  Shared Object      Symbol
            #
                 9.07%  [kernel.kallsyms]  [k] _raw_spin_unlock_irqrestore
                 2.64%  [JIT] tid 27172    [.] threadmill.futures.Poll threadmill.futures.net.TcpStream.pollRead(threadmill.futures.Context, java.nio.ByteBuffer)
                 1.31%  libjvm.so          [.] StackChunkFrameStream<(ChunkFrames)1>::next<SmallRegisterMap const>
                 1.10%  [kernel.kallsyms]  [k] bbr_main
            """;

    @Test
    void statCountsByEventSkippingCommentsAndUncountedEvents() {
        Map<String, Double> counts = ServerProfile.StatFile.parse(STAT);
        assertEquals(4443.96, counts.get("task-clock"));
        assertEquals(579958.0, counts.get("raw_syscalls:sys_enter"));
        assertEquals(259956.0, counts.get("syscalls:sys_enter_read"));
        assertEquals(0.0, counts.get("syscalls:sys_enter_epoll_ctl"));
        assertFalse(counts.containsKey("cpu-migrations"), "<not counted> is no count");
        assertEquals(5, counts.size(), "one entry per counted line");
    }

    @Test
    void sharesAddUpByKindOfCode() {
        Map<String, Double> shares = ServerProfile.ReportFile.shares(DSO_REPORT);
        assertEquals(88.87, shares.get("kernel"), 1e-9);
        assertEquals(9.33, shares.get("Java code"), 1e-9);
        assertEquals(0.14, shares.get("JVM (libjvm)"), 1e-9);
        assertEquals(1.66, shares.get("other native"), 1e-9, "libc and libnio together");
    }

    @Test
    void topSymbolsKeepTheWholeNameAndTheirKind() {
        List<String> top = ServerProfile.ReportFile.top(SYMBOL_REPORT, 3);
        assertEquals(List.of("9.07 % _raw_spin_unlock_irqrestore (kernel)",
                "2.64 % threadmill.futures.Poll threadmill.futures.net.TcpStream.pollRead(threadmill.futures.Context,"
                        + " java.nio.ByteBuffer) (Java code)",
                "1.31 % StackChunkFrameStream<(ChunkFrames)1>::next<SmallRegisterMap const> (JVM (libjvm))"), top);
    }

    @Test
    void summaryDividesCountsByTheCountedWindowsRequestsAndCpuByTheSampledShares() {
        ServerProfile.Profile loom = new ServerProfile.Profile("loom", 1000,
                new ServerProfile.LoadLine(50_000, 20), new ServerProfile.LoadLine(40_000, 25), 4,
                Map.of("raw_syscalls:sys_enter", 1_000_000.0, "syscalls:sys_enter_epoll_ctl", 250_000.0,
                        "context-switches", 2_000.0),
                Map.of("kernel", 80.0, "Java code", 12.0, "JVM (libjvm)", 6.0, "other native", 2.0),
                List.of("10.24 % _raw_spin_unlock_irqrestore (kernel)"), null);
        ServerProfile.Profile broken = new ServerProfile.Profile("futures", 1000,
                new ServerProfile.LoadLine(Double.NaN, Double.NaN), new ServerProfile.LoadLine(Double.NaN, Double.NaN),
                0, Map.of(), Map.of(), List.of(), "perf exited with 255");
        String text = ServerProfile.markdown(List.of(loom, broken));
        assertTrue(text.contains("| measure | loom | futures |"), text);
        assertTrue(text.contains("| req/s | 40000 | failed |"), "the sampled window's rate: " + text);
        assertTrue(text.contains("| syscalls per request | 5.00 | failed |"), "1e6 / (50k/s × 4 s): " + text);
        assertTrue(text.contains("|   epoll_ctl | 1.250 | failed |"), text);
        assertTrue(text.contains("| samples in JVM (libjvm) | 6.0 % | failed |"), text);
        assertTrue(text.contains("|   µs per request | 1.50 | failed |"), "6 % of 25 µs: " + text);
        assertTrue(text.contains("**futures**: failed: perf exited with 255"), text);
        assertTrue(text.contains("**loom**, hottest symbols:\n\n- 10.24 % _raw_spin_unlock_irqrestore (kernel)"), text);
        assertFalse(text.contains("|   read |"), "a call no server made has no row: " + text);
    }

    @Test
    void kindOfCodeByItsSharedObject() {
        assertEquals("kernel", ServerProfile.ReportFile.kind("[kernel.kallsyms]"));
        assertEquals("Java code", ServerProfile.ReportFile.kind("[JIT] tid 4242"));
        assertEquals("JVM (libjvm)", ServerProfile.ReportFile.kind("libjvm.so"));
        assertEquals("other native", ServerProfile.ReportFile.kind("tokio-reference"));
    }
}
