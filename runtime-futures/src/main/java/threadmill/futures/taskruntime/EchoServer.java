package threadmill.futures.taskruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import threadmill.futures.Context;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.executor.WorkerPool;
import threadmill.futures.net.TcpListener;
import threadmill.futures.net.TcpStream;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.time.Sleep;
import threadmill.workload.RunningServer;
import threadmill.workload.Sockets;

/**
 * Workload 3 on the futures runtime: an accept-loop task that spawns one {@link EchoConnection}
 * task per accepted connection. Closing the server closes the listener and every connection
 * still open; their tasks are woken and end. A failed accept while the listener is open (e.g.
 * EMFILE) is reported and retried after {@link Sockets#ACCEPT_BACK_OFF}, on a timer, as the
 * neutral and blocking servers do on a sleeping thread.
 */
final class EchoServer implements RunningServer {

    private final WorkerPool pool;
    private final TcpListener listener;
    private final Function<Context, Poll<TcpStream>> accept;
    private final Set<TcpStream> open = ConcurrentHashMap.newKeySet();
    private final JoinHandle<Void> acceptLoop;

    EchoServer(WorkerPool pool, InetSocketAddress bind) throws IOException {
        this(pool, TcpListener.bind(bind));
    }

    private EchoServer(WorkerPool pool, TcpListener listener) {
        this(pool, listener, listener::pollAccept);
    }

    /**
     * A server on {@code listener} whose accept loop takes each connection from {@code accept}
     * (the listener's {@link TcpListener#pollAccept}; a test's stand-in can fail it).
     */
    EchoServer(WorkerPool pool, TcpListener listener, Function<Context, Poll<TcpStream>> accept) {
        this.pool = pool;
        this.listener = listener;
        this.accept = accept;
        try {
            this.acceptLoop = pool.spawn(new AcceptLoop());
        } catch (RuntimeException | Error e) {
            listener.close();
            throw e;
        }
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

    /**
     * {@code loop { match listener.accept().await { Ok(s) => spawn(echo(s)), Err(_) if closed =>
     * return, Err(e) => { report(e); sleep(ACCEPT_BACK_OFF).await } } }}
     */
    private final class AcceptLoop implements Future<Void> {

        private Sleep backOff;

        @Override
        public Poll<Void> poll(Context cx) {
            for (int i = 0; i < CoopBudget.ITERATIONS_PER_POLL; i++) {
                if (backOff != null) {
                    if (backOff.poll(cx).isPending()) {
                        return Poll.pending();
                    }
                    backOff = null;
                }
                Poll<TcpStream> accepted;
                try {
                    accepted = accept.apply(cx);
                } catch (UncheckedIOException e) {
                    if (!listener.isOpen()) {
                        return Poll.ready(null);
                    }
                    IOException failure = e.getCause();
                    Sockets.reportAcceptFailure(listener.localAddress(),
                            failure.getCause() instanceof IOException original ? original : failure);
                    backOff = Futures.sleep(Sockets.ACCEPT_BACK_OFF);
                    continue;
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

        @Override
        public void cancel() {
            if (backOff != null) {
                backOff.cancel();
                backOff = null;
            }
        }
    }
}
