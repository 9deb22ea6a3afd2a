//! `info`: what this binary is and what its tasks weigh. The versions come from the build
//! (build.rs); each task's future is the very future its command spawns, sized with
//! `size_of_val`, and `mallocBytesPerTask` is what spawning one such task takes from the
//! allocator (the task's allocation, tokio's header and scheduler fields around the future,
//! with malloc's own chunk overhead): the growth of glibc's bytes in use over a sample of
//! spawned tasks, divided by the sample. The join handles' vector is allocated before the
//! first reading, so it is not counted.
//!
//! These sizes are why one tokio version's memory figure says nothing about another's: the
//! same `spawn(sleep(d))` costs what that version's `Sleep` and task header cost.

use std::future::Future;
use std::mem::{align_of_val, size_of_val};
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::Sleep;

use crate::cli::{Args, UsageError};
use crate::json::{Json, Object};
use crate::process;
use crate::runtime;
use crate::tasks::{self, Parking};

pub const USAGE: &str = "info";

/// Tasks spawned to measure what one takes from the allocator.
const SAMPLE_TASKS: usize = 10_000;
/// A sleep that outlasts the measurement.
const SAMPLE_SLEEP: Duration = Duration::from_secs(3600);

pub struct Info {
    workers: usize,
}

impl Info {
    pub fn parse(args: &[String]) -> Result<Info, UsageError> {
        let args = Args::parse(args, &[])?;
        args.no_positionals()?;
        Ok(Info {
            workers: runtime::worker_threads(&args)?,
        })
    }

    pub fn run(&self) -> std::io::Result<Object> {
        let runtime = runtime::build(self.workers)?;
        let d = SAMPLE_SLEEP;
        let tasks = runtime.block_on(async {
            Object::new()
                .put(
                    "async-sleep",
                    task(
                        "sleep10s --task async-sleep",
                        &tasks::async_sleep(d),
                        || tasks::async_sleep(d),
                    )
                    .await,
                )
                .put(
                    "sleep",
                    task("sleep10s --task sleep", &tasks::sleep(d), || {
                        tasks::sleep(d)
                    })
                    .await,
                )
                .put(
                    "probe-async-sleep",
                    task(
                        "probe --task async-sleep",
                        &Parking::new(tasks::async_sleep(d)),
                        || Parking::new(tasks::async_sleep(d)),
                    )
                    .await,
                )
                .put(
                    "probe-sleep",
                    task("probe --task sleep", &Parking::new(tasks::sleep(d)), || {
                        Parking::new(tasks::sleep(d))
                    })
                    .await,
                )
                .put(
                    "empty",
                    task("spawn", &tasks::empty(0), || tasks::empty(0)).await,
                )
        });
        Ok(runtime::line()
            .put("rustcVersion", runtime::RUSTC_VERSION)
            .put("target", runtime::TARGET)
            .put("profile", runtime::PROFILE)
            .put("optLevel", runtime::OPT_LEVEL)
            .put("defaultWorkerThreads", self.workers)
            .put("sleepBytes", std::mem::size_of::<Sleep>())
            .put("sleepAlign", std::mem::align_of::<Sleep>())
            .put("joinHandleBytes", std::mem::size_of::<JoinHandle<()>>())
            .put("sampleTasks", SAMPLE_TASKS)
            .put("tasks", tasks))
    }
}

/// The size and alignment of `future`, what `command` spawns, and the allocator bytes one
/// spawned task made by `make` takes.
async fn task<F>(command: &str, future: &F, make: impl Fn() -> F) -> Object
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Object::new()
        .put("command", command)
        .put("futureBytes", size_of_val(future))
        .put("futureAlign", align_of_val(future))
        .put("mallocBytesPerTask", malloc_bytes_per_task(make).await)
}

/// Spawns [`SAMPLE_TASKS`] tasks, reads the allocator's bytes in use before and after, then
/// cancels and joins them. Spawning is from the `block_on` thread, as every command spawns.
async fn malloc_bytes_per_task<F>(make: impl Fn() -> F) -> Json
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut handles = Vec::with_capacity(SAMPLE_TASKS);
    let Some(before) = process::malloc_in_use_bytes() else {
        return Json::Null;
    };
    for _ in 0..SAMPLE_TASKS {
        handles.push(tokio::spawn(make()));
    }
    let after = process::malloc_in_use_bytes();
    for handle in &handles {
        handle.abort();
    }
    for handle in handles {
        let _ = handle.await;
    }
    after.map_or(Json::Null, |after| {
        Json::Float((after as f64 - before as f64) / SAMPLE_TASKS as f64)
    })
}
