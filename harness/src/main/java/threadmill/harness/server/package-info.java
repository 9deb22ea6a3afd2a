/**
 * A server process on CPUs of its own, and what it costs: {@link threadmill.harness.server.CpuLayout}
 * splits the online CPUs between the server and the load generator (each started under
 * {@code taskset -c}), {@link threadmill.harness.server.ProcessCpu} reads a process's user plus
 * system CPU time from {@code /proc/<pid>/stat}, and {@link threadmill.harness.server.ServedCpu}
 * is how a server reports its own, for a reader on another host. Nothing here starts a
 * server; {@link threadmill.harness.ChildProcess} does.
 */
package threadmill.harness.server;
