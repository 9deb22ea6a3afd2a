package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each configuration of the matrix names its collector and headers in the flags each JDK takes. */
class JvmConfigTest {

    @Test
    void eachConfigurationsFlagsOnJdk25() {
        assertEquals(List.of("-XX:+UseG1GC"), JvmConfig.DEFAULT.flags(25));
        assertEquals(List.of(), JvmConfig.DEFAULT.flagsOverDefaults(25), "the published experiment's own flags");
        assertEquals(List.of("-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders"), JvmConfig.COH.flags(25));
        assertEquals(List.of("-XX:+UseZGC", "-XX:-UseCompactObjectHeaders"), JvmConfig.ZGC.flags(25));
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:-UseCompactObjectHeaders"), JvmConfig.PARALLEL.flags(25));
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders"), JvmConfig.COH_SERIAL.flags(25));
    }

    @Test
    void olderJdksTakeTheirOwnFlagsOrCannotRunIt() {
        assertEquals(List.of("-XX:+UseZGC", "-XX:+ZGenerational"), JvmConfig.ZGC.flags(21), "generational on 21");
        assertEquals(List.of("-XX:+UseG1GC", "-XX:+UnlockExperimentalVMOptions", "-XX:+UseCompactObjectHeaders"),
                JvmConfig.COH.flags(24));
        assertTrue(JvmConfig.COH.unsupportedOn(21).orElseThrow().contains("JDK 21 does not have"));
        assertTrue(JvmConfig.ZGC.unsupportedOn(21).isEmpty());
        assertTrue(JvmConfig.COH_ZGC.unsupportedOn(25).isEmpty());
    }

    @Test
    void theMatrixAndItsLabels() {
        assertEquals(8, JvmConfig.matrix(true).size());
        assertEquals(List.of(JvmConfig.DEFAULT, JvmConfig.COH), JvmConfig.matrix(false));
        assertEquals(List.of("default", "coh", "zgc", "parallel", "serial", "coh-zgc", "coh-parallel", "coh-serial"),
                JvmConfig.matrix(true).stream().map(JvmConfig::label).toList());
        assertEquals(JvmConfig.COH_PARALLEL, JvmConfig.named("coh-parallel"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JvmConfig.named("shenandoah")).getMessage()
                .startsWith("unknown config 'shenandoah'; known: default, coh,"));
    }

    /** A memory point keeps its fixed flags and changes only the collector and the headers. */
    @Test
    void aMemoryPointsFlagsChangeOnlyTheCollectorAndHeaders() {
        assertEquals(List.of("-Xmx4096m", "-Xss1m", "-XX:+UseParallelGC", "-XX:-UseCompactObjectHeaders",
                        "-XX:NativeMemoryTracking=summary", "-XX:-AlwaysPreTouch"),
                ProbeSpec.memoryFlags(4096, JvmConfig.PARALLEL, 25));
        assertEquals(List.of("-Xmx4096m", "-Xss1m", "-XX:+UseG1GC", "-XX:NativeMemoryTracking=summary",
                "-XX:-AlwaysPreTouch"), ProbeSpec.memoryFlags(4096, JvmConfig.DEFAULT, 25), "as before the matrix");
    }
}
