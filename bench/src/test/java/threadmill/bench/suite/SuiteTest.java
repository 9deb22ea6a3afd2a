package threadmill.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadmill.bench.raw.RawDir;
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
        String regex = SuiteSize.FULL.jmhGroups().get(0).includeRegex();
        assertTrue("threadmill.bench.jmh.CreationBenchmark.spawnAndJoin".matches(".*" + regex + ".*"));
        assertTrue(!"threadmill.bench.jmh.CreationBenchmarkX.spawnAndJoin".matches(".*" + regex + ".*"));
    }

    /**
     * The time model's plan of each suite, every runtime of the registry, the server
     * comparison's slice and the build included, fits the suite's budget (issue 16: quick in
     * ten minutes, full in an hour, on two cores from a clean clone).
     */
    @Test
    void eachSuitesPlanFitsItsBudget(@TempDir Path dir) {
        // As the suite profile runs it: Maven says when its build started, and builds tokio alongside.
        System.setProperty(Suite.BUILD_STARTED_PROPERTY, "not a time: the plan estimates the build");
        try {
            assertPlansFit(dir);
        } finally {
            System.clearProperty(Suite.BUILD_STARTED_PROPERTY);
        }
    }

    private static void assertPlansFit(Path dir) {
        for (SuiteSize size : List.of(SuiteSize.QUICK, SuiteSize.FULL)) {
            Suite suite = Suite.parse(new String[] {"--suite", size.label(), "--out", dir.resolve(size.label()).toString()});
            SuitePlan plan = suite.plan(suite.stages(new RawDir(dir.resolve(size.label()))));
            assertTrue(!plan.buildMeasured());
            System.out.println(size.label() + " suite plan:\n" + String.join("\n", plan.lines()));
            assertTrue(plan.withinBudget(), size + " plans " + plan.total() + " against " + size.budget() + ":\n"
                    + String.join("\n", plan.lines()));
            assertTrue(plan.stages().stream().anyMatch(stage -> stage.name().equals("server")
                    && stage.estimate().compareTo(size.serverSlice()) <= 0), "the server comparison fits its slice");
        }
    }

    /** A plan over its budget says so: the check above can fail. */
    @Test
    void aPlanOverItsBudgetIsNotWithinIt() {
        SuitePlan over = new SuitePlan(SuiteSize.QUICK, List.of(planned("server", Duration.ofMinutes(10))), SuitePlan.BUILD_ESTIMATE, false);
        assertTrue(!over.withinBudget());
        assertTrue(over.lines().get(over.lines().size() - 1).endsWith("(OVER BUDGET)"), over.lines().toString());
        SuitePlan within = new SuitePlan(SuiteSize.QUICK, List.of(planned("server", Duration.ofMinutes(4))), SuitePlan.BUILD_ESTIMATE, false);
        assertTrue(within.withinBudget());
    }

    /** A stage planned at {@code time} that runs nothing. */
    private static SuiteStage planned(String name, Duration time) {
        return SuiteStage.of(name, List.of(name), time, 0, progress -> { });
    }

    /** The quick suite measures the headline figures: spawn, request fan-out and timer lateness, no pitfalls. */
    @Test
    void theQuickSuiteRunsTheHeadlineGroupsOnly(@TempDir Path dir) {
        assertEquals(List.of("spawn", "requests", "timer-latency"),
                SuiteSize.QUICK.jmhGroups().stream().map(JmhGroup::name).toList());
        Suite quick = Suite.parse(new String[] {"--suite", "quick", "--out", dir.toString()});
        assertTrue(quick.stages(new RawDir(dir)).stream().noneMatch(stage -> stage.name().equals("pitfalls")));
        Suite full = Suite.parse(new String[] {"--suite", "full", "--out", dir.toString()});
        assertTrue(full.stages(new RawDir(dir)).stream().anyMatch(stage -> stage.name().equals("pitfalls")));
    }

    /** Every group of every size runs every runtime of the registry that it does not leave out with a reason. */
    @Test
    void everyRuntimeTakesPartInEveryGroupItIsNotLeftOutOf() {
        for (SuiteSize size : SuiteSize.values()) {
            for (JmhGroup group : size.jmhGroups()) {
                List<String> run = group.invocations(TaskRuntimes.names()).stream()
                        .flatMap(invocation -> invocation.runtimes().stream()).distinct().toList();
                for (String runtime : TaskRuntimes.names()) {
                    assertEquals(!group.leftOut().containsKey(runtime), run.contains(runtime),
                            size + " " + group.name() + " " + runtime);
                }
            }
        }
    }

    /** The worker counts run where a provider has a knob for them, and a runtime without one runs only its default. */
    @Test
    void theFullSuiteRunsWorkerCountsWhereTheProviderHasAKnob() {
        for (String name : List.of("sleep", "timer-latency")) {
            JmhGroup group = SuiteSize.FULL.jmhGroups().stream().filter(g -> g.name().equals(name)).findFirst()
                    .orElseThrow();
            List<JmhInvocation> workers = group.invocations(TaskRuntimes.names()).stream()
                    .filter(invocation -> invocation.params().containsKey("workers")).toList();
            for (String runtime : TaskRuntimes.names()) {
                boolean knob = !TaskRuntimes.provider(runtime).jvmFlagsForWorkers(1).isEmpty();
                List<String> counts = workers.stream().filter(invocation -> invocation.runtimes().equals(List.of(runtime)))
                        .map(invocation -> invocation.params().get("workers").get(0)).toList();
                assertEquals(knob ? List.of("1", "2", "4") : List.of(), counts, name + " " + runtime);
                workers.stream().filter(invocation -> invocation.runtimes().equals(List.of(runtime)))
                        .forEach(invocation -> assertEquals(TaskRuntimes.provider(runtime).jvmFlagsForWorkers(
                                Integer.parseInt(invocation.params().get("workers").get(0))), invocation.forkFlags()));
            }
        }
    }

    /**
     * The socket groups run each runtime's forks with the flags that size its threads to the
     * machine's CPUs, a runtime with such flags in an invocation of its own; the other groups
     * append none outside their worker counts.
     */
    @Test
    void theSocketGroupsSizeEachRuntimeToTheMachinesCpus() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (JmhGroup group : SuiteSize.FULL.jmhGroups()) {
            boolean sockets = List.of("requests", "connect-storm", "request-latency").contains(group.name());
            for (JmhInvocation invocation : group.invocations(TaskRuntimes.names())) {
                if (invocation.params().containsKey("workers")) {
                    continue;
                }
                for (String runtime : invocation.runtimes()) {
                    List<String> expected = sockets ? TaskRuntimes.provider(runtime).jvmFlagsForCpus(cpus) : List.of();
                    assertEquals(expected, invocation.forkFlags(), group.name() + " " + runtime);
                }
            }
        }
        JmhGroup requests = SuiteSize.FULL.jmhGroups().stream().filter(g -> g.name().equals("requests")).findFirst()
                .orElseThrow();
        assertTrue(requests.invocations(TaskRuntimes.names()).stream()
                .anyMatch(invocation -> invocation.runtimes().equals(List.of("coroutines"))
                        && invocation.forkFlags().contains("-Dkotlinx.coroutines.io.parallelism=" + (cpus + 1))),
                "the coroutines' forks run with IO sized to the CPUs");
    }

    @Test
    void onlyTheFullSuiteHasTheMillionTaskPointsAndTheyLeaveOutThePlatformThreads() {
        assertTrue(SuiteSize.QUICK.jmhGroups().stream().noneMatch(group -> group.name().endsWith("-million")));
        List<JmhGroup> million = SuiteSize.FULL.jmhGroups().stream()
                .filter(group -> group.name().endsWith("-million")).toList();
        assertEquals(List.of("spawn-million", "timer-latency-million", "timer-latency-armed-million"),
                million.stream().map(JmhGroup::name).toList());
        for (JmhGroup group : million) {
            Map<String, List<String>> params = group.parts().get(0).params();
            assertTrue(List.of("1000000").equals(params.get("tasks")) || List.of("1000000").equals(params.get("armed")),
                    group.toString());
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
        assertTrue(env.endsWith(",\"cpuLayout\":{\"serverCpus\":\"0\",\"clientCpus\":\"1\",\"onlineCpus\":\"0-1\"},\"reference\":null}"), env);
    }
}
