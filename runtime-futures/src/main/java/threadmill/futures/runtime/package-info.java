/**
 * What every part of the runtime shares and nothing else: the
 * {@link threadmill.futures.runtime.RuntimeContext} through which timers and sockets find the
 * driver of the thread that polls them, and the {@link threadmill.futures.runtime.Tunables}.
 * Depends on the JDK alone; the time and net packages read the context, the executors provide
 * it, so those packages layer without a cycle.
 *
 * <p>Invariants: a thread sees only the handles it entered itself, and an executor enters them
 * on every thread that polls its futures, for as long as it does; the tunables are read once,
 * when {@code Tunables} is initialised, and never change after.
 */
package threadmill.futures.runtime;
