package threadmill.coroutines

import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readFully
import io.ktor.utils.io.writeFully
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import threadmill.workload.Payloads
import threadmill.workload.RequestFanOut
import threadmill.workload.RequestObserver
import threadmill.workload.Sockets
import java.io.IOException
import java.util.concurrent.atomic.LongAdder
import io.ktor.network.sockets.InetSocketAddress as KtorSocketAddress

/**
 * Workload 2: one coroutine per connection, all children of one `coroutineScope`, which
 * returns when every connection is done and fails as a whole on the first failed one (the
 * others are cancelled, their sockets closed). The calling coroutine's dispatcher runs the
 * connections ([kotlinx.coroutines.Dispatchers.Default] in the runtime).
 *
 * @return the number of bytes echoed and checked
 * @throws IOException naming the target when it cannot be reached or a connection fails
 */
internal suspend fun requestFanOut(selector: SelectorManager, workload: RequestFanOut, observer: RequestObserver): Long {
    val target = Sockets.resolved(workload.target())
    // ktor's address made from the resolved bytes: no name lookup per connection.
    val remote = KtorSocketAddress(target.address.address, target.port)
    val bytes = LongAdder()
    coroutineScope {
        repeat(workload.connections()) { connection ->
            launch {
                val socket = connect(selector, remote, workload)
                bytes.add(roundTrips(socket, connection, workload, observer))
            }
        }
    }
    return bytes.sum()
}

private suspend fun connect(selector: SelectorManager, remote: KtorSocketAddress, workload: RequestFanOut): Socket =
    try {
        // TCP_NODELAY is ktor's default for a client socket, as it is set by every other runtime.
        aSocket(selector).tcp().connect(remote)
    } catch (e: IOException) {
        throw Sockets.connectFailed(workload.target(), e)
    }

/**
 * R round trips on one connection through ktor's byte channels: write the payload and flush,
 * read as many bytes back, check them. One array per connection holds each request and then
 * its echo. After the last echo the socket is closed and its closing awaited, so that a
 * fan-out ends with its sockets closed, as the blocking runtimes' do; a failure closes the
 * socket without waiting (a write stuck on a peer that does not read would never finish).
 */
private suspend fun roundTrips(socket: Socket, connection: Int, workload: RequestFanOut, observer: RequestObserver): Long {
    socket.use {
        try {
            val input = socket.openReadChannel()
            val output = socket.openWriteChannel()
            val payload = ByteArray(workload.payloadBytes())
            repeat(workload.requestsPerConnection()) { request ->
                Payloads.fill(payload, connection, request)
                observer.sending(connection, request)
                output.writeFully(payload)
                output.flush()
                input.readFully(payload)
                if (!Payloads.matches(payload, payload.size, connection, request)) {
                    throw Payloads.mismatch(connection, request)
                }
                observer.echoed(connection, request)
            }
        } catch (e: IOException) {
            throw IOException(
                "connection $connection to ${Sockets.format(workload.target())} failed: ${e.message}", e)
        }
        socket.close()
        socket.socketContext.join()
    }
    return workload.requestsPerConnection().toLong() * workload.payloadBytes()
}
