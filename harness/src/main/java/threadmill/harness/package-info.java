/**
 * What measures a runtime without being one, the same for every runtime so that only the
 * runtime under test differs: the neutral load generator ({@link threadmill.harness.load}),
 * the neutral echo server ({@link threadmill.harness.echo}), and a runtime's own echo server
 * in a JVM of its own ({@link threadmill.harness.ServeRuntime}, started and stopped through
 * {@link threadmill.harness.ChildProcess}): client and server never share a heap, a GC or the
 * {@code ulimit -n} of one process. The mains read their arguments with
 * {@link threadmill.harness.CommandLine}.
 *
 * <p>All traffic is loopback; sockets use TCP_NODELAY and the contract's listen backlog
 * ({@link threadmill.workload.Sockets#LISTEN_BACKLOG}) on every side. Nothing here is part of
 * the contract: runtimes never depend on this module, only their tests do.
 */
package threadmill.harness;
