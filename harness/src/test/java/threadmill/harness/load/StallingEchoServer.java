package threadmill.harness.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import threadmill.workload.Shutdown;

/**
 * A test echo server for one connection that echoes requests of a known size and, at request
 * {@code misbehaveAt}, either stops answering for a while (the server stall that coordinated
 * omission hides) or hangs up, instead of echoing it or just after.
 */
final class StallingEchoServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Thread thread;

    private StallingEchoServer(int payloadBytes, int misbehaveAt, long stallMillis) throws IOException {
        listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("stalling-echo").start(() -> serve(payloadBytes, misbehaveAt, stallMillis));
    }

    /** Sleeps {@code stallMillis} before echoing request {@code stallAt}. */
    static StallingEchoServer stalling(int payloadBytes, int stallAt, long stallMillis) throws IOException {
        return new StallingEchoServer(payloadBytes, stallAt, stallMillis);
    }

    /** Closes the connection instead of echoing request {@code closeAt}. */
    static StallingEchoServer closingAt(int payloadBytes, int closeAt) throws IOException {
        return new StallingEchoServer(payloadBytes, closeAt, CLOSE_INSTEAD);
    }

    /** Echoes request {@code lastReply}, then closes the connection before the next request. */
    static StallingEchoServer closingAfterReply(int payloadBytes, int lastReply) throws IOException {
        return new StallingEchoServer(payloadBytes, lastReply, CLOSE_AFTER);
    }

    private static final long CLOSE_INSTEAD = -1;
    private static final long CLOSE_AFTER = -2;

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void serve(int payloadBytes, int misbehaveAt, long stallMillis) {
        try (Socket socket = listener.accept()) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] request = new byte[payloadBytes];
            for (int i = 0; ; i++) {
                in.readFully(request);
                if (i == misbehaveAt) {
                    if (stallMillis == CLOSE_INSTEAD) {
                        return;
                    }
                    if (stallMillis > 0) {
                        Thread.sleep(stallMillis);
                    }
                }
                out.write(request);
                if (i == misbehaveAt && stallMillis == CLOSE_AFTER) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client closed the connection or the test closed the server: done.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Shutdown.awaitUninterruptibly(thread::join);
    }
}
