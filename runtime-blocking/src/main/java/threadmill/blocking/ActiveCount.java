package threadmill.blocking;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many tasks of some kind are running, and a wait until none is. A lock rather than
 * {@code synchronized}, so that a virtual thread waiting here never pins its carrier.
 */
final class ActiveCount {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition none = lock.newCondition();
    private long active;

    void enter() {
        lock.lock();
        try {
            active++;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            if (--active == 0) {
                none.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} until no task is running; returns how many still are. */
    long awaitNone(long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (active > 0 && nanos > 0) {
                nanos = none.awaitNanos(nanos);
            }
            return active;
        } finally {
            lock.unlock();
        }
    }
}
