/**
 * The futures library as a Threadmill {@link threadmill.workload.TaskRuntime} (the
 * {@code futures} provider): the three workloads, the pitfalls' futures side, and the only
 * package of this module that depends on the contract ({@code threadmill.workload}); the
 * library below it depends on the JDK alone. Every task is a spawned task of one
 * {@link threadmill.futures.executor.WorkerPool}; the per-task futures are hand-written state
 * machines, the shape an {@code async fn} compiles to.
 */
package threadmill.futures.taskruntime;
