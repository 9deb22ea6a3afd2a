//! `sleep10s <tasks>`: the published experiment (pkolaczk's and hez2010's
//! async-runtimes-benchmarks, Rust tokio): spawn N tasks that each sleep 10 s, keeping their
//! join handles in a vector, then await every handle in spawn order. Its line is a
//! probe.jsonl line of experiment `sleep10s` (RAW-FORMAT.md): wall time from the first spawn
//! to the last join, the spawn phase, peak RSS (VmHWM, as `/usr/bin/time` reports) and the
//! process's CPU time. `--task` chooses which of the two published programs' futures each
//! task is (see [`SleepTask`]).

use std::future::Future;
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use crate::cli::{self, Args, UsageError};
use crate::json::Object;
use crate::probe_line::{self, nanos};
use crate::process::{ProcStatus, Uptime};
use crate::runtime;
use crate::tasks::{self, SleepTask};

pub const USAGE: &str =
    "sleep10s <tasks> [--sleep-ms 10000] [--task async-sleep|sleep] [--workers N]";
const OPTIONS: &[&str] = &["sleep-ms", "task", "workers"];

/// Tasks one run may spawn (each holds a task allocation of about a kilobyte while it sleeps).
pub const TASKS: std::ops::RangeInclusive<u64> = 1..=100_000_000;
/// The sleep: zero up to a day.
const SLEEP_MILLIS: std::ops::RangeInclusive<u64> = 0..=86_400_000;
const DEFAULT_SLEEP_MILLIS: u64 = 10_000;

/// The checked command line of one run.
pub struct Sleep10s {
    tasks: usize,
    sleep: Duration,
    task: SleepTask,
    workers: usize,
}

/// `--task`, checked.
pub fn task_option(args: &Args) -> Result<SleepTask, UsageError> {
    let name = args.choice("task", &SleepTask::NAMES)?;
    Ok(SleepTask::named(name).expect("choice() returns one of the names"))
}

impl Sleep10s {
    pub fn parse(args: &[String]) -> Result<Sleep10s, UsageError> {
        let args = Args::parse(args, OPTIONS)?;
        let tasks = cli::count("tasks", args.only_positional("tasks")?, TASKS)? as usize;
        Ok(Sleep10s {
            tasks,
            sleep: cli::millis(&args, "sleep-ms", DEFAULT_SLEEP_MILLIS, SLEEP_MILLIS)?,
            task: task_option(&args)?,
            workers: runtime::worker_threads(&args)?,
        })
    }

    /// Runs the experiment and returns its line (status failed, with the first join error,
    /// when a task did not complete).
    pub fn run(&self, uptime: &Uptime) -> std::io::Result<Object> {
        let runtime = runtime::build(self.workers)?;
        let mut line = probe_line::new_line(
            "sleep10s",
            self.tasks,
            self.sleep,
            self.workers,
            self.task.name(),
        );
        let sleep = self.sleep;
        let outcome = match self.task {
            SleepTask::AsyncSleep => {
                runtime.block_on(spawn_and_join(self.tasks, || tasks::async_sleep(sleep)))
            }
            SleepTask::Sleep => {
                runtime.block_on(spawn_and_join(self.tasks, || tasks::sleep(sleep)))
            }
        };
        line.set("spawnNanos", nanos(outcome.spawned));
        line.set("completeNanos", nanos(outcome.wall));
        line.set("wallNanos", nanos(outcome.wall));
        ProcStatus::of_this_process().put_into(&mut line);
        uptime.put_cpu_into(&mut line);
        line.set("joinedTasks", outcome.joined);
        if let Some(error) = outcome.first_error {
            probe_line::fail(&mut line, &error);
        }
        Ok(line)
    }
}

/// Times of one spawn-and-join, from the first spawn.
struct Outcome {
    spawned: Duration,
    wall: Duration,
    joined: usize,
    first_error: Option<String>,
}

/// Spawns `tasks` tasks made by `task`, pushing each join handle into a vector sized up front,
/// then awaits the handles in spawn order.
async fn spawn_and_join<F>(tasks: usize, task: impl Fn() -> F) -> Outcome
where
    F: Future<Output = ()> + Send + 'static,
{
    let mut handles: Vec<JoinHandle<()>> = Vec::with_capacity(tasks);
    let start = Instant::now();
    for _ in 0..tasks {
        handles.push(tokio::spawn(task()));
    }
    let spawned = start.elapsed();
    let mut joined = 0;
    let mut first_error = None;
    for handle in handles {
        match handle.await {
            Ok(()) => joined += 1,
            Err(error) => {
                first_error.get_or_insert_with(|| format!("a task failed: {error}"));
            }
        }
    }
    Outcome {
        spawned,
        wall: start.elapsed(),
        joined,
        first_error,
    }
}
