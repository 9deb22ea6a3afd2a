package threadmill.bench.report;

import java.util.List;
import java.util.Map;
import threadmill.bench.raw.PitfallLine;

/** One line of raw/pitfalls.jsonl ({@link PitfallLine}) as the report uses it. */
record Pitfall(String pitfall, String runtime, String variant, Map<String, String> params, Double wallMillis,
               Double expectedMillis, Double throughputPerSecond, Double pinnedEvents, Map<String, String> latency,
               List<String> jvmFlags, String note) {

    static Pitfall from(PitfallLine line) {
        return new Pitfall(line.pitfall(), line.runtime(), line.variant(), Scalars.of(line.params()),
                line.wallMillis(), line.expectedMillis(), line.throughputPerSecond(),
                line.pinnedEvents() == null ? null : line.pinnedEvents().doubleValue(), Scalars.of(line.latency()),
                line.jvmFlags(), line.note());
    }
}
