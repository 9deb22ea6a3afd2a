/**
 * The neutral load generator: non-blocking NIO on a few selector threads drives any echo
 * server with closed-loop or constant-rate load, checks every echoed byte against the
 * contract's payloads, and records round-trip latency with coordinated omission corrected.
 * A {@link threadmill.harness.load.LoadSession} opens its connections once and runs any
 * sequence of phases on them ({@link threadmill.harness.load.LoadGenerator#run} is one phase;
 * {@link threadmill.harness.load.SteadyLoad} runs a window per command, in a process of its
 * own). Each {@link threadmill.harness.load.LoadWorker} owns its selector and its connections;
 * only the session crosses threads, between phases.
 */
package threadmill.harness.load;
