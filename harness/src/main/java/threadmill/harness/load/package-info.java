/**
 * The neutral load generator: non-blocking NIO on a few selector threads drives any echo
 * server with closed-loop or constant-rate load, checks every echoed byte against the
 * contract's payloads, and records round-trip latency with coordinated omission corrected.
 * Each {@link threadmill.harness.load.LoadWorker} owns its selector and its connections; only
 * {@link threadmill.harness.load.LoadGenerator} crosses threads, between phases.
 */
package threadmill.harness.load;
