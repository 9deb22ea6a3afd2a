//! `probe <tasks>`: a memory probe point, the way the Java probe (`ProbePoint`, experiment
//! `memory`) takes one: spawn N tasks that sleep far longer than the measurement, wait until
//! every one of them has parked, let the last ones settle, then read VmRSS, VmHWM, VmPTE and
//! the allocator's bytes in use, print one probe.jsonl line and exit without waiting for the
//! tasks. Run it at N and at N = 1: (value(N) − value(1)) / N is what a parked task costs.
//!
//! Each task is the future `sleep10s` spawns (`--task`, the same choice and default) behind a
//! [`Parking`] wrapper that counts the task's polls before handing them on. The wrapper adds
//! no byte to the future (`info` prints both sizes), so the probe measures the very task
//! `sleep10s` spawns. The join handles are kept in a vector, as `sleep10s` keeps them.

use std::future::Future;
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use crate::cli::{self, Args, UsageError};
use crate::json::Object;
use crate::probe_line::{self, nanos};
use crate::process::{self, ProcStatus, Uptime};
use crate::runtime;
use crate::sleep10s;
use crate::tasks::{self, Parking, SleepTask};

pub const USAGE: &str =
    "probe <tasks> [--sleep-ms 600000] [--task async-sleep|sleep] [--workers N]";
const OPTIONS: &[&str] = &["sleep-ms", "task", "workers"];

/// The tasks' sleep: long enough to outlast spawning and measuring (the Java probe's 10 min).
const DEFAULT_SLEEP_MILLIS: u64 = 600_000;
/// At least a second: a sleep that ends before the measurement is reported as a failed point.
const SLEEP_MILLIS: std::ops::RangeInclusive<u64> = 1_000..=86_400_000;
/// Time for the last counted tasks to go from their poll into the timer wheel, and for
/// spawning to settle (the Java probe's SETTLE).
const SETTLE: Duration = Duration::from_millis(500);
/// How often the count of parked tasks is read while waiting for all of them.
const COUNT_INTERVAL: Duration = Duration::from_millis(1);
/// A count that has not grown for this long will not reach N: the point fails instead of
/// waiting for ever.
const STALLED: Duration = Duration::from_secs(10);

/// The checked command line of one point.
pub struct Probe {
    tasks: usize,
    sleep: Duration,
    task: SleepTask,
    workers: usize,
}

impl Probe {
    pub fn parse(args: &[String]) -> Result<Probe, UsageError> {
        let args = Args::parse(args, OPTIONS)?;
        let tasks = cli::count("tasks", args.only_positional("tasks")?, sleep10s::TASKS)? as usize;
        Ok(Probe {
            tasks,
            sleep: cli::millis(&args, "sleep-ms", DEFAULT_SLEEP_MILLIS, SLEEP_MILLIS)?,
            task: sleep10s::task_option(&args)?,
            workers: runtime::worker_threads(&args)?,
        })
    }

    /// Takes the point and returns its line; the tasks are still asleep, and the caller exits.
    pub fn run(&self, uptime: &Uptime) -> std::io::Result<Object> {
        let runtime = runtime::build(self.workers)?;
        let mut line = probe_line::new_line(
            "memory",
            self.tasks,
            self.sleep,
            self.workers,
            self.task.name(),
        );
        let sleep = self.sleep;
        let handles = match self.task {
            SleepTask::AsyncSleep => {
                runtime.block_on(self.measure(&mut line, || tasks::async_sleep(sleep)))
            }
            SleepTask::Sleep => runtime.block_on(self.measure(&mut line, || tasks::sleep(sleep))),
        };
        uptime.put_cpu_into(&mut line);
        // The tasks and the runtime are left to the process's exit: dropping them would
        // cancel N tasks the line does not need.
        std::mem::forget(handles);
        std::mem::forget(runtime);
        Ok(line)
    }

    async fn measure<F>(&self, line: &mut Object, task: impl Fn() -> F) -> Vec<JoinHandle<()>>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let mut handles = Vec::with_capacity(self.tasks);
        let polls_before = tasks::parking_polls();
        let start = Instant::now();
        for _ in 0..self.tasks {
            handles.push(tokio::spawn(Parking::new(task())));
        }
        line.set("spawnNanos", nanos(start.elapsed()));
        let parked = await_parked(polls_before, self.tasks).await;
        line.set("parkedNanos", nanos(parked.at - start));
        line.set("parkedTasks", parked.count);
        tokio::time::sleep(SETTLE).await;
        ProcStatus::of_this_process().put_into(line);
        line.set("mallocInUseBytes", process::malloc_in_use_bytes());
        if parked.count < self.tasks {
            probe_line::fail(
                line,
                &format!(
                    "only {} of {} tasks parked; the count stopped growing for {} s",
                    parked.count,
                    self.tasks,
                    STALLED.as_secs()
                ),
            );
        } else if start.elapsed() >= self.sleep {
            probe_line::fail(
                line,
                &format!(
                    "the first tasks' sleeps ended before the measurement ({} ms after the first spawn, sleep {} ms): give a longer --sleep-ms",
                    start.elapsed().as_millis(),
                    self.sleep.as_millis()
                ),
            );
        }
        handles
    }
}

/// How many tasks had parked, and when the count last grew.
struct Parked {
    count: usize,
    at: Instant,
}

/// Waits until `tasks` tasks have parked (counted from `polls_before`), or the count has
/// stopped growing for [`STALLED`].
async fn await_parked(polls_before: usize, tasks: usize) -> Parked {
    let mut last = Parked {
        count: tasks::parking_polls() - polls_before,
        at: Instant::now(),
    };
    loop {
        let now = tasks::parking_polls() - polls_before;
        if now != last.count {
            last = Parked {
                count: now,
                at: Instant::now(),
            };
        }
        if now >= tasks || last.at.elapsed() >= STALLED {
            last.count = last.count.min(tasks);
            return last;
        }
        tokio::time::sleep(COUNT_INTERVAL).await;
    }
}
