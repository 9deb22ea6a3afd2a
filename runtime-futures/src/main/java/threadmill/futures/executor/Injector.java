package threadmill.futures.executor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import threadmill.futures.Poll;
import threadmill.futures.task.Task;

/**
 * The pool's shared run queue (tokio's inject queue): tasks spawned or woken from outside the
 * workers, and the overflow of full local queues. An intrusive list through {@link Task#next()},
 * so queueing allocates nothing.
 *
 * <p>Producers never lock: a push swaps itself in as the tail with one atomic exchange and then
 * links the previous tail to it (Vyukov's intrusive MPSC queue). A thread spawning a million
 * tasks from outside therefore never waits for, nor inflates, a lock that the workers hold while
 * they take their share. Consumers take tasks under this object's monitor, one consumer at a
 * time, in batches.
 *
 * <p>The queue's length is two counters, {@code pushed} (raised by producers before they link)
 * and {@code taken} (raised by the consumer once per batch), kept with the fields of their side
 * on cache lines of their own: a producer and a consumer on different cores then share only
 * reads, and a spawning thread's pushes do not bounce a line that every take writes. Between a
 * producer's exchange and its link the queue looks one task shorter to consumers; the length,
 * raised before the exchange, still says "not empty", so a worker about to park looks again
 * instead of sleeping on that task.
 */
final class Injector extends InjectorConsumerSide {

    /** Queues a task; returns how many are queued now. Lock-free. */
    int push(Task<?> task) {
        int queued = (int) PUSHED.getAndAdd(this, 1) + 1 - taken;
        task.setNext(null);
        link(task, task);
        return queued;
    }

    /** Queues {@code count} tasks with one exchange; returns how many are queued now. */
    int pushAll(Task<?>[] tasks, int count) {
        if (count == 0) {
            return size();
        }
        int queued = (int) PUSHED.getAndAdd(this, count) + count - taken;
        for (int i = 0; i < count - 1; i++) {
            tasks[i].setNext(tasks[i + 1]);
        }
        tasks[count - 1].setNext(null);
        link(tasks[0], tasks[count - 1]);
        return queued;
    }

    /** Tasks pushed and not yet taken; never less than the tasks a consumer could take now. */
    int size() {
        // taken first: a batch taken between the two reads can then only make this overcount.
        int t = taken;
        return pushed - t;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Takes one task to run now, and moves up to {@code extra} more into {@code local}, which
     * must have room for them. Null when nothing is queued, or the only task is still being linked.
     */
    Task<?> popInto(LocalQueue local, int extra) {
        if (isEmpty()) {
            return null;
        }
        synchronized (this) {
            Task<?> first = take();
            if (first == null) {
                return null;
            }
            int count = 1;
            for (; count <= extra; count++) {
                Task<?> task = take();
                if (task == null) {
                    break;
                }
                local.push(task, this);
            }
            taken += count;
            return first;
        }
    }

    /** Takes one task, or null (as {@link #popInto}). */
    Task<?> pop() {
        if (isEmpty()) {
            return null;
        }
        synchronized (this) {
            Task<?> task = take();
            if (task != null) {
                taken++;
            }
            return task;
        }
    }
}

/**
 * The producers' side of the {@link Injector}: the tail they exchange and the count they raise,
 * padded off the consumers' fields (the JVM lays out a superclass's fields before its
 * subclass's, so the padding stays between them).
 */
abstract class InjectorProducerSide {

    static final VarHandle TAIL;
    static final VarHandle PUSHED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(InjectorProducerSide.class, "tail", Task.class);
            PUSHED = lookup.findVarHandle(InjectorProducerSide.class, "pushed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p00, p01, p02, p03, p04, p05, p06, p07;
    /** Never run: the node that stands in the list when it is empty, so producers need no head. */
    final Task<?> stub = Task.create(cx -> Poll.pending(), task -> { });
    volatile Task<?> tail = stub;
    /** Tasks ever pushed: raised before a push links, so the length never undercounts. */
    volatile int pushed;
    long p10, p11, p12, p13, p14, p15, p16, p17;

    void link(Task<?> first, Task<?> last) {
        Task<?> previous = (Task<?>) TAIL.getAndSet(this, last);
        previous.publishNext(first);
    }
}

/** The consumer's side of the {@link Injector}, written only under its monitor. */
abstract class InjectorConsumerSide extends InjectorProducerSide {

    private Task<?> head = stub;
    /** Tasks ever taken; raised once per batch, after the batch is unlinked. */
    volatile int taken;
    long p20, p21, p22, p23, p24, p25, p26, p27;

    /**
     * Vyukov's pop: the stub is stepped over, and put back behind the last task to free it.
     * The caller holds the monitor and counts what it took into {@code taken}.
     */
    Task<?> take() {
        Task<?> first = head;
        Task<?> next = first.nextAcquire();
        if (first == stub) {
            if (next == null) {
                return null;
            }
            head = next;
            first = next;
            next = next.nextAcquire();
        }
        if (next == null) {
            if (first != tail) {
                return null;
            }
            stub.setNext(null);
            link(stub, stub);
            next = first.nextAcquire();
            if (next == null) {
                return null;
            }
        }
        head = next;
        first.setNext(null);
        return first;
    }
}
