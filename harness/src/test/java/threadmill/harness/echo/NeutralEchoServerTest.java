package threadmill.harness.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadmill.workload.Payloads;
import threadmill.harness.ChildProcess;
import threadmill.workload.Sockets;

@Timeout(60)
class NeutralEchoServerTest {

    @Test
    void echoesLargePayloadsWrittenWithoutReading() throws IOException, InterruptedException {
        try (NeutralEchoServer server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 2);
                Socket socket = new Socket()) {
            socket.connect(server.address());
            // 4 MiB written before anything is read: more than both socket buffers hold, so
            // the server meets a full send buffer and must hold off reading until it drains.
            byte[] sent = new byte[4 << 20];
            Payloads.fill(sent, 7, 3);
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    socket.getOutputStream().write(sent);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] echoed = new byte[sent.length];
            new DataInputStream(socket.getInputStream()).readFully(echoed);
            writer.join();
            assertTrue(Payloads.matches(echoed, echoed.length, 7, 3));
        }
    }

    @Test
    void servesManyConnectionsAtOnce() throws IOException {
        try (NeutralEchoServer server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 3)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    Socket socket = new Socket();
                    sockets.add(socket);
                    socket.connect(server.address());
                    socket.getOutputStream().write(new byte[] {(byte) i});
                }
                for (int i = 0; i < sockets.size(); i++) {
                    assertEquals(i, sockets.get(i).getInputStream().read());
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void closeClosesOpenConnectionsAndStopsItsThreads() throws IOException {
        NeutralEchoServer server = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 2);
        String threadPrefix = "neutral-echo-" + server.address().getPort() + "-";
        try (Socket socket = new Socket()) {
            socket.connect(server.address());
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(1);
            assertEquals(1, in.read());

            server.close();

            assertEquals(-1, in.read(), "the server closed the connection");
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(threadPrefix)));
        }
    }

    @Test
    void portInUseIsNamed() throws IOException {
        try (NeutralEchoServer first = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 1)) {
            InetSocketAddress taken = first.address();
            IOException error = assertThrows(IOException.class, () -> NeutralEchoServer.start(taken, 1));
            assertTrue(error.getMessage().contains(Sockets.format(taken)), error.getMessage());
        }
    }

    @Test
    void loopsAreValidated() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NeutralEchoServer.start(Sockets.DEFAULT_BIND, 0));
        assertEquals("loops must be between 1 and 256, was 0", error.getMessage());
    }

    @Test
    void mainAnnouncesItsPortAndStopsWhenStdinCloses() throws IOException, InterruptedException {
        ChildProcess child = ChildProcess.startServer(NeutralEchoServer.class, List.of("-Xmx64m"),
                List.of("127.0.0.1:0", "--loops", "1"), Duration.ofSeconds(30));
        try (child; Socket socket = new Socket()) {
            socket.connect(child.address());
            socket.getOutputStream().write(42);
            assertEquals(42, socket.getInputStream().read());
        }
        assertTrue(!child.process().isAlive(), "the child exited");
    }

    @Test
    void mainWithBadArgumentsFailsWithTheMessage() throws IOException {
        try (ChildProcess child = ChildProcess.start(NeutralEchoServer.class, List.of("-Xmx64m"), List.of("--loops", "x"))) {
            IOException error = assertThrows(IOException.class, () -> child.awaitListening(Duration.ofSeconds(30)));
            assertTrue(error.getMessage().contains("--loops must be a whole number, was 'x'"), error.getMessage());
            assertTrue(error.getMessage().contains("exit code 2"), error.getMessage());
        }
    }
}
