/**
 * Executors: {@link threadmill.futures.executor.LocalExecutor} (one thread, {@code spawn_local})
 * and {@link threadmill.futures.executor.WorkerPool} (work stealing, {@code spawn},
 * {@code spawn_blocking}), and the {@link threadmill.futures.executor.Driver} each executor
 * thread parks on.
 *
 * <p>Invariants: a local run queue is pushed only by its worker and popped by its worker or by
 * thieves (CAS on its head); only its worker writes its slots, to push and to clear those of
 * taken tasks; the injection queue is shared under its lock. A driver is turned
 * only by its owning thread; other threads arm timers and register sockets in it and then wake
 * it (a worker registers a new socket in its own driver or another of the pool's, whichever has
 * fewer channels). A worker parks only after raising its parked flag and re-checking every queue, and
 * whoever queues work reads that flag after queueing, so a parked worker is never left
 * sleeping next to work it should run. A worker thread ends only when its pool has closed, or
 * has failed because that thread is dying (see {@link threadmill.futures.executor.WorkerPool}).
 */
package threadmill.futures.executor;
