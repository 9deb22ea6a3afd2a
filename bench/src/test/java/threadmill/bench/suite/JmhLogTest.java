package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JmhLogTest {

    /** Abridged from a real JMH 1.37 log: a trial that fails in warm-up, one that runs, one that fails measuring. */
    private static final String LOG = """
            # Benchmark mode: Average time, time/op
            # Benchmark: threadmill.bench.jmh.CreationBenchmark.spawnAndJoin
            # Parameters: (runtime = threads, tasks = 100000)

            # Run progress: 0.00% complete, ETA 00:00:10
            # Fork: 1 of 1
            # Warmup Iteration   1: <failure>

            threadmill.workload.ResourceLimitException: cannot start platform thread 32001 of 100000: pid_max 32768
            \tat threadmill.threads.ThreadPerTaskRuntime.start(ThreadPerTaskRuntime.java:40)
            Caused by: java.lang.OutOfMemoryError: unable to create native thread

            # Benchmark: threadmill.bench.jmh.CreationBenchmark.spawnAndJoin
            # Parameters: (runtime = loom, tasks = 100000)

            # Fork: 1 of 1
            Iteration   1: 31234567.000 ns/op

            # Benchmark: threadmill.bench.jmh.ConnectStormBenchmark.serve
            # Parameters: (connections = 300, payload = 128, requests = 10, runtime = pool)

            # Fork: 1 of 1
            WARNING: A terminally deprecated method in sun.misc.Unsafe has been called
            Iteration   1: <failure>

            java.lang.IllegalArgumentException: connections=300 exceeds the pool server's 200 threads
            \tat threadmill.bench.jmh.ServedRuntime.checkSizes(ServedRuntime.java:31)
            """;

    @Test
    void eachFailedTrialHasItsFirstExceptionLine() {
        Map<JmhTrial, String> failures = JmhLog.failures(LOG.lines().toList());
        assertEquals(Map.of(
                trial("threadmill.bench.jmh.CreationBenchmark.spawnAndJoin", "runtime", "threads", "tasks", "100000"),
                "threadmill.workload.ResourceLimitException: cannot start platform thread 32001 of 100000: pid_max 32768",
                trial("threadmill.bench.jmh.ConnectStormBenchmark.serve",
                        "connections", "300", "payload", "128", "requests", "10", "runtime", "pool"),
                "java.lang.IllegalArgumentException: connections=300 exceeds the pool server's 200 threads"),
                failures);
    }

    private static JmhTrial trial(String benchmark, String... namesAndValues) {
        Map<String, String> params = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new JmhTrial(benchmark, new TreeMap<>(params));
    }
}
