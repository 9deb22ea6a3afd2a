//! The futures the commands spawn, one function each, so that `info` sizes exactly what
//! `sleep10s`, `probe` and `spawn` run.
//!
//! The two published tokio programs of the sleep experiment spawn different futures:
//! pkolaczk's (2023) spawns `async { sleep(d).await }`, an async block holding the `Sleep`,
//! and hez2010's (2024) spawns the `Sleep` itself, `spawn(sleep(d))`. Both are here as
//! [`SleepTask`]s; the first is the default.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use pin_project_lite::pin_project;

/// What each task of `sleep10s` and `probe` is (`--task`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SleepTask {
    /// `spawn(async { sleep(d).await })`: the task's future is an async block whose state
    /// holds the `Sleep` once first polled (the sleep's deadline is set then).
    AsyncSleep,
    /// `spawn(sleep(d))`: the task's future is the `Sleep` itself, its deadline set when the
    /// spawning loop creates it.
    Sleep,
}

impl SleepTask {
    /// The `--task` values, the default first.
    pub const NAMES: [&'static str; 2] = ["async-sleep", "sleep"];

    pub fn named(name: &str) -> Option<SleepTask> {
        match name {
            "async-sleep" => Some(SleepTask::AsyncSleep),
            "sleep" => Some(SleepTask::Sleep),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SleepTask::AsyncSleep => "async-sleep",
            SleepTask::Sleep => "sleep",
        }
    }
}

/// The [`SleepTask::AsyncSleep`] future, written as the published program writes it: an async
/// block around the sleep.
#[allow(clippy::manual_async_fn)]
pub fn async_sleep(sleep: Duration) -> impl Future<Output = ()> + Send + 'static {
    async move { tokio::time::sleep(sleep).await }
}

/// The [`SleepTask::Sleep`] future.
pub fn sleep(sleep: Duration) -> tokio::time::Sleep {
    tokio::time::sleep(sleep)
}

/// The task of `spawn`: returns its index at once.
pub async fn empty(index: u64) -> u64 {
    index
}

/// Polls of [`Parking`] futures so far: the tasks that have reached their sleep.
static POLLS: AtomicUsize = AtomicUsize::new(0);

/// How many [`Parking`] polls there have been in this process.
pub fn parking_polls() -> usize {
    POLLS.load(Ordering::Relaxed)
}

pin_project! {
    /// A task's future that counts its polls before handing each one on: the Java probe's
    /// `parking` callback. A tokio task is polled when spawned and again only when woken, and
    /// a sleep wakes its task only at the deadline, so until then the count is the number of
    /// tasks that have parked in their sleep. No flag records the first poll, so the wrapper
    /// adds no byte to the future it wraps.
    pub struct Parking<F> {
        #[pin]
        task: F,
    }
}

impl<F> Parking<F> {
    pub fn new(task: F) -> Parking<F> {
        Parking { task }
    }
}

impl<F: Future> Future for Parking<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        POLLS.fetch_add(1, Ordering::Relaxed);
        self.project().task.poll(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of_val;

    #[test]
    fn task_names_round_trip() {
        for name in SleepTask::NAMES {
            assert_eq!(SleepTask::named(name).unwrap().name(), name);
        }
        assert_eq!(SleepTask::named("Sleep"), None);
    }

    #[test]
    fn counting_polls_adds_no_byte_to_the_future() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let _context = runtime.enter();
        let d = Duration::from_secs(1);
        assert_eq!(size_of_val(&Parking::new(sleep(d))), size_of_val(&sleep(d)));
        assert_eq!(
            size_of_val(&Parking::new(async_sleep(d))),
            size_of_val(&async_sleep(d))
        );
    }

    #[test]
    fn each_poll_is_counted_and_handed_on() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let before = parking_polls();
        let value = runtime.block_on(Parking::new(async {
            tokio::task::yield_now().await;
            7
        }));
        assert_eq!(value, 7);
        // One poll that yielded, one that completed (other tests may add to the count too).
        assert!(parking_polls() >= before + 2);
    }
}
