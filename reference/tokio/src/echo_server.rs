//! `echo-server`: the steady-state echo server of the pinned server comparison, written as
//! tokio's own echo example writes one: an accept loop that spawns a task per connection, and
//! each task reads into a buffer of its own and writes back what it read until the client
//! closes. The contract is the JVM servers' (`TaskRuntime.startEchoServer`,
//! `NeutralEchoServer`): loopback by default, TCP_NODELAY on every connection, a listen backlog
//! of 4096 (`Sockets.LISTEN_BACKLOG`), a connection error ends that connection only.
//!
//! The parent protocol is `threadmill.workload.net.ChildProcess`'s: the first stdout line is
//! `listening host:port` once bound; the server stops when its standard input ends (the parent
//! closed it or died) or on SIGTERM or SIGINT. It then stops accepting, prints one JSON line
//! (what it served and what it cost), closes every connection and exits with 0.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::signal::unix::{signal, SignalKind};

use crate::cli::{self, Args, UsageError};
use crate::json::Object;
use crate::process::{ProcStatus, Uptime};
use crate::runtime;

pub const USAGE: &str =
    "echo-server [--bind 127.0.0.1:0] [--workers N] [--buffer-bytes 4096] [--stdin watch|ignore]";
const OPTIONS: &[&str] = &["bind", "workers", "buffer-bytes", "stdin"];

/// What the parent looks for (`ChildProcess.LISTENING`).
pub const LISTENING: &str = "listening ";
/// The accept queue every Threadmill server asks for (`Sockets.LISTEN_BACKLOG`).
const LISTEN_BACKLOG: u32 = 4096;
const DEFAULT_BIND: &str = "127.0.0.1:0";
/// Each connection's read buffer: the most one read takes and one write sends back. tokio's
/// echo example uses a buffer per connection; a few kilobytes hold any request of the
/// comparison whole, and the buffer is what an idle connection costs beyond its task.
const DEFAULT_BUFFER_BYTES: u64 = 4096;
const BUFFER_BYTES: std::ops::RangeInclusive<u64> = 1..=1 << 20;
/// The checked command line.
pub struct EchoServer {
    bind: SocketAddr,
    workers: usize,
    buffer_bytes: usize,
    watch_stdin: bool,
}

impl EchoServer {
    pub fn parse(args: &[String]) -> Result<EchoServer, UsageError> {
        let args = Args::parse(args, OPTIONS)?;
        args.no_positionals()?;
        Ok(EchoServer {
            bind: cli::address("--bind", args.option("bind").unwrap_or(DEFAULT_BIND))?,
            workers: runtime::worker_threads(&args)?,
            buffer_bytes: args.count_or("buffer-bytes", DEFAULT_BUFFER_BYTES, BUFFER_BYTES)?
                as usize,
            watch_stdin: args.choice("stdin", &["watch", "ignore"])? == "watch",
        })
    }

    /// Serves until told to stop and returns the line to print then; an error if it cannot
    /// listen.
    pub fn run(&self, uptime: &Uptime) -> io::Result<Object> {
        /// How long connection tasks get to end once the server stops.
        const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);
        let runtime = runtime::build(self.workers)?;
        let line = runtime.block_on(self.serve(uptime))?;
        runtime.shutdown_timeout(SHUTDOWN_GRACE);
        Ok(line)
    }

    async fn serve(&self, uptime: &Uptime) -> io::Result<Object> {
        /// How long the accept loop waits after a failed accept (e.g. EMFILE, out of
        /// descriptors) before it tries again, rather than spin on a full descriptor table (the
        /// JVM servers' back-off).
        const ACCEPT_BACK_OFF: Duration = Duration::from_millis(100);
        let listener = listen(self.bind).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot listen on {}: {e}", cli::format_address(&self.bind)),
            )
        })?;
        let address = listener.local_addr()?;
        // Handlers are in place before the parent learns the address, so that a stop sent
        // right after it is never the default action of the signal.
        let stop = stop_requested(self.watch_stdin)?;
        tokio::pin!(stop);
        {
            let mut out = io::stdout().lock();
            writeln!(out, "{LISTENING}{}", cli::format_address(&address))?;
            out.flush()?;
        }
        let mut accepted: u64 = 0;
        let reason = loop {
            tokio::select! {
                reason = &mut stop => break reason,
                connection = listener.accept() => match connection {
                    Ok((stream, _)) => {
                        accepted += 1;
                        tokio::spawn(echo(stream, self.buffer_bytes));
                    }
                    Err(error) => {
                        eprintln!("echo server {}: accept failed: {error}", cli::format_address(&address));
                        tokio::time::sleep(ACCEPT_BACK_OFF).await;
                    }
                },
            }
        };
        drop(listener);
        let mut line = runtime::line()
            .put("kind", "stopped")
            .put("reason", reason)
            .put("address", cli::format_address(&address))
            .put("workerThreads", self.workers)
            .put("bufferBytes", self.buffer_bytes)
            .put("connectionsAccepted", accepted);
        ProcStatus::of_this_process().put_into(&mut line);
        uptime.put_cpu_into(&mut line);
        Ok(line)
    }
}

/// A listener on `bind` with the common backlog (tokio's `TcpListener::bind` asks for 1024).
fn listen(bind: SocketAddr) -> io::Result<TcpListener> {
    let socket = if bind.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(bind)?;
    socket.listen(LISTEN_BACKLOG)
}

/// One connection: read what is there, write all of it back, until the client closes. An
/// error (a reset, a vanished client) ends this connection as a server would drop it.
async fn echo(mut stream: TcpStream, buffer_bytes: usize) {
    if stream.set_nodelay(true).is_err() {
        return;
    }
    let mut buffer = vec![0u8; buffer_bytes];
    loop {
        let read = match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(read) => read,
        };
        if stream.write_all(&buffer[..read]).await.is_err() {
            return;
        }
    }
}

/// Completes with the reason to stop: SIGTERM, SIGINT, or (when watched) the end of standard
/// input. The signal handlers are installed before this returns.
fn stop_requested(
    watch_stdin: bool,
) -> io::Result<impl std::future::Future<Output = &'static str>> {
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(async move {
        let end_of_input = async {
            if !watch_stdin {
                return std::future::pending().await;
            }
            let mut stdin = tokio::io::stdin();
            let mut discard = [0u8; 256];
            // Only the end matters: the parent is done or gone. A broken stdin means the same.
            while let Ok(read) = stdin.read(&mut discard).await {
                if read == 0 {
                    break;
                }
            }
        };
        tokio::select! {
            _ = terminate.recv() => "SIGTERM",
            _ = interrupt.recv() => "SIGINT",
            _ = end_of_input => "end of standard input",
        }
    })
}
