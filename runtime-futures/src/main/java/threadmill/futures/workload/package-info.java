/**
 * The Threadmill workloads on the futures runtime ({@code futures} provider): the only package
 * of this module that depends on {@code threadmill.workload}. Every task is a spawned task of
 * one {@link threadmill.futures.executor.WorkerPool}; the per-task futures are hand-written
 * state machines, the shape an {@code async fn} compiles to.
 */
package threadmill.futures.workload;
