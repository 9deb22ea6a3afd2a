package threadmill.bench.pitfalls;

import java.lang.management.ManagementFactory;
import threadmill.bench.raw.LatencySummary;
import threadmill.bench.raw.PitfallLine;

/**
 * What one pitfall measured: the fields of a pitfalls.jsonl line that the measurement fills;
 * the rest (which pitfall, flags, JDK) come from the spec and the JVM.
 *
 * @param latency wake lateness in microseconds, or null
 */
public record PitfallResult(double wallMillis, Double expectedMillis, Double throughputPerSecond, Long pinnedEvents,
                            LatencySummary latency, String note) {

    public PitfallLine toLine(PitfallSpec spec) {
        return new PitfallLine(spec.pitfall(), spec.runtime(), spec.variant(), spec.paramsWithoutVariant(),
                wallMillis, expectedMillis, throughputPerSecond, pinnedEvents, latency,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.version().toString(), note);
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
