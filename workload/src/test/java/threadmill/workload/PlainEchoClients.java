package threadmill.workload;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients of a runtime's echo server in plain JDK code, for the contract tests: a platform
 * thread per connection, all connected at once, each doing its round trips and checking every
 * echoed byte against {@link Payloads}.
 */
public final class PlainEchoClients {

    private PlainEchoClients() {
    }

    /**
     * Opens {@code connections} connections to {@code server} at once, does {@code requests}
     * round trips of {@code payloadBytes} on each, and returns the bytes echoed and checked.
     *
     * @throws IOException the first failure of any connection, e.g. a wrong echo or a reset
     */
    public static long roundTrips(InetSocketAddress server, int connections, int requests, int payloadBytes)
            throws IOException, InterruptedException {
        AtomicLong echoed = new AtomicLong();
        AtomicReference<IOException> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            clients.add(Thread.ofPlatform().name("plain-echo-client-" + c).start(() -> {
                try {
                    echoed.addAndGet(oneConnection(server, connection, requests, payloadBytes));
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return echoed.get();
    }

    private static long oneConnection(InetSocketAddress server, int connection, int requests, int payloadBytes)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(server);
            byte[] payload = new byte[payloadBytes];
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (int request = 0; request < requests; request++) {
                Payloads.fill(payload, connection, request);
                socket.getOutputStream().write(payload);
                in.readFully(payload);
                if (!Payloads.matches(payload, payloadBytes, connection, request)) {
                    throw new IOException(Payloads.mismatch(connection, request).getMessage());
                }
            }
            return (long) requests * payloadBytes;
        }
    }
}
