/**
 * Executors: {@link threadmill.futures.executor.LocalExecutor} (one thread, {@code spawn_local})
 * and {@link threadmill.futures.executor.WorkerPool} (work stealing, {@code spawn},
 * {@code spawn_blocking}), and the {@code Driver} (timer wheel and reactor) each executor
 * thread parks on, and which it enters as the thread's runtime context.
 *
 * <p>Invariants: a local run queue is pushed only by its worker and popped by its worker or by
 * thieves (CAS on its head); only its worker writes its slots, to push and to clear those of
 * taken tasks; the injection queue is pushed lock-free by anyone and taken from under its lock.
 * A driver is turned only by its owning thread, which has entered it as its runtime context;
 * other threads arm timers and register sockets in it and then wake it (a worker registers a
 * new socket in its own reactor or another of the pool's, whichever has fewer channels). A
 * worker parks only after counting itself parked, raising its reactor's parked flag and
 * re-checking every queue, and whoever queues work reads the parked count after queueing, so a
 * parked worker is never left sleeping next to work it should run. A worker thread ends only
 * when its pool has closed, or has failed because that thread is dying (see
 * {@link threadmill.futures.executor.WorkerPool}).
 */
package threadmill.futures.executor;
