/**
 * The workloads written once in plain blocking Java — {@code Thread.sleep}, {@code java.net}
 * socket streams, a task per connection — for the runtimes whose tasks are threads. The same
 * code runs on platform threads, on a fixed pool and on virtual threads, which is exactly
 * what virtual threads promise; those runtimes differ only in their {@link
 * threadmill.workload.blocking.TaskLauncher}, i.e. in how a task is started.
 */
package threadmill.workload.blocking;
