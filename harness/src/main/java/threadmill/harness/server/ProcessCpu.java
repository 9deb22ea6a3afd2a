package threadmill.harness.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time a process has used, user plus system, over all its threads, the dead ones
 * included: fields 14 and 15 ({@code utime}, {@code stime}) of {@code /proc/<pid>/stat}, in
 * clock ticks converted with the system's real tick rate ({@code getconf CLK_TCK}).
 *
 * <p>Why this file and not {@code /proc/<pid>/schedstat}, which counts nanoseconds: schedstat
 * is per thread, and a process's total would have to be summed over {@code task/*} at each
 * reading, missing every thread that ended in between (a thread-per-connection server's, a
 * pool's retired workers). The kernel derives stat's user and system split from the same
 * nanosecond runtime and keeps the exited threads' share, so the only loss is rounding to a
 * tick: at the usual 100 Hz, 10 ms per reading, which a window of a few seconds at full load
 * (hundreds of ticks) makes a fraction of a percent.
 */
public final class ProcessCpu {

    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;
    /** Fields before the ones that follow the command name: pid and (comm). */
    private static final int FIELDS_BEFORE_STATE = 2;

    private final Path stat;
    private final long ticksPerSecond;

    private ProcessCpu(Path stat, long ticksPerSecond) {
        this.stat = stat;
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * The CPU time of process {@code pid}, or null when this system has no {@code /proc} or
     * no {@code getconf CLK_TCK} to read it with.
     */
    public static ProcessCpu of(long pid) {
        Long ticks = ClockTicks.PER_SECOND;
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return ticks == null || !Files.isReadable(stat) ? null : new ProcessCpu(stat, ticks);
    }

    /** User plus system CPU so far, in ns; null once the process is gone. */
    public Long nanos() {
        try {
            return ticks(Files.readString(stat, StandardCharsets.US_ASCII)) * TimeUnit.SECONDS.toNanos(1) / ticksPerSecond;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code utime + stime} of one {@code /proc/<pid>/stat} line, in clock ticks. The command
     * name, field 2, is in parentheses and may itself hold spaces and parentheses, so the
     * fields are counted from its last closing parenthesis.
     *
     * @throws IllegalArgumentException quoting the line when it has no such fields
     */
    static long ticks(String statLine) {
        int end = statLine.lastIndexOf(')');
        String[] rest = end < 0 ? new String[0] : statLine.substring(end + 1).trim().split("\\s+");
        int utime = UTIME_FIELD - FIELDS_BEFORE_STATE - 1;
        int stime = STIME_FIELD - FIELDS_BEFORE_STATE - 1;
        if (rest.length <= stime) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine.strip());
        }
        try {
            return Long.parseLong(rest[utime]) + Long.parseLong(rest[stime]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine.strip(), e);
        }
    }

    /** The clock tick rate, asked once: {@code getconf CLK_TCK}, null where that cannot be run. */
    public static Long clockTicksPerSecond() {
        return ClockTicks.PER_SECOND;
    }

    private static final class ClockTicks {
        static final Long PER_SECOND = read();

        private static Long read() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out;
                try (InputStream in = getconf.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                }
                if (!getconf.waitFor(10, TimeUnit.SECONDS) || getconf.exitValue() != 0) {
                    return null;
                }
                long ticks = Long.parseLong(out);
                return ticks > 0 ? ticks : null;
            } catch (IOException | NumberFormatException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
