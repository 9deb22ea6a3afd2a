package threadmill.futures.executor;

import threadmill.futures.task.Task;

/**
 * The pool's shared run queue (tokio's inject queue): tasks spawned or woken from outside the
 * workers, and the overflow of full local queues. An intrusive list through {@link Task#next()}
 * under one lock, so queueing allocates nothing; workers take tasks in batches to keep the lock
 * cold. {@link #isEmpty()} reads a volatile count without the lock.
 */
final class Injector {

    private Task<?> head;
    private Task<?> tail;
    private volatile int size;

    /** Queues a task; returns how many are queued now. */
    synchronized int push(Task<?> task) {
        append(task);
        return ++size;
    }

    /** Queues {@code count} tasks; returns how many are queued now. */
    synchronized int pushAll(Task<?>[] tasks, int count) {
        for (int i = 0; i < count; i++) {
            append(tasks[i]);
        }
        size += count;
        return size;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Takes one task to run now, and moves up to {@code extra} more into {@code local}, which
     * must have room for them.
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
            int n = Math.min(extra, size);
            for (int i = 0; i < n; i++) {
                local.push(take(), this);
            }
        }
        return first;
    }

    synchronized Task<?> pop() {
        return size == 0 ? null : take();
    }

    private void append(Task<?> task) {
        task.setNext(null);
        if (tail == null) {
            head = task;
        } else {
            tail.setNext(task);
        }
        tail = task;
    }

    private Task<?> take() {
        Task<?> task = head;
        if (task != null) {
            head = task.next();
            if (head == null) {
                tail = null;
            }
            task.setNext(null);
            size--;
        }
        return task;
    }
}
