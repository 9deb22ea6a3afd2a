package threadmill.coroutines

import io.ktor.network.selector.Selectable
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.ServerSocket
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.copyTo
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import threadmill.workload.RunningServer
import threadmill.workload.Shutdown
import threadmill.workload.Sockets
import java.io.IOException
import java.net.InetAddress
import java.net.InetSocketAddress
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import io.ktor.network.sockets.InetSocketAddress as KtorSocketAddress

/**
 * Workload 3 as ktor's documentation writes a socket server: an accept loop that launches one
 * coroutine per connection, which copies the socket's read channel into its write channel
 * until the client closes. The connections are children of the accept loop, so cancelling
 * the loop cancels them; each closes its socket as it ends, and the loop closes the listener.
 */
internal class CoroutineEchoServer private constructor(
    scope: CoroutineScope,
    private val listener: ServerSocket,
    private val address: InetSocketAddress,
) : RunningServer {

    private val acceptLoop: Job = scope.launch { acceptConnections() }

    override fun address(): InetSocketAddress = address

    /**
     * Cancels the accept loop and every connection and returns once they have ended: the
     * listening socket is closed in the kernel (see [awaitListenerReleased]), and every
     * connection's socket is closing (see [echo]).
     */
    override fun close() {
        Shutdown.awaitUninterruptibly { runBlocking { acceptLoop.cancelAndJoin() } }
        // A loop cancelled before it first ran never reached its finally block.
        listener.close()
        awaitListenerReleased()
    }

    /**
     * Closing a channel that is registered with a selector only marks it closed: the JDK
     * closes the descriptor when that selector next deregisters the cancelled key, on ktor's
     * selector thread. Until then the kernel keeps completing connections into the backlog,
     * so a server that returned from close() would still accept. Waits for the
     * deregistration, which ktor's close wakes the selector for.
     */
    private fun awaitListenerReleased() {
        val channel = (listener as? Selectable)?.channel ?: return
        val deadline = System.nanoTime() + LISTENER_RELEASE_LIMIT.inWholeNanoseconds
        while (channel.isRegistered) {
            if (System.nanoTime() - deadline > 0) {
                throw IllegalStateException(
                    "echo server ${Sockets.format(address)}: the listener was not released by ktor's " +
                        "selector within $LISTENER_RELEASE_LIMIT")
            }
            Thread.sleep(1)
        }
    }

    private suspend fun acceptConnections() = coroutineScope {
        try {
            while (isActive) {
                val connection = try {
                    listener.accept()
                } catch (e: IOException) {
                    // Typically EMFILE (ulimit -n) while the listener is open: say so and back off
                    // rather than spin on a full descriptor table, as every runtime's server does.
                    System.err.println("echo server ${Sockets.format(address)}: accept failed: ${e.message}")
                    delay(ACCEPT_BACKOFF)
                    continue
                }
                launch { echo(connection) }
            }
        } finally {
            listener.close()
        }
    }

    /**
     * Echoes until the client closes. A connection error ends the connection (as a server
     * would log and drop it), not the server. Closing a ktor socket is asynchronous: a
     * coroutine of the socket's own flushes what is left to write, then closes the channel; it
     * is not awaited here, because a client that stopped reading would keep that flush, and so
     * the server's close, waiting forever.
     */
    private suspend fun echo(socket: Socket) {
        socket.use {
            try {
                socket.openReadChannel().copyTo(socket.openWriteChannel())
            } catch (e: IOException) {
                // Dropped: see above.
            }
        }
    }

    companion object {

        private val ACCEPT_BACKOFF = 100.milliseconds

        /** How long close() waits for ktor's selector thread to release the listener: it is woken for it, so a limit far above a scheduling delay only catches a stuck selector. */
        private val LISTENER_RELEASE_LIMIT = 5.seconds

        /**
         * Binds [bind] (backlog [Sockets.LISTEN_BACKLOG], as every runtime's server asks) and
         * starts the accept loop in [scope].
         *
         * @throws IOException naming the address when it cannot be bound
         */
        fun start(scope: CoroutineScope, selector: SelectorManager, bind: InetSocketAddress): CoroutineEchoServer {
            val resolved = Sockets.resolved(bind)
            val listener = try {
                // Binding does not suspend: ktor's bind is a suspend function only by signature.
                runBlocking {
                    aSocket(selector).tcp().bind(KtorSocketAddress(resolved.address.address, resolved.port)) {
                        backlogSize = Sockets.LISTEN_BACKLOG
                    }
                }
            } catch (e: IOException) {
                throw Sockets.listenFailed(bind, e)
            }
            val bound = listener.localAddress as KtorSocketAddress
            val address = InetSocketAddress(InetAddress.getByAddress(bound.resolveAddress()), bound.port)
            return CoroutineEchoServer(scope, listener, address)
        }
    }
}
