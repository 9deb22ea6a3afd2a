package threadmill.futures.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;

/**
 * Records when traced futures start waiting and when they finish, so that a test can show that
 * they waited at the same time (concurrency) by the order of events instead of by how long the
 * whole took: a wall-clock bound fails on a loaded machine, an order does not.
 */
public final class WaitLog {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger mostWaiting = new AtomicInteger();

    /**
     * {@code future}, logging "{@code name} waits" the first time it is Pending and
     * "{@code name} done" when it is Ready.
     */
    public <T> Future<T> trace(String name, Future<T> future) {
        boolean[] waited = {false};
        return Futures.pollFn(cx -> {
            Poll<T> p = future.poll(cx);
            if (p.isPending() && !waited[0]) {
                waited[0] = true;
                events.add(name + " waits");
                mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
            } else if (p.isReady()) {
                events.add(name + " done");
                if (waited[0]) {
                    waiting.decrementAndGet();
                }
            }
            return p;
        });
    }

    /** Everything logged, in order. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The most traced futures that were waiting at one time. */
    public int mostWaitingAtOnce() {
        return mostWaiting.get();
    }
}
