package threadmill.harness.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import threadmill.workload.Shutdown;

/**
 * A test echo server, a thread per connection, that counts the connections it accepted and
 * the requests it echoed, and can hang up the first connection it accepted once it has echoed
 * a given number of requests on it.
 */
final class CountingEchoServer implements AutoCloseable {

    private final ServerSocket listener;
    private final int payloadBytes;
    private final long hangUpFirstAfter;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong echoed = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private CountingEchoServer(int payloadBytes, long hangUpFirstAfter) throws IOException {
        this.listener = new ServerSocket(0, 4096, java.net.InetAddress.getLoopbackAddress());
        this.payloadBytes = payloadBytes;
        this.hangUpFirstAfter = hangUpFirstAfter;
        this.acceptor = Thread.ofPlatform().daemon().name("counting-echo").start(this::accept);
    }

    static CountingEchoServer echoing(int payloadBytes) throws IOException {
        return new CountingEchoServer(payloadBytes, Long.MAX_VALUE);
    }

    /** Closes the first connection it accepted after echoing {@code requests} requests on it. */
    static CountingEchoServer hangingUpFirstAfter(int payloadBytes, long requests) throws IOException {
        return new CountingEchoServer(payloadBytes, requests);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    int accepted() {
        return accepted.get();
    }

    long echoed() {
        return echoed.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                sockets.add(socket);
                boolean first = accepted.getAndIncrement() == 0;
                Thread.ofPlatform().daemon().start(() -> serve(socket, first ? hangUpFirstAfter : Long.MAX_VALUE));
            }
        } catch (IOException e) {
            // The test closed the server.
        }
    }

    private void serve(Socket socket, long hangUpAfter) {
        try (socket) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] request = new byte[payloadBytes];
            for (long i = 0; i < hangUpAfter; i++) {
                in.readFully(request);
                echoed.incrementAndGet();
                out.write(request);
            }
        } catch (IOException e) {
            // The client closed the connection or the test closed the server.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(Shutdown::closeQuietly);
        Shutdown.awaitUninterruptibly(acceptor::join);
    }
}
