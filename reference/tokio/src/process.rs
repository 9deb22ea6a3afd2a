//! What the kernel and the allocator charge to this process, read the way the Java probe reads
//! them (`threadmill.bench.probe.ProcStatus`, `threadmill.workload.OsLimits`), so a line of
//! this binary and a line of a JVM point mean the same thing field by field.

use std::fs;
use std::time::Instant;

use crate::json::{Json, Object};

/// Fields of `/proc/self/status`, in bytes (threads: a count); `None` when the kernel does not
/// report one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcStatus {
    /// VmRSS: resident now.
    pub rss_bytes: Option<u64>,
    /// VmHWM: the peak of VmRSS, what `/usr/bin/time` reports as maximum resident size.
    pub hwm_bytes: Option<u64>,
    /// VmPTE: page tables.
    pub pte_bytes: Option<u64>,
    /// Threads: the process's threads (tokio's workers, its blocking pool and the main thread).
    pub threads: Option<u64>,
}

impl ProcStatus {
    /// This process's status now.
    pub fn of_this_process() -> ProcStatus {
        match fs::read_to_string("/proc/self/status") {
            Ok(text) => ProcStatus::parse(&text),
            Err(_) => ProcStatus {
                rss_bytes: None,
                hwm_bytes: None,
                pte_bytes: None,
                threads: None,
            },
        }
    }

    /// Parses the text of a `/proc/<pid>/status` file.
    pub fn parse(status: &str) -> ProcStatus {
        ProcStatus {
            rss_bytes: field(status, "VmRSS"),
            hwm_bytes: field(status, "VmHWM"),
            pte_bytes: field(status, "VmPTE"),
            threads: field(status, "Threads"),
        }
    }

    /// Puts `rssBytes`, `hwmBytes`, `pteBytes` and `threads` into `line`.
    pub fn put_into(&self, line: &mut Object) {
        line.set("rssBytes", self.rss_bytes);
        line.set("hwmBytes", self.hwm_bytes);
        line.set("pteBytes", self.pte_bytes);
        line.set("threads", self.threads);
    }
}

/// A line such as `VmRSS:\t  2064 kB` in bytes, or `Threads:\t3` as a count.
fn field(status: &str, name: &str) -> Option<u64> {
    let line = status
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))?;
    let mut parts = line.split_whitespace();
    let value: u64 = parts.next()?.parse().ok()?;
    match parts.next() {
        None => Some(value),
        Some(unit) if unit.eq_ignore_ascii_case("kB") => Some(value * 1024),
        Some(_) => None,
    }
}

/// User plus system CPU time of every thread this process has run, finished threads included
/// (`getrusage(RUSAGE_SELF)`), in nanoseconds.
pub fn process_cpu_nanos() -> Option<u64> {
    // SAFETY: getrusage writes a plain struct; a zeroed rusage is a valid value for it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return None;
    }
    let nanos = |t: libc::timeval| t.tv_sec as u64 * 1_000_000_000 + t.tv_usec as u64 * 1_000;
    Some(nanos(usage.ru_utime) + nanos(usage.ru_stime))
}

/// Bytes the C allocator has handed out and not yet had back (glibc's `mallinfo2`: in-use
/// chunks of every arena plus chunks served by mmap), including its per-chunk header. Every
/// Rust allocation of this binary goes through it (the default global allocator is malloc).
/// `None` off glibc.
pub fn malloc_in_use_bytes() -> Option<u64> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 takes no argument and returns a plain struct by value.
        let info = unsafe { libc::mallinfo2() };
        Some((info.uordblks + info.hblkhd) as u64)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        None
    }
}

/// The operating-system limits in force, as the `osLimits` object of RAW-FORMAT.md: the same
/// keys as `threadmill.workload.OsLimits`, -1 for "unlimited", null when unreadable.
pub fn os_limits() -> Object {
    let limits = fs::read_to_string("/proc/self/limits").unwrap_or_default();
    Object::new()
        .put("pidMax", sysctl("/proc/sys/kernel/pid_max"))
        .put("threadsMax", sysctl("/proc/sys/kernel/threads-max"))
        .put("maxMapCount", sysctl("/proc/sys/vm/max_map_count"))
        .put("maxUserProcesses", soft_limit(&limits, "Max processes"))
        .put("maxOpenFiles", soft_limit(&limits, "Max open files"))
}

fn sysctl(path: &str) -> Option<i64> {
    fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// The soft limit of a `/proc/self/limits` row such as `Max open files  20000  20000  files`.
fn soft_limit(limits: &str, name: &str) -> Json {
    let soft = limits
        .lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next());
    match soft {
        Some("unlimited") => Json::Int(-1),
        Some(value) => value.parse::<i64>().map(Json::from).unwrap_or(Json::Null),
        None => Json::Null,
    }
}

/// When `main` began: the start of `uptimeNanos`, the time `cpuPercent` divides by (the
/// JVM's uptime on the Java side; this process runs no code of its own before `main`).
pub struct Uptime {
    started: Instant,
}

impl Uptime {
    pub fn start() -> Uptime {
        Uptime {
            started: Instant::now(),
        }
    }

    /// Puts `processCpuNanos`, `uptimeNanos` and `cpuPercent` into `line`.
    pub fn put_cpu_into(&self, line: &mut Object) {
        let cpu = process_cpu_nanos();
        let uptime = self.started.elapsed().as_nanos() as u64;
        line.set("processCpuNanos", cpu);
        line.set("uptimeNanos", uptime);
        line.set(
            "cpuPercent",
            cpu.map(|cpu| 100.0 * cpu as f64 / uptime as f64),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields_are_bytes_and_threads_a_count() {
        let status = "Name:\ttokio-reference\nVmHWM:\t   2048 kB\nVmRSS:\t    1024 kB\nVmPTE:\t      52 kB\nThreads:\t3\n";
        assert_eq!(
            ProcStatus::parse(status),
            ProcStatus {
                rss_bytes: Some(1024 * 1024),
                hwm_bytes: Some(2048 * 1024),
                pte_bytes: Some(52 * 1024),
                threads: Some(3)
            }
        );
    }

    #[test]
    fn a_missing_field_is_none() {
        let status = ProcStatus::parse("Name:\tx\nVmRSS:\t 1 kB\n");
        assert_eq!(status.hwm_bytes, None);
        assert_eq!(status.rss_bytes, Some(1024));
    }

    #[test]
    fn this_process_has_a_status_and_cpu_time() {
        let status = ProcStatus::of_this_process();
        assert!(status.rss_bytes.unwrap() > 0);
        assert!(status.hwm_bytes.unwrap() >= status.rss_bytes.unwrap());
        assert!(status.threads.unwrap() >= 1);
        assert!(process_cpu_nanos().is_some());
    }

    #[test]
    fn soft_limits_read_unlimited_as_minus_one() {
        let limits = "Limit                     Soft Limit           Hard Limit           Units\n\
                      Max processes             unlimited            unlimited            processes\n\
                      Max open files            20000                20000                files\n";
        assert_eq!(soft_limit(limits, "Max processes"), Json::Int(-1));
        assert_eq!(soft_limit(limits, "Max open files"), Json::Int(20000));
        assert_eq!(soft_limit(limits, "Max locked memory"), Json::Null);
    }

    #[test]
    fn malloc_counts_a_live_allocation() {
        // Large enough that what other tests allocate or free meanwhile cannot hide it.
        const BLOCK: usize = 64 << 20;
        let before = malloc_in_use_bytes().unwrap();
        // black_box: an optimized build would otherwise drop an allocation nothing reads.
        let block = std::hint::black_box(vec![0u8; BLOCK]);
        let during = malloc_in_use_bytes().unwrap();
        assert!(
            during >= before + (BLOCK as u64) / 2,
            "before {before}, during {during}"
        );
        drop(block);
    }
}
