package threadmill.futures.taskruntime;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import threadmill.futures.Future;
import threadmill.workload.SleepObserver;

/**
 * What every sleeper of one fan-out shares, held once rather than copied into each task, and
 * the making of one sleeper at the fan-out's depth.
 *
 * <p>Each sleeper adds its index to {@code sum}, the fan-out's check that every task ran, and
 * outputs nothing, as the blocking runtimes' tasks do. Returning the index instead, as Rust's
 * {@code JoinHandle<usize>} does inline in the task cell, would box it here: an Integer per
 * task, allocated as the task finishes and copied by every collection until the join, a cost
 * no other runtime of the comparison pays.
 */
record Sleepers(Duration sleep, SleepObserver observer, int depth, LongAdder sum) {

    /** What each level above the sleeper does with its child's output: pass it on. */
    private static final Function<Void, Void> PASS_ON = Function.identity();

    Sleepers(Duration sleep, SleepObserver observer, int depth) {
        this(sleep, observer, depth, new LongAdder());
    }

    /**
     * Task {@code index}. At depth 1 the {@link SleepingTask} alone (the task body sleeps).
     * Deeper, {@code depth - 1} levels around it, as {@code async fn level_k() -> usize {
     * level_k_minus_1().await }} nested {@code depth - 1} times compiles to: each level a
     * state machine that holds its child and, when the child is ready, returns its output.
     * Java cannot store the child inline as rustc does, so each level is one small object
     * ({@code Future.map}, 24 bytes) and every wake-up polls down through all of them.
     */
    Future<Void> task(int index) {
        Future<Void> task = new SleepingTask(index, this);
        for (int level = 2; level <= depth; level++) {
            task = task.map(PASS_ON);
        }
        return task;
    }
}
