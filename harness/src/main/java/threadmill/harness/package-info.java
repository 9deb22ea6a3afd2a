/**
 * What measures a runtime without being one, the same for every runtime so that only the
 * runtime under test differs: the neutral load generator ({@link threadmill.harness.load}),
 * the neutral echo server ({@link threadmill.harness.echo}), and a runtime's own echo server
 * in a JVM of its own ({@link threadmill.harness.ServeRuntime}, started and stopped through
 * {@link threadmill.harness.ChildProcess}): client and server never share a heap, a GC or the
 * {@code ulimit -n} of one process. The mains read their arguments with
 * {@link threadmill.harness.CommandLine}.
 *
 * <p>The steady-state server comparison pins a server process and the load generator to
 * CPUs of their own and reads the server's CPU time ({@link threadmill.harness.server}); the
 * load generator's {@link threadmill.harness.load.SteadyLoad} keeps its connections open across
 * measured windows.
 *
 * <p>Traffic is loopback unless a user points the load side at another host; sockets use
 * TCP_NODELAY and the contract's listen backlog ({@link threadmill.workload.Sockets#LISTEN_BACKLOG})
 * on every side. Nothing here is part of the contract: runtimes never depend on this module,
 * only their tests do.
 */
package threadmill.harness;
