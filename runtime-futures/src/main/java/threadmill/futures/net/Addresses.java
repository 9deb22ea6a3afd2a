package threadmill.futures.net;

import java.net.InetSocketAddress;

/** How socket addresses appear in error messages: {@code host:port}, {@code [v6]:port}. */
final class Addresses {

    private Addresses() {
    }

    static String format(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
