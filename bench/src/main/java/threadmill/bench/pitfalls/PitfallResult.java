package threadmill.bench.pitfalls;

import java.lang.management.ManagementFactory;
import threadmill.bench.probe.JsonLine;

/**
 * What one pitfall measured: the fields of a pitfalls.jsonl line that the measurement fills;
 * the rest (which pitfall, flags, JDK) come from the spec and the JVM.
 *
 * @param latency p50/p99/max in microseconds, or null
 */
public record PitfallResult(double wallMillis, Double expectedMillis, Double throughputPerSecond, Long pinnedEvents,
                            JsonLine latency, String note) {

    public JsonLine toLine(PitfallSpec spec) {
        return new JsonLine()
                .put("pitfall", spec.pitfall())
                .put("runtime", spec.runtime())
                .put("variant", spec.variant())
                .put("params", spec.paramsJson())
                .put("wallMillis", wallMillis)
                .put("expectedMillis", expectedMillis)
                .put("throughputPerSecond", throughputPerSecond)
                .put("pinnedEvents", pinnedEvents)
                .put("latency", latency)
                .put("jvmFlags", ManagementFactory.getRuntimeMXBean().getInputArguments())
                .put("jdk", Runtime.version().toString())
                .put("note", note);
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
