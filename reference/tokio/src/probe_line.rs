//! The probe.jsonl line (RAW-FORMAT.md) that `sleep10s` and `probe` print: the same keys in
//! the same order as the Java probe's `ProbePoint`, every field null until measured, so the
//! suite can append the line as it is. Fields with no meaning here stay null: `jvmFlags`,
//! `warmupTasks` (the JVM points warm up the JIT; a native binary has nothing to warm),
//! `heapUsedAfterGcBytes` and `nmt`. The tokio-specific fields follow them.

use std::time::Duration;

use crate::json::{Json, Object};
use crate::process;
use crate::runtime;

/// Every measured field of RAW-FORMAT's probe line, in its order.
const MEASURED: [&str; 14] = [
    "warmupTasks",
    "spawnNanos",
    "parkedNanos",
    "parkedTasks",
    "heapUsedAfterGcBytes",
    "rssBytes",
    "hwmBytes",
    "pteBytes",
    "nmt",
    "completeNanos",
    "wallNanos",
    "processCpuNanos",
    "uptimeNanos",
    "cpuPercent",
];

/// A line with the point's identity and limits, status ok, every measured field null, then
/// `tokioVersion`, `workerThreads` and `task` (what each task's future is).
pub fn new_line(
    experiment: &str,
    tasks: usize,
    sleep: Duration,
    workers: usize,
    task: &str,
) -> Object {
    let mut line = Object::new()
        .put("experiment", experiment)
        .put("runtime", runtime::RUNTIME_NAME)
        .put("tasks", tasks)
        .put("status", "ok")
        .put("error", Json::Null)
        .put("osLimits", process::os_limits())
        .put("jvmFlags", Json::Null)
        .put("sleepMs", sleep.as_millis() as u64)
        .put("depth", 1u32);
    for field in MEASURED {
        line.set(field, Json::Null);
    }
    line.put("tokioVersion", runtime::TOKIO_VERSION)
        .put("workerThreads", workers)
        .put("task", task)
}

/// Marks the line failed with a one-line error; what it measured stays.
pub fn fail(line: &mut Object, error: &str) {
    line.set("status", "failed");
    line.set("error", error.replace(['\n', '\r'], " "));
}

pub fn nanos(duration: Duration) -> u64 {
    duration.as_nanos() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_line_has_the_java_probe_keys_in_order_then_tokio_s() {
        let line = new_line("memory", 10, Duration::from_millis(600_000), 2, "probe").to_string();
        let keys: Vec<&str> = line
            .split(&[',', '{'][..])
            .filter_map(|part| {
                part.strip_prefix('"')?
                    .split_once("\":")
                    .map(|(key, _)| key)
            })
            .filter(|key| {
                ![
                    "pidMax",
                    "threadsMax",
                    "maxMapCount",
                    "maxUserProcesses",
                    "maxOpenFiles",
                ]
                .contains(key)
            })
            .collect();
        let identity = [
            "experiment",
            "runtime",
            "tasks",
            "status",
            "error",
            "osLimits",
            "jvmFlags",
            "sleepMs",
            "depth",
        ];
        let tokio = ["tokioVersion", "workerThreads", "task"];
        let expected: Vec<&str> = identity
            .iter()
            .chain(MEASURED.iter())
            .chain(tokio.iter())
            .copied()
            .collect();
        assert_eq!(keys, expected);
        assert!(line.contains(r#""runtime":"tokio""#));
        assert!(line.contains(r#""sleepMs":600000"#));
    }

    #[test]
    fn a_failure_keeps_what_was_measured() {
        let mut line = new_line("memory", 10, Duration::ZERO, 1, "probe");
        line.set("spawnNanos", 5u64);
        fail(&mut line, "only 3 of\n10 tasks parked");
        assert_eq!(line.get("status"), Some(&Json::from("failed")));
        assert_eq!(
            line.get("error"),
            Some(&Json::from("only 3 of 10 tasks parked"))
        );
        assert_eq!(line.get("spawnNanos"), Some(&Json::Int(5)));
    }
}
