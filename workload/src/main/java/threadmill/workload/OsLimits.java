package threadmill.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The operating-system limits that decide how many threads, stacks and sockets a process can
 * have, read from {@code /proc} (Linux). Every field is {@code null} when it cannot be read,
 * e.g. on another OS; {@link #UNLIMITED} stands for a limit of "unlimited".
 *
 * @param pidMax kernel.pid_max: every platform thread takes a pid
 * @param threadsMax kernel.threads-max: threads on the whole machine
 * @param maxMapCount vm.max_map_count: each platform thread stack takes memory mappings
 * @param maxUserProcesses soft "Max processes" (ulimit -u): threads of this user
 * @param maxOpenFiles soft "Max open files" (ulimit -n): every socket takes one
 */
public record OsLimits(Long pidMax, Long threadsMax, Long maxMapCount, Long maxUserProcesses, Long maxOpenFiles) {

    /** The value of a limit that is "unlimited". */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** The limits in force for this process now. */
    public static OsLimits current() {
        return read(Path.of("/proc"));
    }

    /** The limits found under a proc file system mounted at {@code proc}. */
    public static OsLimits read(Path proc) {
        List<String> limits = lines(proc.resolve("self/limits"));
        return new OsLimits(
                number(proc.resolve("sys/kernel/pid_max")),
                number(proc.resolve("sys/kernel/threads-max")),
                number(proc.resolve("sys/vm/max_map_count")),
                softLimit(limits, "Max processes"),
                softLimit(limits, "Max open files"));
    }

    /**
     * File descriptors this process has open now, or {@code null} when they cannot be counted.
     * Used to tell how many more sockets fit under {@link #maxOpenFiles()}.
     */
    public static Long openFileDescriptors() {
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.count();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;
        }
    }

    /** One line for error messages and logs, e.g. {@code pid_max=32768, ..., ulimit -n=20000}. */
    public String describe() {
        return "pid_max=" + text(pidMax)
                + ", threads-max=" + text(threadsMax)
                + ", max_map_count=" + text(maxMapCount)
                + ", ulimit -u=" + text(maxUserProcesses)
                + ", ulimit -n=" + text(maxOpenFiles);
    }

    private static String text(Long value) {
        if (value == null) {
            return "unknown";
        }
        return value == UNLIMITED ? "unlimited" : value.toString();
    }

    private static Long number(Path file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? null : parse(lines.get(0).trim());
    }

    /** The soft-limit column of one row of /proc/self/limits (columns are space-aligned). */
    private static Long softLimit(List<String> limits, String name) {
        for (String line : limits) {
            if (line.startsWith(name + " ")) {
                String[] columns = line.substring(name.length()).trim().split("\\s+");
                return columns.length == 0 ? null : parse(columns[0]);
            }
        }
        return null;
    }

    private static Long parse(String value) {
        if (value.toLowerCase(Locale.ROOT).equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
