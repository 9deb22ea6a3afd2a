package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Map;
import threadmill.harness.JsonLines;
import threadmill.workload.TaskRuntimes;

class SuiteTest {

    @Test
    void unknownSuite() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Suite.parse(new String[] {"--suite", "huge"}));
        assertEquals("unknown suite 'huge'; known suites: smoke, quick, full", error.getMessage());
    }

    @Test
    void unknownRuntime() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Suite.parse(new String[] {"--suite", "quick", "--runtimes", "loom,goroutines"}));
        assertTrue(error.getMessage().startsWith("unknown runtime 'goroutines'"), error.getMessage());
    }

    @Test
    void allRuntimesAreTheRegistrysInItsOrder() {
        assertEquals(TaskRuntimes.names(), Suite.parse(new String[] {"--suite", "smoke"}).runtimes());
        assertEquals(TaskRuntimes.names(), Suite.parse(new String[] {"--suite", "smoke", "--runtimes", "all"}).runtimes());
        assertEquals(List.of("futures", "loom"),
                Suite.parse(new String[] {"--suite", "smoke", "--runtimes", "futures,loom"}).runtimes());
    }

    /** What the providers declare decides who is left out, with the reason: no runtime is named in the suite. */
    @Test
    void theMillionTaskGroupsLeaveOutWhatTheProvidersDeclareCannotRunThem() {
        for (JmhGroup group : SuiteSize.FULL.jmhGroups()) {
            for (String runtime : TaskRuntimes.names()) {
                var provider = TaskRuntimes.provider(runtime);
                boolean cannot = group.name().endsWith("-million") && (provider.eachTaskIsKernelThread()
                        || (!group.name().equals("spawn-million") && provider.maxConcurrentTasks().isPresent()));
                assertEquals(cannot, group.leftOut().containsKey(runtime), group.name() + " " + runtime);
            }
        }
        assertTrue(SuiteSize.FULL.jmhGroups().stream().filter(group -> group.name().equals("timer-latency-million"))
                .allMatch(group -> group.leftOut().get("pool").startsWith("it sleeps only ")));
    }

    @Test
    void includeRegexMatchesOneClassOnly() {
        String regex = SuiteSize.QUICK.jmhGroups().get(0).includeRegex();
        assertTrue("threadmill.bench.jmh.CreationBenchmark.spawnAndJoin".matches(".*" + regex + ".*"));
        assertTrue(!"threadmill.bench.jmh.CreationBenchmarkX.spawnAndJoin".matches(".*" + regex + ".*"));
    }

    /** Budgets with each fork's start-up at about 6 s, most of it pre-touching the heap. */
    @Test
    void quickJmhFitsItsBudget() {
        for (SuiteSize size : List.of(SuiteSize.QUICK, SuiteSize.FULL)) {
            List<String> all = TaskRuntimes.names();
            int runs = size.jmhGroups().stream()
                    .mapToInt(group -> group.runsPerRuntime() * group.runtimesOf(all).size()).sum();
            Duration jmh = size.perBenchmark().multipliedBy(runs);
            assertTrue(jmh.compareTo(size == SuiteSize.QUICK ? Duration.ofMinutes(8) : Duration.ofMinutes(40)) < 0,
                    size + " JMH takes " + jmh);
        }
    }

    @Test
    void onlyTheFullSuiteHasTheMillionTaskPointsAndTheyLeaveOutThePlatformThreads() {
        assertTrue(SuiteSize.QUICK.jmhGroups().stream().noneMatch(group -> group.name().endsWith("-million")));
        List<JmhGroup> million = SuiteSize.FULL.jmhGroups().stream()
                .filter(group -> group.name().endsWith("-million")).toList();
        assertEquals(List.of("spawn-million", "timer-latency-million", "timer-latency-armed-million"),
                million.stream().map(JmhGroup::name).toList());
        for (JmhGroup group : million) {
            assertTrue(List.of("1000000").equals(group.params().get("tasks"))
                    || List.of("1000000").equals(group.params().get("armed")), group.toString());
            assertTrue(!group.runtimesOf(TaskRuntimes.names()).contains("threads"));
            assertTrue(group.leftOut().get("threads").contains("pid_max"), group.leftOut().toString());
        }
    }

    @Test
    void environmentDescribesThisMachine() {
        String env = JsonLines.write(Environment.describe("smoke", "cmd", java.time.Instant.EPOCH, Map.of(),
                java.nio.file.Path.of("."), new threadmill.bench.raw.RunEnvironment.Pinning("0", "1", "0-1")));
        assertTrue(env.contains("\"suite\":\"smoke\",\"command\":\"cmd\",\"started\":\"1970-01-01T00:00:00Z\""), env);
        assertTrue(env.contains("\"cores\":" + Runtime.getRuntime().availableProcessors()), env);
        assertTrue(env.contains("\"pidMax\":"), env);
        assertTrue(env.endsWith(",\"cpuLayout\":{\"serverCpus\":\"0\",\"clientCpus\":\"1\",\"onlineCpus\":\"0-1\"}}"), env);
    }
}
