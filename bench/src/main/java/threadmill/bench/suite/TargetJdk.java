package threadmill.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Another installed JDK the suite runs on ({@code -Dsuite.jdk=/path/to/jdk}, {@code --jdk}):
 * checked before anything runs, by asking its own java for its properties, so that a bad path
 * or a JDK older than 21 is one clear error and not a class-version crash minutes in.
 *
 * @param home the JDK's java.home, as it reports it
 * @param feature its feature release (21, 25...)
 * @param version its java.runtime.version
 */
record TargetJdk(Path home, int feature, String version) {

    /** Virtual threads are final in JDK 21, and the build compiles for release 21. */
    static final int OLDEST = 21;

    /** The JDK at {@code path}, checked: its java runs and is release {@value #OLDEST} or newer. */
    static TargetJdk at(String path) {
        Path home = Path.of(path);
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("suite.jdk=" + path + " is no JDK: " + java + " does not exist or is"
                    + " not executable; give the JDK's home, the folder that holds bin/java");
        }
        NativeCommand run;
        try {
            run = NativeCommand.run(List.of(java.toString(), "-XshowSettings:properties", "-version"), null,
                    Duration.ofSeconds(60), 1_000);
        } catch (IOException e) {
            throw new IllegalArgumentException("suite.jdk=" + path + ": cannot run " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("suite.jdk=" + path + ": interrupted while asking its version", e);
        }
        // -XshowSettings prints to standard error, a line per property.
        String specification = property(run, "java.specification.version");
        String javaHome = property(run, "java.home");
        if (run.exitCode() != 0 || specification == null || javaHome == null) {
            throw new IllegalArgumentException("suite.jdk=" + path + ": " + java + " did not report its version"
                    + " (exit code " + run.exitCode() + ")");
        }
        int feature = Integer.parseInt(specification.startsWith("1.") ? specification.substring(2) : specification);
        if (feature < OLDEST) {
            throw new IllegalArgumentException("suite.jdk=" + path + " is JDK " + specification + "; the suite needs JDK "
                    + OLDEST + " or newer (virtual threads, and the build's class files)");
        }
        String version = property(run, "java.runtime.version");
        return new TargetJdk(Path.of(javaHome), feature, version != null ? version : specification);
    }

    private static String property(NativeCommand run, String name) {
        for (String line : run.stderrTail()) {
            String trimmed = line.trim();
            if (trimmed.startsWith(name + " = ")) {
                return trimmed.substring(name.length() + 3).trim();
            }
        }
        return null;
    }

    /** True when this JVM is running on that JDK already. */
    boolean isThisJvm() {
        try {
            return home.toRealPath().equals(Path.of(System.getProperty("java.home")).toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }
}
