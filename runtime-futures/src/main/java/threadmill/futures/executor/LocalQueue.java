package threadmill.futures.executor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.Task;

/**
 * A worker's run queue: a fixed ring of tasks (tokio's local queue). The owning worker
 * pushes at the tail and takes from the head; other workers steal half of it from the head.
 * Every taker claims slots by a CAS on the head, which only grows, so a slot read before a
 * successful CAS cannot have been overwritten: the owner reuses a slot only after the head has
 * passed it, which makes that CAS fail. When the ring is full, the owner moves half of it to
 * the pool's injection queue.
 *
 * <p>{@link Tunables#RUN_QUEUE_CAPACITY} slots, 1024 by default where tokio has 256: the JDK's
 * epoll selector reports up to 1024 ready channels per select, and each wakes its task into
 * this ring; a ring that holds one select's worth lets a turn wake them all, where a smaller one
 * leaves the rest for later selects while its tasks run (see that constant for the trade).
 *
 * <p>A slot whose task was taken is cleared by the owner, so the ring keeps no finished task
 * reachable (Java's stand-in for Rust dropping the task reference it moved out): the owner's
 * pop clears the slot it took, and clears the slots of tasks that thieves or an overflow took
 * since it last looked, which it finds between {@code cleared} and the head. Only the owner
 * writes slots, and with plain stores where it clears; why that is safe:
 * <ol>
 * <li>A cleared slot is no longer wanted: it lies below the head, which a successful CAS moved
 *     past it; a thief that still reads it, with an older head, fails its CAS (the head only
 *     grows) and discards what it read, null or not.</li>
 * <li>A clear never erases a newer task: the owner clears position {@code p} only while
 *     {@code p + CAPACITY >= tail}, that is, before it has pushed the task that reuses the slot,
 *     and clear and push are in its own program order.</li>
 * <li>A thief whose CAS succeeds sees the pushed task, not a null: it reads positions at or
 *     above the head it claims from, each below the tail it read with acquire; the owner's
 *     push stored the slot before its release of that tail, and any clear of the slot's
 *     previous occupant came before the push in the owner's program order.</li>
 * </ol>
 * So a pop pays one plain store of null and one plain store of {@code cleared} (on a cache
 * line its CAS of the head owns already), and a compare; no fence, no CAS, no volatile write.
 */
final class LocalQueue {

    static final int CAPACITY = Tunables.RUN_QUEUE_CAPACITY;
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Task[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LocalQueue.class, "head", long.class);
            TAIL = lookup.findVarHandle(LocalQueue.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final int mask;
    private final Task<?>[] ring;
    private final Task<?>[] overflow;
    private volatile long head;
    private volatile long tail;
    /** Owner only: every slot of a position below this was cleared (or reused) once taken. */
    private long cleared;

    LocalQueue() {
        this(CAPACITY);
    }

    /**
     * A ring of {@code capacity} slots, a power of two: the model-checking tests use a few, as
     * tokio's loom tests do, so that overflow and steal-half take a handful of steps to reach.
     */
    LocalQueue(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.ring = new Task<?>[capacity];
        this.overflow = new Task<?>[capacity / 2 + 1];
    }

    /**
     * Owner only. Moves half the queue and the task to {@code injector} when full. Returns how
     * many tasks wait in the queue that took the task.
     */
    int push(Task<?> task, Injector injector) {
        for (;;) {
            long h = head;
            long t = tail;
            if (t - h < capacity) {
                SLOT.setRelease(ring, (int) (t & mask), task);
                TAIL.setRelease(this, t + 1);
                return (int) (t + 1 - h);
            }
            int half = capacity / 2;
            for (int i = 0; i < half; i++) {
                overflow[i] = (Task<?>) SLOT.getAcquire(ring, (int) ((h + i) & mask));
            }
            if (HEAD.compareAndSet(this, h, h + half)) {
                overflow[half] = task;
                int backlog = injector.pushAll(overflow, half + 1);
                Arrays.fill(overflow, null);
                return backlog;
            }
        }
    }

    /** Owner only: the oldest task, or null. Clears the slots of taken tasks (see above). */
    Task<?> pop() {
        for (;;) {
            long h = head;
            if (h != cleared) {
                clearTakenBelow(h);
            }
            if (h >= (long) TAIL.getAcquire(this)) {
                return null;
            }
            int slot = (int) (h & mask);
            Task<?> task = (Task<?>) SLOT.getAcquire(ring, slot);
            if (HEAD.compareAndSet(this, h, h + 1)) {
                ring[slot] = null;
                cleared = h + 1;
                return task;
            }
        }
    }

    /**
     * Owner only: clears the slots of the tasks that thieves or an overflow took below
     * {@code head} since the owner last cleared, except those already reused by a push.
     */
    private void clearTakenBelow(long head) {
        for (long p = Math.max(cleared, tail - capacity); p < head; p++) {
            ring[(int) (p & mask)] = null;
        }
        cleared = head;
    }

    /** Thief: moves half of this queue into {@code empty} (the thief's own, empty queue). */
    int stealInto(LocalQueue empty) {
        for (;;) {
            long h = head;
            long n = (long) TAIL.getAcquire(this) - h;
            if (n <= 0) {
                return 0;
            }
            n = Math.min(n - n / 2, capacity / 2);
            long dst = empty.tail;
            for (int i = 0; i < n; i++) {
                empty.ring[(int) ((dst + i) & empty.mask)] = (Task<?>) SLOT.getAcquire(ring, (int) ((h + i) & mask));
            }
            if (HEAD.compareAndSet(this, h, h + n)) {
                TAIL.setRelease(empty, dst + n);
                return (int) n;
            }
        }
    }

    boolean isEmpty() {
        return head >= tail;
    }

    /** Tasks queued; owner only. */
    int length() {
        return (int) (tail - head);
    }

    /** Free slots; owner only. */
    int room() {
        return capacity - length();
    }
}
