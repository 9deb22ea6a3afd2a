/**
 * The workloads written once in plain blocking Java — {@code Thread.sleep}, {@code java.net}
 * socket streams, a task per connection — for the runtimes whose tasks are threads. The same
 * code runs on platform threads, on a fixed pool and on virtual threads, which is exactly
 * what virtual threads promise; those runtimes differ only in their {@link
 * threadmill.blocking.TaskLauncher}, i.e. in how a task is started.
 *
 * <p>A module of its own, with no runtime in it: {@code runtime-threads} and
 * {@code runtime-loom} both depend on it and on nothing of each other, so the virtual-thread
 * runtime's class path holds no platform-thread runtime, and neither side owns the code the
 * other is measured with.
 */
package threadmill.blocking;
