/**
 * The network side every runtime shares, so that only the runtime under test differs:
 * {@link threadmill.workload.net.NeutralEchoServer} (what request fan-out targets),
 * {@link threadmill.workload.net.LoadGenerator} (what drives a runtime's own echo server),
 * and {@link threadmill.workload.net.ServeRuntime} with {@link threadmill.workload.net.ChildProcess}
 * to run a server in its own JVM: client and server never share a heap, a GC or the
 * {@code ulimit -n} of one process. All traffic is loopback; sockets use TCP_NODELAY and a
 * listen backlog of {@value threadmill.workload.net.Sockets#LISTEN_BACKLOG} on every side.
 */
package threadmill.workload.net;
