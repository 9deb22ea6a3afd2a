package threadmill.bench.probe;

import java.util.Optional;
import threadmill.workload.OsLimits;

/**
 * How many more kernel threads the OS lets this machine have, from the limits in force and the
 * threads that exist now: every platform thread takes a pid (kernel.pid_max, shared by every
 * process), counts against kernel.threads-max and against its user's {@code ulimit -u}. A
 * point that needs more threads alive at once than that fails (or crawls in waves as the
 * first ones end), which the limits tell before it starts.
 */
final class KernelThreadLimit {

    /** Threads a JVM has besides the tasks' (JIT, GC, reference handling...), with room to spare. */
    static final int JVM_OWN_THREADS = 64;

    private KernelThreadLimit() {
    }

    /**
     * Why {@code threads} more threads cannot all be alive at once, if they cannot.
     *
     * @param threadsNow threads that exist on the machine now (see {@link #onMachine()}), or -1 when unknown
     */
    static Optional<String> shortfall(long threads, OsLimits limits, long threadsNow) {
        long cap = Long.MAX_VALUE;
        for (Long limit : new Long[] {limits.pidMax(), limits.threadsMax(), limits.maxUserProcesses()}) {
            if (limit != null && limit != OsLimits.UNLIMITED) {
                cap = Math.min(cap, limit);
            }
        }
        if (cap == Long.MAX_VALUE) {
            return Optional.empty();
        }
        long available = cap - Math.max(0, threadsNow) - JVM_OWN_THREADS;
        if (threads <= available) {
            return Optional.empty();
        }
        return Optional.of(threads + " tasks need as many platform threads alive at once, more than the OS allows: "
                + limits.describe() + (threadsNow >= 0 ? ", " + threadsNow + " threads on the machine already" : "")
                + " (every thread takes a pid and counts against threads-max and ulimit -u)");
    }

    /** The threads that exist on the machine now (the total of /proc/loadavg's fourth field), or -1. */
    static long onMachine() {
        String loadavg = ProcFile.read("/proc/loadavg");
        if (loadavg == null) {
            return -1;
        }
        String[] fields = loadavg.trim().split("\\s+");
        if (fields.length < 4 || !fields[3].contains("/")) {
            return -1;
        }
        try {
            return Long.parseLong(fields[3].substring(fields[3].indexOf('/') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
