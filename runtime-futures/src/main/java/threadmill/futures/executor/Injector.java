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
 * time, in batches. Between a producer's exchange and its link the queue looks one task shorter
 * to consumers; the count, raised before the exchange, still says "not empty", so a worker about
 * to park looks again instead of sleeping on that task.
 */
final class Injector {

    private static final VarHandle TAIL;
    private static final VarHandle SIZE;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(Injector.class, "tail", Task.class);
            SIZE = MethodHandles.lookup().findVarHandle(Injector.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Never run: the node that stands in the list when it is empty, so producers need no head. */
    private final Task<?> stub = Task.create(cx -> Poll.pending(), task -> { });
    private volatile Task<?> tail = stub;
    private Task<?> head = stub;
    /** Tasks pushed and not yet taken: raised before a push links, so it never undercounts. */
    private volatile int size;

    /** Queues a task; returns how many are queued now. Lock-free. */
    int push(Task<?> task) {
        int queued = (int) SIZE.getAndAdd(this, 1) + 1;
        task.setNext(null);
        link(task, task);
        return queued;
    }

    /** Queues {@code count} tasks with one exchange; returns how many are queued now. */
    int pushAll(Task<?>[] tasks, int count) {
        if (count == 0) {
            return size;
        }
        int queued = (int) SIZE.getAndAdd(this, count) + count;
        for (int i = 0; i < count - 1; i++) {
            tasks[i].setNext(tasks[i + 1]);
        }
        tasks[count - 1].setNext(null);
        link(tasks[0], tasks[count - 1]);
        return queued;
    }

    private void link(Task<?> first, Task<?> last) {
        Task<?> previous = (Task<?>) TAIL.getAndSet(this, last);
        previous.publishNext(first);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Takes one task to run now, and moves up to {@code extra} more into {@code local}, which
     * must have room for them. Null when nothing is queued, or the only task is still being linked.
     */
    Task<?> popInto(LocalQueue local, int extra) {
        if (size == 0) {
            return null;
        }
        Task<?> first;
        synchronized (this) {
            first = take();
            if (first == null) {
                return null;
            }
            for (int i = 0; i < extra; i++) {
                Task<?> task = take();
                if (task == null) {
                    break;
                }
                local.push(task, this);
            }
        }
        return first;
    }

    /** Takes one task, or null (as {@link #popInto}). */
    Task<?> pop() {
        if (size == 0) {
            return null;
        }
        synchronized (this) {
            return take();
        }
    }

    /** Vyukov's pop: the stub is stepped over, and put back behind the last task to free it. */
    private Task<?> take() {
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
        SIZE.getAndAdd(this, -1);
        return first;
    }
}
