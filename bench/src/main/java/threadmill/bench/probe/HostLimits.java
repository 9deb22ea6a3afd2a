package threadmill.bench.probe;

/**
 * The operating-system limits that decide how many platform threads a process can start:
 * the kernel's pid and thread ceilings, the mapping count (each thread stack is a mapping
 * plus a guard), and this process's soft limits on processes (threads count against it) and
 * open files. A value that cannot be read is null.
 */
public record HostLimits(Long pidMax, Long threadsMax, Long maxMapCount, Long maxUserProcesses, Long maxOpenFiles) {

    public static HostLimits ofThisHost() {
        String limits = ProcFile.read("/proc/self/limits");
        return new HostLimits(
                number(ProcFile.read("/proc/sys/kernel/pid_max")),
                number(ProcFile.read("/proc/sys/kernel/threads-max")),
                number(ProcFile.read("/proc/sys/vm/max_map_count")),
                softLimit(limits, "Max processes"),
                softLimit(limits, "Max open files"));
    }

    /** The soft limit in a {@code /proc/<pid>/limits} text; null when absent or unlimited. */
    static Long softLimit(String limits, String name) {
        if (limits == null) {
            return null;
        }
        for (String line : limits.split("\n")) {
            if (line.startsWith(name + " ")) {
                return number(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        return null;
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException unlimited) {
            return null;
        }
    }

    public JsonLine toJson() {
        return new JsonLine()
                .put("pidMax", pidMax)
                .put("threadsMax", threadsMax)
                .put("maxMapCount", maxMapCount)
                .put("maxUserProcesses", maxUserProcesses)
                .put("maxOpenFiles", maxOpenFiles);
    }
}
