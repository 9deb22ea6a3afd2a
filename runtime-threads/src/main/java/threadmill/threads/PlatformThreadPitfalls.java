package threadmill.threads;

import java.util.List;
import java.util.Optional;
import threadmill.blocking.BlockingPitfalls;
import threadmill.workload.RuntimePitfalls;

/**
 * The platform-thread side of the pitfalls. A blocking sleep is this runtime's own way to
 * wait, so only the CPU hog applies: the kernel preempts the spinning thread, which is the
 * contrast to the runtimes that share one worker.
 */
final class PlatformThreadPitfalls implements RuntimePitfalls {

    @Override
    public Optional<List<String>> oneWorkerJvmFlags() {
        return Optional.of(List.of());
    }

    @Override
    public String runCpuHog(CpuHogRun run, WakeObserver observer) throws InterruptedException {
        BlockingPitfalls.runCpuHog(Thread.ofPlatform().factory(), run, observer);
        return "platform threads: the kernel preempts the spinning thread, sleepers stay on time";
    }
}
