package threadmill.bench.suite;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a suite size sets, each by name: how JMH runs every benchmark (forks, iterations and
 * their length) and the sizes the JMH groups sweep (each a list of {@code @Param} values).
 * Made with {@link #builder()}, which refuses a setting left out.
 */
record SuiteSettings(int forks, int warmupIterations, int measurementIterations, Duration iterationTime,
                     List<String> creationTasks, List<String> sleepTasks, List<String> sleepMs,
                     List<String> connections, List<String> latencyConnections, List<String> payload) {

    static Builder builder() {
        return new Builder();
    }

    /** Every setting once, by name. */
    static final class Builder {
        private Integer forks;
        private Integer warmupIterations;
        private Integer measurementIterations;
        private Duration iterationTime;
        private List<String> creationTasks;
        private List<String> sleepTasks;
        private List<String> sleepMs;
        private List<String> connections;
        private List<String> latencyConnections;
        private List<String> payload;

        /** JMH forks per benchmark run. */
        Builder forks(int value) {
            forks = value;
            return this;
        }

        Builder warmupIterations(int value) {
            warmupIterations = value;
            return this;
        }

        Builder measurementIterations(int value) {
            measurementIterations = value;
            return this;
        }

        /** The length of every warm-up and measurement iteration. */
        Builder iterationTime(Duration value) {
            iterationTime = value;
            return this;
        }

        /** Empty tasks of the creation and spawn groups. */
        Builder creationTasks(String... values) {
            creationTasks = List.of(values);
            return this;
        }

        /** Sleeping tasks of the sleep and timer-latency groups. */
        Builder sleepTasks(String... values) {
            sleepTasks = List.of(values);
            return this;
        }

        /** How long each of those sleeps. */
        Builder sleepMs(String... values) {
            sleepMs = List.of(values);
            return this;
        }

        /** Connections of the request fan-out and the echo server groups. */
        Builder connections(String... values) {
            connections = List.of(values);
            return this;
        }

        /** Connections of the request-latency group. */
        Builder latencyConnections(String... values) {
            latencyConnections = List.of(values);
            return this;
        }

        /** Bytes per request of every socket group. */
        Builder payload(String... values) {
            payload = List.of(values);
            return this;
        }

        SuiteSettings build() {
            return new SuiteSettings(set("forks", forks), set("warmupIterations", warmupIterations),
                    set("measurementIterations", measurementIterations), set("iterationTime", iterationTime),
                    set("creationTasks", creationTasks), set("sleepTasks", sleepTasks), set("sleepMs", sleepMs),
                    set("connections", connections), set("latencyConnections", latencyConnections),
                    set("payload", payload));
        }

        private static <T> T set(String name, T value) {
            return Objects.requireNonNull(value, () -> "a suite size must set " + name);
        }
    }
}
