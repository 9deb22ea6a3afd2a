package threadmill.bench.probe;

/**
 * The memory the kernel charges to this process, read from {@code /proc/self/status}: what is
 * resident now (VmRSS), the peak of that (VmHWM, what {@code /usr/bin/time} reports as
 * maximum resident size) and the page tables (VmPTE, which grow with every thread's stack
 * mapping). Values are bytes; a field the kernel does not report is null.
 */
public record ProcStatus(Long rssBytes, Long hwmBytes, Long pteBytes) {

    public static ProcStatus ofThisProcess() {
        String status = ProcFile.read("/proc/self/status");
        if (status == null) {
            throw new IllegalStateException("cannot read /proc/self/status: this probe needs Linux");
        }
        return parse(status);
    }

    /** Parses the text of a {@code /proc/<pid>/status} file. */
    public static ProcStatus parse(String status) {
        return new ProcStatus(field(status, "VmRSS"), field(status, "VmHWM"), field(status, "VmPTE"));
    }

    /** A line such as {@code VmRSS:\t  2064 kB}, in bytes; null when absent. */
    static Long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                if (parts.length > 1 && !parts[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("unexpected unit in status line '" + line + "'");
                }
                return parts.length > 1 ? value * 1024 : value;
            }
        }
        return null;
    }
}
