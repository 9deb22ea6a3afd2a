package threadmill.workload;

import java.net.InetSocketAddress;

/** A server that is listening; closing it closes the listener and every open connection. */
public interface RunningServer extends AutoCloseable {

    /** The address clients connect to, with the port the OS chose if 0 was asked for. */
    InetSocketAddress address();

    @Override
    void close();
}
