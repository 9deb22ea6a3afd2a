package threadmill.blocking;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import threadmill.workload.Payloads;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RequestObserver;
import threadmill.workload.Sockets;

/**
 * One task of a request fan-out in blocking style: connect, R round trips over the socket's
 * streams, close. No socket timeouts: a timed read takes another path through the JDK
 * (non-blocking read plus poll) on platform threads, which would not be the plain blocking
 * code this runtime family is about.
 */
final class EchoClient {

    private EchoClient() {
    }

    /** Does connection {@code connection}'s round trips and returns the bytes echoed. */
    static long roundTrips(RequestFanOut workload, int connection, RequestObserver observer) throws IOException {
        Socket socket = connect(workload.target());
        try (socket) {
            byte[] payload = new byte[workload.payloadBytes()];
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (int request = 0; request < workload.requestsPerConnection(); request++) {
                Payloads.fill(payload, connection, request);
                observer.sending(connection, request);
                out.write(payload);
                in.readFully(payload);
                if (!Payloads.matches(payload, payload.length, connection, request)) {
                    throw Payloads.mismatch(connection, request);
                }
                observer.echoed(connection, request);
            }
            return (long) workload.requestsPerConnection() * payload.length;
        } catch (IOException e) {
            throw new IOException("connection " + connection + " to " + Sockets.format(workload.target())
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static Socket connect(InetSocketAddress target) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(target);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw Sockets.connectFailed(target, e);
        }
    }
}
