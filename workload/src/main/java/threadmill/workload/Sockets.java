package threadmill.workload;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What every runtime's sockets share so that no runtime is favoured: the listen backlog, the
 * {@code host:port} notation of addresses in messages, errors that name the address, and what
 * an accept loop does when the process runs out of descriptors.
 */
public final class Sockets {

    /**
     * Accept queue asked of every server. Linux caps it at net.core.somaxconn; asking for
     * more than the default 50 keeps a burst of thousands of connects from being dropped and
     * retried a second later (a SYN retransmission), which would measure the backlog instead
     * of the runtime.
     */
    public static final int LISTEN_BACKLOG = 4096;

    /** Where servers listen when no address is given: loopback, a port the OS chooses. */
    public static final InetSocketAddress DEFAULT_BIND = new InetSocketAddress("127.0.0.1", 0);

    /**
     * How long every server's accept loop waits after a failed accept before it tries again:
     * long enough not to spin on a full descriptor table, short enough that a server recovers
     * soon after descriptors are freed. The same for every runtime, so none is favoured.
     */
    public static final Duration ACCEPT_BACK_OFF = Duration.ofMillis(100);

    private Sockets() {
    }

    /** {@code host:port} ({@code [v6]:port} for IPv6) with the port as bound. */
    public static String format(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The error for a server that cannot listen on {@code address}, e.g. because the port is in use. */
    public static IOException listenFailed(InetSocketAddress address, IOException cause) {
        return new IOException("cannot listen on " + format(address) + ": " + cause.getMessage(), cause);
    }

    /** The error for a client that cannot reach {@code address}, e.g. a refused connection. */
    public static IOException connectFailed(InetSocketAddress address, IOException cause) {
        return new IOException("cannot connect to " + format(address) + ": " + cause.getMessage(), cause);
    }

    /**
     * What a blocking server's accept loop does when accept fails while the listener is open,
     * typically EMFILE (ulimit -n): says so on stderr and sleeps {@link #ACCEPT_BACK_OFF},
     * rather than spin on a full descriptor table. The client sees a stalled connect. Returns
     * false when interrupted. (A non-blocking server reports the same way and waits with its own
     * timer.)
     */
    public static boolean backOffAfterAcceptFailure(InetSocketAddress server, IOException failure) {
        reportAcceptFailure(server, failure);
        try {
            Thread.sleep(ACCEPT_BACK_OFF.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Says on stderr that the server at {@code server} failed to accept, and why. */
    public static void reportAcceptFailure(InetSocketAddress server, IOException failure) {
        System.err.println("echo server " + format(server) + ": accept failed: " + failure.getMessage());
    }

    /** Fails with a clear error for a host name that did not resolve (instead of an unchecked one later). */
    public static InetSocketAddress resolved(InetSocketAddress address) throws IOException {
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve host of " + format(address));
        }
        return address;
    }
}
