package threadmill.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import threadmill.workload.TaskRuntimes;

class JmhMainTest {

    @Test
    void withoutARuntimeParameterEveryRegisteredRuntimeRuns() {
        assertArrayEquals(new String[] {"CreationBenchmark", "-f", "1", "-p",
            "runtime=" + String.join(",", TaskRuntimes.names())},
                JmhMain.withRuntimes(new String[] {"CreationBenchmark", "-f", "1"}));
    }

    @Test
    void aRuntimeParameterGivenIsKept() {
        String[] args = {"CreationBenchmark", "-p", "runtime=loom", "-p", "tasks=10"};
        assertArrayEquals(args, JmhMain.withRuntimes(args));
    }
}
