package threadmill.futures.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import threadmill.futures.Context;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Poll;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.net.TcpListener;
import threadmill.futures.net.TcpStream;
import threadmill.futures.task.JoinHandle;
import threadmill.workload.RunningServer;

/**
 * Workload 3 on the futures runtime: an accept-loop task that spawns one {@link EchoConnection}
 * task per accepted connection. Closing the server closes the listener and every connection
 * still open; their tasks are woken and end.
 */
final class EchoServer implements RunningServer {

    private final WorkerPool pool;
    private final TcpListener listener;
    private final Set<TcpStream> open = ConcurrentHashMap.newKeySet();
    private final JoinHandle<Void> acceptLoop;

    EchoServer(WorkerPool pool, InetSocketAddress bind) throws IOException {
        this.pool = pool;
        this.listener = TcpListener.bind(bind);
        this.acceptLoop = pool.spawn(new AcceptLoop());
    }

    @Override
    public InetSocketAddress address() {
        return listener.localAddress();
    }

    @Override
    public void close() {
        acceptLoop.abort();
        listener.close();
        for (TcpStream stream : open) {
            stream.close();
        }
        open.clear();
    }

    void forget(TcpStream stream) {
        open.remove(stream);
    }

    /** {@code loop { let s = listener.accept().await?; spawn(echo(s)); }} */
    private final class AcceptLoop implements Future<Void> {

        @Override
        public Poll<Void> poll(Context cx) {
            for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
                Poll<TcpStream> accepted;
                try {
                    accepted = listener.pollAccept(cx);
                } catch (UncheckedIOException closed) {
                    return Poll.ready(null);
                }
                if (accepted.isPending()) {
                    return Poll.pending();
                }
                TcpStream stream = accepted.value();
                open.add(stream);
                pool.spawn(new EchoConnection(stream, EchoServer.this));
            }
            return CoopBudget.yieldTo(cx);
        }
    }
}
