package threadmill.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuLayoutTest {

    private static final CpuSet TWO = CpuSet.parse("0-1");
    private static final CpuSet EIGHT = CpuSet.parse("0-7");

    @Test
    void twoCpusGiveTheServerOneAndTheLoadGeneratorTheOther() {
        CpuLayout layout = CpuLayout.choose(CpuLayout.AUTO, CpuLayout.AUTO, TWO, true);

        assertTrue(layout.pinned());
        assertEquals("0", layout.serverCpus().toString());
        assertEquals("1", layout.clientCpus().toString());
        assertEquals(List.of("taskset", "-c", "0"), layout.serverLauncher());
        assertEquals(List.of("taskset", "-c", "1"), layout.clientLauncher());
        assertEquals(1, layout.serverCpuCount());
    }

    @Test
    void onLargerMachinesTheListsAreTakenAsGivenOrSplitInHalves() {
        CpuLayout halves = CpuLayout.choose(CpuLayout.AUTO, CpuLayout.AUTO, EIGHT, true);
        assertEquals("0-3", halves.serverCpus().toString());
        assertEquals("4-7", halves.clientCpus().toString());

        CpuLayout given = CpuLayout.choose("0-3", "4-7", EIGHT, true);
        assertEquals(4, given.serverCpuCount());
        assertEquals(List.of("taskset", "-c", "4-7"), given.clientLauncher());

        CpuLayout serverGiven = CpuLayout.choose("2", CpuLayout.AUTO, EIGHT, true);
        assertEquals("0-1,3-7", serverGiven.clientCpus().toString());
        CpuLayout clientGiven = CpuLayout.choose(CpuLayout.AUTO, "7", EIGHT, true);
        assertEquals("0-6", clientGiven.serverCpus().toString());
    }

    @Test
    void withoutTasksetOrASecondCpuBothSidesRunUnpinnedAndSayWhy() {
        CpuLayout noTaskset = CpuLayout.choose("0", "1", TWO, false);
        assertFalse(noTaskset.pinned());
        assertNull(noTaskset.serverCpus());
        assertNull(noTaskset.clientCpus());
        assertEquals(List.of(), noTaskset.serverLauncher());
        assertEquals(List.of(), noTaskset.clientLauncher());
        assertEquals("unpinned: taskset is not on the PATH (package util-linux)", noTaskset.describe());
        assertEquals(2, noTaskset.serverCpuCount());

        CpuLayout oneCpu = CpuLayout.choose(CpuLayout.AUTO, CpuLayout.AUTO, CpuSet.parse("0"), true);
        assertFalse(oneCpu.pinned());
        assertEquals("only CPU 0 is online: server and client cannot have CPUs of their own", oneCpu.unpinnedReason());

        assertFalse(CpuLayout.choose(CpuLayout.AUTO, CpuLayout.AUTO, null, true).pinned());
    }

    @Test
    void listsThatCannotBeUsedAreNamedWithTheOnlineCpus() {
        assertEquals("server CPU list '2' names CPUs that are not online; online CPUs: 0-1",
                assertThrows(IllegalArgumentException.class, () -> CpuLayout.choose("2", CpuLayout.AUTO, TWO, true))
                        .getMessage());
        assertEquals("server CPUs 0-1 and client CPUs 1 overlap; give each side CPUs of its own (online: 0-1)",
                assertThrows(IllegalArgumentException.class, () -> CpuLayout.choose("0-1", "1", TWO, true)).getMessage());
        assertEquals("server CPUs 0-1 take every online CPU (0-1); leave some for the client",
                assertThrows(IllegalArgumentException.class, () -> CpuLayout.choose("0-1", CpuLayout.AUTO, TWO, true))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuLayout.choose("x", CpuLayout.AUTO, TWO, false))
                .getMessage().startsWith("CPU list 'x' cannot be read"), "a bad list is an error even where nothing is pinned");
    }

    @Test
    void theOnlineListIsReadAsLinuxWritesIt(@TempDir Path dir) throws IOException {
        Path online = dir.resolve("online");
        Files.writeString(online, "0-3,8\n");
        assertEquals("0-3,8", CpuLayout.readOnline(online).toString());
        assertNull(CpuLayout.readOnline(dir.resolve("missing")));
    }
}
