/**
 * Networking: the {@link threadmill.futures.net.Reactor} on a {@link java.nio.channels.Selector},
 * and non-blocking {@link threadmill.futures.net.TcpListener} and
 * {@link threadmill.futures.net.TcpStream}, whose futures wait for readiness through wakers. A
 * socket registers with a reactor of its polling thread's runtime, found through
 * {@link threadmill.futures.net.Reactor#CONTEXT}; this package does not know the executors.
 *
 * <p>Invariants: only the reactor's owner selects; a registration's wakers and interest set are
 * guarded by the registration; a task registers interest only after an operation returned 0,
 * and selection is level-triggered, so readiness that arrived in between is reported at the
 * next select. A thread other than the owner that changes interest wakes the owner. A select
 * wakes at most as many tasks as its caller has room for; ready keys beyond that are left for a
 * later select, not dropped. Registering and closing a reactor exclude each other: a channel is
 * either refused or woken by the close, and a registration whose reactor closed refuses waits.
 */
package threadmill.futures.net;
