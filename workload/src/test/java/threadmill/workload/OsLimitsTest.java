package threadmill.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class OsLimitsTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             96365                96365                processes
            Max open files            20000                1048576              files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsEveryLimitFromProc(@TempDir Path proc) throws IOException {
        write(proc, "sys/kernel/pid_max", "32768\n");
        write(proc, "sys/kernel/threads-max", "192730\n");
        write(proc, "sys/vm/max_map_count", "65530\n");
        write(proc, "self/limits", LIMITS);

        OsLimits limits = OsLimits.read(proc);

        assertEquals(new OsLimits(32768L, 192730L, 65530L, 96365L, 20000L), limits);
        assertEquals("pid_max=32768, threads-max=192730, max_map_count=65530, ulimit -u=96365, ulimit -n=20000",
                limits.describe());
    }

    @Test
    void unreadableLimitsAreNullAndUnlimitedIsNamed(@TempDir Path proc) throws IOException {
        write(proc, "self/limits", LIMITS.replace("96365                96365", "unlimited            unlimited"));

        OsLimits limits = OsLimits.read(proc);

        assertNull(limits.pidMax());
        assertEquals(OsLimits.UNLIMITED, limits.maxUserProcesses());
        assertEquals("pid_max=unknown, threads-max=unknown, max_map_count=unknown, ulimit -u=unlimited, ulimit -n=20000",
                limits.describe());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheLimitsOfThisProcess() {
        OsLimits limits = OsLimits.current();

        assertNotNull(limits.pidMax());
        assertNotNull(limits.maxOpenFiles());
        assertTrue(OsLimits.openFileDescriptors() > 0);
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
