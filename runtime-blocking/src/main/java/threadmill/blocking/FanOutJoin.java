package threadmill.blocking;

/**
 * The order in which a fan-out's tasks are joined, the same as the futures runtime's
 * {@code joinAll}: while the next task in order has not ended, wait for the one halfway from it
 * to the end, if that one has not ended either. The tasks of a fan-out end in about the order
 * they started, so waiting for each next one in turn wakes the joining thread every time it
 * catches up with them, each wake-up paid by a thread that runs tasks and each run of the
 * joiner on a core they need; halving wakes it about log2(n) times and still lets go of ended
 * tasks as they end.
 *
 * <p>The futures runtime has its own copy of this order ({@code JoinHandlesInOrder}), which
 * stays separate: that library depends on the JDK alone, and it awaits handles with a waker
 * where this waits on threads.
 */
public final class FanOutJoin {

    /** The tasks of a fan-out, by index, as the join sees them. */
    public interface Tasks {

        boolean ended(int task);

        /** Waits until the task has ended. */
        void await(int task) throws InterruptedException;

        /** Lets go of an ended task. */
        void release(int task);
    }

    private FanOutJoin() {
    }

    /** Waits until tasks {@code 0 .. count-1} have all ended, releasing each once it has. */
    public static void join(int count, Tasks tasks) throws InterruptedException {
        int next = 0;
        while (next < count) {
            if (tasks.ended(next)) {
                tasks.release(next++);
            } else {
                int half = next + (count - next) / 2;
                tasks.await(tasks.ended(half) ? next : half);
            }
        }
    }
}
