package threadmill.workload.blocking;

import java.util.concurrent.atomic.LongAdder;
import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;

/** A sleep fan-out as blocking tasks: each calls the observer, {@code Thread.sleep}s, and adds its index. */
final class Sleepers implements RunningTasks {

    private final LongAdder sum = new LongAdder();
    private final FirstFailure failure = new FirstFailure();
    private final TaskLauncher.LaunchedTasks tasks;

    Sleepers(TaskLauncher launcher, SleepFanOut workload, SleepObserver observer) {
        tasks = launcher.launch(workload.tasks(), task -> () -> sleep(task, workload, observer));
    }

    private void sleep(int task, SleepFanOut workload, SleepObserver observer) {
        try {
            observer.parking(task);
            if (workload.sleeps()) {
                Thread.sleep(workload.sleep());
                observer.woke(task);
            }
            sum.add(task);
        } catch (InterruptedException cancelled) {
            // cancel(): the task ends without a result, as asked.
        } catch (RuntimeException | Error e) {
            failure.record(e);
        }
    }

    @Override
    public long join() throws InterruptedException {
        tasks.join();
        failure.rethrow();
        return sum.sum();
    }

    @Override
    public void cancel() {
        tasks.stop();
    }
}
