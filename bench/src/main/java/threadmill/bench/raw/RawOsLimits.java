package threadmill.bench.raw;

import java.util.LinkedHashMap;
import java.util.Map;
import threadmill.workload.OsLimits;

/**
 * The {@code osLimits} object of env.json, probe.jsonl and failures.jsonl: the contract's
 * {@link OsLimits} as raw files record them, {@code -1} for a limit that is unlimited and null
 * for one that could not be read.
 */
public record RawOsLimits(Long pidMax, Long threadsMax, Long maxMapCount, Long maxUserProcesses, Long maxOpenFiles) {

    /** The value a raw file records for "unlimited". */
    public static final long UNLIMITED = -1;

    /** The limits in force for this process now. */
    public static RawOsLimits current() {
        return of(OsLimits.current());
    }

    public static RawOsLimits of(OsLimits limits) {
        return new RawOsLimits(recorded(limits.pidMax()), recorded(limits.threadsMax()),
                recorded(limits.maxMapCount()), recorded(limits.maxUserProcesses()), recorded(limits.maxOpenFiles()));
    }

    private static Long recorded(Long limit) {
        return limit != null && limit == OsLimits.UNLIMITED ? Long.valueOf(UNLIMITED) : limit;
    }

    /** The limits that were recorded, by name, in the order above. */
    public Map<String, Long> recorded() {
        Map<String, Long> recorded = new LinkedHashMap<>();
        put(recorded, "pidMax", pidMax);
        put(recorded, "threadsMax", threadsMax);
        put(recorded, "maxMapCount", maxMapCount);
        put(recorded, "maxUserProcesses", maxUserProcesses);
        put(recorded, "maxOpenFiles", maxOpenFiles);
        return recorded;
    }

    private static void put(Map<String, Long> recorded, String name, Long value) {
        if (value != null) {
            recorded.put(name, value);
        }
    }
}
