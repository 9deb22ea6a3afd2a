package threadmill.blocking;

import java.util.concurrent.atomic.LongAdder;
import threadmill.workload.RunningTasks;
import threadmill.workload.SleepFanOut;
import threadmill.workload.SleepObserver;

/**
 * A sleep fan-out as blocking tasks: each calls the observer, {@code Thread.sleep}s at the
 * workload's depth, and adds its index.
 */
final class BlockingSleepers implements RunningTasks {

    private final LongAdder sum = new LongAdder();
    private final FirstFailure failure = new FirstFailure();
    private final TaskLauncher.LaunchedTasks tasks;

    BlockingSleepers(TaskLauncher launcher, SleepFanOut workload, SleepObserver observer) {
        tasks = launcher.launch(workload.tasks(), task -> () -> run(task, workload, observer));
    }

    private void run(int task, SleepFanOut workload, SleepObserver observer) {
        try {
            sum.add(sleepAt(workload.depth(), task, task, workload, observer));
        } catch (InterruptedException cancelled) {
            // cancel(): the task ends without a result, as asked.
        } catch (RuntimeException | Error e) {
            failure.record(e);
        }
    }

    /**
     * One frame of the task's call chain: at level 1 the sleep, above it a call one level
     * deeper, so the sleep happens with {@code level - 1} frames of this method below the task
     * body. Each frame works like ordinary code: it passes a value down ({@code carried} plus
     * its level), keeps its level live across the call, and undoes its part on the way back, so
     * level 1 returns {@code carried} and the body gets {@code task} back (the fan-out's sum
     * checks it). The JIT cannot turn a recursion of run-time depth into a loop, and whatever
     * level it inlines (C2 inlines one recursive level by default) still keeps its live
     * values in the merged frame: the stack at the sleep grows with the depth.
     */
    private static int sleepAt(int level, int task, int carried, SleepFanOut workload, SleepObserver observer)
            throws InterruptedException {
        if (level == 1) {
            observer.parking(task);
            if (workload.sleeps()) {
                Thread.sleep(workload.sleep());
                observer.woke(task);
            }
            return carried;
        }
        int passedDown = carried + level;
        int returned = sleepAt(level - 1, task, passedDown, workload, observer);
        return returned - level;
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
