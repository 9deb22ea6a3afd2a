/**
 * The neutral echo server that request fan-out targets: one acceptor thread hands each
 * connection to one of several selector loops, which echo what they read on the same
 * connection until the client closes. A connection belongs to one loop for its whole life.
 */
package threadmill.harness.echo;
