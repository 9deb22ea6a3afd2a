package threadmill.bench.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small text file of /proc, /sys or /etc. Read as a stream to its end: such files
 * report a size of zero, and a read sized by that comes back short (one byte of
 * /proc/sys/kernel/pid_max was seen on JDK 25).
 */
public final class ProcFile {

    private ProcFile() {
    }

    /** The whole text, or null when the file cannot be read. */
    public static String read(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
