//! `spawn <tasks>`: what spawning costs, as the JVM side's `SpawnBenchmark.spawn` and
//! `CreationBenchmark.spawnAndJoin` define it. One iteration is one fan-out: spawn N tasks
//! that return their index at once (the handles go into a vector sized before the clock
//! starts), then await every handle and check the sum. `spawn` is the time until the last
//! spawn returned, `spawnAndJoin` until the last handle was joined, each divided by N. The
//! tasks run on the workers while the loop spawns, as they would in a program.
//!
//! `--spawner main` (the default) spawns from the thread that called `block_on`, as the
//! published experiment's `main` and the JVM benchmarks' own thread do: every spawn goes
//! through the scheduler's injection queue. `--spawner worker` runs the fan-out inside a task,
//! so spawns go to that worker's own run queue (a task spawning subtasks).
//!
//! Output: a line per iteration, warm-up included, then one result line per metric in the
//! shape of a JMH result (primaryMetric.score, scoreError, scoreConfidence, rawData), the
//! error being the half-width of the 99.9% Student t interval over the measured iterations.

use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use crate::cli::{self, Args, UsageError};
use crate::json::{Json, Object};
use crate::runtime;
use crate::stats::{Score, CONFIDENCE};
use crate::tasks;

pub const USAGE: &str =
    "spawn <tasks> [--iterations 10] [--warmup 5] [--spawner main|worker] [--workers N]";
const OPTIONS: &[&str] = &["iterations", "warmup", "spawner", "workers"];

/// Tasks of one fan-out: all are alive at once until joined.
const TASKS: std::ops::RangeInclusive<u64> = 1..=10_000_000;
const ITERATIONS: std::ops::RangeInclusive<u64> = 1..=10_000;
const WARMUP: std::ops::RangeInclusive<u64> = 0..=10_000;
const DEFAULT_ITERATIONS: u64 = 10;
const DEFAULT_WARMUP: u64 = 5;
const SPAWNERS: [&str; 2] = ["main", "worker"];

/// The checked command line.
pub struct SpawnCost {
    tasks: usize,
    iterations: usize,
    warmup: usize,
    spawner: &'static str,
    workers: usize,
}

/// One fan-out's times.
#[derive(Debug, Clone, Copy)]
struct FanOut {
    spawn: Duration,
    spawn_and_join: Duration,
}

impl SpawnCost {
    pub fn parse(args: &[String]) -> Result<SpawnCost, UsageError> {
        let args = Args::parse(args, OPTIONS)?;
        let tasks = cli::count("tasks", args.only_positional("tasks")?, TASKS)? as usize;
        Ok(SpawnCost {
            tasks,
            iterations: args.count_or("iterations", DEFAULT_ITERATIONS, ITERATIONS)? as usize,
            warmup: args.count_or("warmup", DEFAULT_WARMUP, WARMUP)? as usize,
            spawner: args.choice("spawner", &SPAWNERS)?,
            workers: runtime::worker_threads(&args)?,
        })
    }

    /// Runs every iteration, handing each line to `print` as soon as it is measured (so a
    /// run stopped midway keeps what it measured), and returns the two result lines.
    pub fn run(&self, mut print: impl FnMut(&Object)) -> std::io::Result<Vec<Object>> {
        let runtime = runtime::build(self.workers)?;
        let mut measured = Vec::with_capacity(self.iterations);
        for iteration in 0..self.warmup + self.iterations {
            let tasks = self.tasks;
            let fan_out = match self.spawner {
                "main" => runtime.block_on(fan_out(tasks)),
                _ => runtime.block_on(async move {
                    tokio::spawn(fan_out(tasks))
                        .await
                        .expect("the fan-out task panicked")
                }),
            };
            let warmup = iteration < self.warmup;
            print(&self.iteration_line(iteration, warmup, fan_out));
            if !warmup {
                measured.push(fan_out);
            }
        }
        Ok(vec![
            self.result_line("spawn", measured.iter().map(|f| f.spawn).collect()),
            self.result_line(
                "spawnAndJoin",
                measured.iter().map(|f| f.spawn_and_join).collect(),
            ),
        ])
    }

    fn params(&self) -> Object {
        Object::new()
            .put("tasks", self.tasks)
            .put("spawner", self.spawner)
            .put("workerThreads", self.workers)
    }

    fn per_task(&self, duration: Duration) -> f64 {
        duration.as_nanos() as f64 / self.tasks as f64
    }

    fn iteration_line(&self, iteration: usize, warmup: bool, fan_out: FanOut) -> Object {
        runtime::line()
            .put("kind", "iteration")
            .put("params", self.params())
            .put("iteration", iteration + 1)
            .put("warmup", warmup)
            .put("spawnNanos", fan_out.spawn.as_nanos() as u64)
            .put(
                "spawnAndJoinNanos",
                fan_out.spawn_and_join.as_nanos() as u64,
            )
            .put("spawnNanosPerTask", self.per_task(fan_out.spawn))
            .put(
                "spawnAndJoinNanosPerTask",
                self.per_task(fan_out.spawn_and_join),
            )
    }

    fn result_line(&self, benchmark: &str, durations: Vec<Duration>) -> Object {
        let per_task: Vec<f64> = durations.into_iter().map(|d| self.per_task(d)).collect();
        let score = Score::of(&per_task);
        runtime::line()
            .put("kind", "result")
            .put("benchmark", benchmark)
            .put("mode", "avgt")
            .put("params", self.params())
            .put("warmupIterations", self.warmup)
            .put("measurementIterations", self.iterations)
            .put(
                "primaryMetric",
                Object::new()
                    .put("score", score.mean)
                    .put("scoreError", score.error)
                    .put("scoreConfidence", vec![score.low, score.high])
                    .put("confidenceLevel", CONFIDENCE)
                    .put("scoreUnit", "ns/task")
                    .put("rawData", Json::Array(vec![per_task.into()])),
            )
    }
}

/// Spawns `tasks` tasks that return their index, then joins them all; panics if a task failed
/// or the sum is wrong (the work was not done), which is a bug, not a measurement.
async fn fan_out(tasks: usize) -> FanOut {
    let mut handles: Vec<JoinHandle<u64>> = Vec::with_capacity(tasks);
    let start = Instant::now();
    for index in 0..tasks as u64 {
        handles.push(tokio::spawn(tasks::empty(index)));
    }
    let spawn = start.elapsed();
    let mut sum = 0u64;
    for handle in handles {
        sum += handle.await.expect("an empty task failed");
    }
    let spawn_and_join = start.elapsed();
    let n = tasks as u64;
    assert_eq!(sum, n * (n - 1) / 2, "the tasks' results do not add up");
    FanOut {
        spawn,
        spawn_and_join,
    }
}
