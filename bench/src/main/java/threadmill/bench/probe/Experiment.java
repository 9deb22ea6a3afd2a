package threadmill.bench.probe;

import java.util.Arrays;
import java.util.List;

/** What a probe point measures; the name is the {@code experiment} field of its line. */
public enum Experiment {

    /**
     * Memory per live task: N tasks that sleep far longer than the measurement, measured once
     * all have parked (after two full GCs), then cancelled. Fixed, recorded JVM flags with
     * Native Memory Tracking.
     */
    MEMORY("memory", 600_000),

    /**
     * The published experiment (pkolaczk, hez2010): N tasks each sleeping 10 s, spawned and
     * joined, in a JVM with default flags; peak RSS, wall and CPU time.
     */
    SLEEP10S("sleep10s", 10_000);

    private final String label;
    private final long sleepMillis;

    Experiment(String label, long sleepMillis) {
        this.label = label;
        this.sleepMillis = sleepMillis;
    }

    public String label() {
        return label;
    }

    public long sleepMillis() {
        return sleepMillis;
    }

    public static Experiment named(String label) {
        return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + label + "'; known: "
                        + String.join(", ", List.of(MEMORY.label, SLEEP10S.label))));
    }
}
