//! The one runtime every command runs on: tokio's multi-thread scheduler with its I/O and time
//! drivers, built as `#[tokio::main]` builds it, and the fields every JSON line shares.

use std::io;
use std::ops::RangeInclusive;

use tokio::runtime::{Builder, Runtime};

use crate::cli::{Args, UsageError};
use crate::json::Object;

/// The tokio version Cargo resolved this binary against (from Cargo.lock, see build.rs).
pub const TOKIO_VERSION: &str = env!("THREADMILL_TOKIO_VERSION");
/// `rustc --version` of the compiler that built this binary.
pub const RUSTC_VERSION: &str = env!("THREADMILL_RUSTC_VERSION");
/// The target triple this binary was built for.
pub const TARGET: &str = env!("THREADMILL_TARGET");
/// Cargo's profile (`release` from build.sh) and rustc's optimization level.
pub const PROFILE: &str = env!("THREADMILL_PROFILE");
pub const OPT_LEVEL: &str = env!("THREADMILL_OPT_LEVEL");

/// The runtime's name in Threadmill's raw files.
pub const RUNTIME_NAME: &str = "tokio";

/// Most worker threads a command may ask for.
pub const WORKERS: RangeInclusive<u64> = 1..=1024;

/// How many worker threads the scheduler runs: `--workers` when given, else what tokio itself
/// would pick, `TOKIO_WORKER_THREADS` or one per CPU this process may run on (num_cpus
/// counts the affinity mask and the cgroup quota, so `taskset -c 0` gives one worker).
/// Passing the number explicitly lets the line record it and turns a bad environment
/// variable into a usage error instead of a panic inside tokio.
pub fn worker_threads(args: &Args) -> Result<usize, UsageError> {
    if let Some(workers) = args.optional_count("workers", WORKERS)? {
        return Ok(workers as usize);
    }
    match std::env::var("TOKIO_WORKER_THREADS") {
        Ok(text) => crate::cli::count("TOKIO_WORKER_THREADS", &text, WORKERS).map(|n| n as usize),
        Err(std::env::VarError::NotPresent) => Ok(num_cpus::get().max(1)),
        Err(std::env::VarError::NotUnicode(text)) => Err(UsageError(format!(
            "TOKIO_WORKER_THREADS must be a whole number from {} to {}, was {text:?}",
            WORKERS.start(),
            WORKERS.end()
        ))),
    }
}

/// A multi-thread runtime with `workers` workers and every driver enabled: what
/// `#[tokio::main]` expands to (`Builder::new_multi_thread().enable_all().build()`), the
/// published experiment's runtime. The future passed to `block_on` runs on the calling thread,
/// not on a worker, so its spawns go through the scheduler's injection queue, as the published
/// `main` does.
pub fn build(workers: usize) -> io::Result<Runtime> {
    Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
}

/// A line with the fields every output line starts with.
pub fn line() -> Object {
    Object::new()
        .put("runtime", RUNTIME_NAME)
        .put("tokioVersion", TOKIO_VERSION)
}
