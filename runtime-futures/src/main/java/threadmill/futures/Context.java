package threadmill.futures;

import threadmill.futures.task.Waker;

/**
 * What a {@link Future#poll} is given: Rust's {@code std::task::Context}, that is, access to the
 * {@link Waker} of the task being polled. An executor's task cell is its own context and waker,
 * so polling allocates nothing.
 */
@FunctionalInterface
public interface Context {

    /** The waker to store when returning Pending; waking it makes the task be polled again. */
    Waker waker();

    /** A context around any waker, for hand-driven polls and for combinators with own wakers. */
    static Context of(Waker waker) {
        return () -> waker;
    }
}
