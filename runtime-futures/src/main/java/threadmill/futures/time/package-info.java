/**
 * Time: the hierarchical {@link threadmill.futures.time.TimerWheel} in 250 µs ticks of the
 * {@link threadmill.futures.time.TickClock}, {@link threadmill.futures.time.Sleep}, and
 * {@link threadmill.futures.time.TimerEntry}, the intrusive node a future extends to be its own
 * timer. A timer arms in the wheel its polling thread's runtime entered as
 * {@link threadmill.futures.time.TimerWheel#CONTEXT}; this package does not know the executors.
 *
 * <p>Invariants: an entry's links and waker change only under its wheel's monitor; only the
 * owning driver's thread advances the wheel; an entry fires at or after its deadline, never
 * before, and at most once; an entry is due as soon as the clock reading of its arming thread or
 * the wheel's own time has reached its deadline; cancelling unlinks it in O(1) from any thread. A
 * wheel drained by its runtime's shutdown is closed: entries it held read as cancelled, never as
 * elapsed, and it refuses new ones.
 */
package threadmill.futures.time;
