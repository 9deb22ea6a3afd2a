package threadmill.loom;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import threadmill.blocking.BlockingPitfalls;
import threadmill.workload.RuntimePitfalls;

/**
 * The virtual-thread side of the pitfalls. A blocking {@code Thread.sleep} is the runtime's own
 * sleep, and it unmounts from its carrier, so blocking sleeps overlap on the default carriers
 * and on one carrier alike. A spinning virtual thread is never preempted, so on one carrier it
 * holds back every sleeper.
 */
final class VirtualThreadPitfalls implements RuntimePitfalls {

    private static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    /**
     * One carrier and no spare: the virtual-thread scheduler cannot add a carrier while the one
     * it has is busy.
     */
    private static final List<String> ONE_CARRIER = List.of(
            "-D" + PARALLELISM + "=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1");

    @Override
    public List<Variant> blockingSleepVariants() {
        return List.of(new Variant("blocking-sleep", List.of()),
                new Variant("blocking-sleep-one-carrier", List.of("-D" + PARALLELISM + "=1")));
    }

    @Override
    public Expectation runBlockingSleep(String variant, int tasks, Duration sleep) throws InterruptedException {
        if (blockingSleepVariants().stream().noneMatch(known -> known.name().equals(variant))) {
            return RuntimePitfalls.super.runBlockingSleep(variant, tasks, sleep);
        }
        BlockingPitfalls.runSleepers(Thread.ofVirtual().factory(), tasks, sleep);
        return new Expectation(sleep.toMillis(), "virtual threads: Thread.sleep unmounts, so " + tasks
                + " blocking sleeps overlap even on " + System.getProperty(PARALLELISM, "the default number of")
                + " carrier(s)");
    }

    @Override
    public Optional<List<String>> oneWorkerJvmFlags() {
        return Optional.of(ONE_CARRIER);
    }

    @Override
    public String runCpuHog(CpuHogRun run, WakeObserver observer) throws InterruptedException {
        BlockingPitfalls.runCpuHog(Thread.ofVirtual().factory(), run, observer);
        return "virtual threads on one carrier: a spinning virtual thread is not preempted, sleepers wait for it";
    }
}
