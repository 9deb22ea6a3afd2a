/**
 * Rust's async model in plain Java: {@link threadmill.futures.Future} is polled with a
 * {@link threadmill.futures.Context} and answers {@link threadmill.futures.Poll} Ready or
 * Pending; {@link threadmill.futures.Futures} has the combinators ({@code join!},
 * {@code select!}, {@code timeout}, {@code yield_now}, {@code poll_fn}, loops).
 *
 * <p>Invariants: a future is polled by one thread at a time and never again after it returned
 * Ready; an abandoned pending future gets {@code cancel()} exactly once, from the thread that
 * would have polled it. Combinators own their children: they poll only pending children and
 * cancel every child they abandon. Nothing here is thread-safe except wakers.
 */
package threadmill.futures;
