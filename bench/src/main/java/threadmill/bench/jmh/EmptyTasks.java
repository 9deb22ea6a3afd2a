package threadmill.bench.jmh;

import java.time.Duration;

import org.openjdk.jmh.annotations.Param;

import threadmill.workload.SleepFanOut;

/**
 * N tasks of the runtime under test that do nothing (a {@link SleepFanOut} with a zero sleep):
 * what is left of a task is the runtime's own bookkeeping. The sizes and checks of the
 * creation-cost benchmarks.
 */
public abstract class EmptyTasks extends RuntimeBenchmark {

    @Param({"1", "1000", "100000"})
    public int tasks;

    protected SleepFanOut emptyTasks;

    @Override
    protected void checkSizes() {
        emptyTasks = new SleepFanOut(tasks, Duration.ZERO);
        HeapBudget.requireFits("tasks", tasks, provider().heapBytesPerTask());
    }
}
