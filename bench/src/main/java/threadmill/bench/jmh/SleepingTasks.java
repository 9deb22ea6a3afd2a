package threadmill.bench.jmh;

import java.time.Duration;

import org.openjdk.jmh.annotations.Param;

import threadmill.workload.SleepFanOut;
import threadmill.workload.Validate;

/** N tasks of the runtime under test, each sleeping D: the sleep workload's sizes and checks. */
public abstract class SleepingTasks extends RuntimeBenchmark {

    @Param({"10000", "100000"})
    public int tasks;

    /** At least 1: a zero sleep is the creation workload (see {@link CreationBenchmark}). */
    @Param({"10", "100"})
    public int sleepMs;

    protected SleepFanOut sleepers;

    @Override
    protected void checkSizes() {
        Validate.inRange("sleepMs", sleepMs, 1, Integer.MAX_VALUE);
        sleepers = new SleepFanOut(tasks, Duration.ofMillis(sleepMs));
        HeapBudget.requireFits("tasks", tasks, provider().heapBytesPerTask());
    }
}
