package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dsuite.jdk is checked before anything runs: a bad path or an old JDK is one clear error. */
class TargetJdkTest {

    @Test
    void thisJvmsJdkIsAccepted() {
        TargetJdk jdk = TargetJdk.at(System.getProperty("java.home"));
        assertEquals(Runtime.version().feature(), jdk.feature());
        assertTrue(jdk.isThisJvm());
    }

    @Test
    void aPathWithoutJavaIsRefused(@TempDir Path dir) {
        String message = assertThrows(IllegalArgumentException.class, () -> TargetJdk.at(dir.toString())).getMessage();
        assertTrue(message.startsWith("suite.jdk=" + dir + " is no JDK: "), message);
    }

    /** Maven's own JDK on these machines is 17, which the suite cannot run on. */
    @Test
    void aJdkOlderThan21IsRefused() {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeTrue(Files.isExecutable(jdk17.resolve("bin/java")), "no JDK 17 installed here");
        String message = assertThrows(IllegalArgumentException.class, () -> TargetJdk.at(jdk17.toString())).getMessage();
        assertEquals("suite.jdk=" + jdk17 + " is JDK 17; the suite needs JDK 21 or newer (virtual threads, and the"
                + " build's class files)", message);
    }

    @Test
    void theSuiteChecksItBeforeAnythingRuns(@TempDir Path dir) {
        String message = assertThrows(IllegalArgumentException.class, () -> Suite.parse(new String[] {
                "--suite", "quick", "--jdk", dir.resolve("none").toString()})).getMessage();
        assertTrue(message.contains("is no JDK"), message);
    }
}
