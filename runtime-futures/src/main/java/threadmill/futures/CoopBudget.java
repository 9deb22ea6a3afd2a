package threadmill.futures;

import threadmill.futures.runtime.Tunables;

/**
 * How many iterations a looping future may run inside one poll before it yields. A loop whose
 * body is always ready at once would otherwise never return Pending and would starve every other
 * task on its worker (tokio's cooperative budget serves the same purpose). Hand-written state
 * machines that loop use the same budget.
 */
public final class CoopBudget {

    /** Iterations a loop may run in one poll before yielding: {@link Tunables#COOP_BUDGET}. */
    public static final int ITERATIONS_PER_POLL = Tunables.COOP_BUDGET;

    private CoopBudget() {
    }

    /** Wakes the task and returns Pending: it goes to the back of the run queue. */
    public static <T> Poll<T> yieldTo(Context cx) {
        cx.waker().wake();
        return Poll.pending();
    }
}
