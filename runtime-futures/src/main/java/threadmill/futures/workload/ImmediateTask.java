package threadmill.futures.workload;

import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.workload.SleepObserver;

/** A sleeper of a zero sleep (the creation-cost workload): {@code async move { observer.parking(i); i }}. */
final class ImmediateTask implements Future<Integer> {

    private final int index;
    private final SleepObserver observer;

    ImmediateTask(int index, SleepObserver observer) {
        this.index = index;
        this.observer = observer;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
        observer.parking(index);
        return Poll.ready(index);
    }
}
