package threadmill.futures.taskruntime;

import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.time.TimerEntry;
import threadmill.workload.SleepObserver;

/**
 * One task of the sleep fan-out: {@code async move { observer.parking(i); if !d.is_zero() {
 * sleep(d).await; observer.woke(i); } sum.add(i) }} (a zero sleep is the creation-cost
 * workload). Rust compiles that block into one state machine that stores its
 * {@code Sleep} inline and creates it, deadline included, when the block first runs; this class
 * does the same by being the timer-wheel entry itself and starting its timer on first poll, so
 * a parked sleeper is this object (40 bytes) plus its task cell (32 bytes).
 */
final class SleepingTask extends TimerEntry implements Future<Void> {

    private final int index;
    private final Sleepers sleepers;

    SleepingTask(int index, Sleepers sleepers) {
        this.index = index;
        this.sleepers = sleepers;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        SleepObserver observer = sleepers.observer();
        if (!started()) {
            observer.parking(index);
            if (sleepers.sleep().isZero()) {
                return finish();
            }
            startTimer(sleepers.sleep());
        }
        if (!pollElapsed(cx)) {
            return Poll.pending();
        }
        observer.woke(index);
        return finish();
    }

    private Poll<Void> finish() {
        sleepers.sum().add(index);
        return Poll.ready(null);
    }

    @Override
    public void cancel() {
        disarm();
    }
}
