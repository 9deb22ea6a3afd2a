//! The binary's commands as a parent process uses them: small sizes, checking what each line
//! says and that the server keeps the child protocol. No assertion is about speed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

const BINARY: &str = env!("CARGO_BIN_EXE_tokio-reference");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = Command::new(BINARY)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The raw text of the first `"key":` value in a JSON line (a number, a string with its
/// quotes, null...), up to the next comma or closing brace.
fn field<'a>(line: &'a str, key: &str) -> &'a str {
    let pattern = format!("\"{key}\":");
    let start = line
        .find(&pattern)
        .unwrap_or_else(|| panic!("no {key} in {line}"))
        + pattern.len();
    let rest = &line[start..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    &rest[..end]
}

fn number(line: &str, key: &str) -> f64 {
    field(line, key)
        .parse()
        .unwrap_or_else(|_| panic!("{key} is not a number in {line}"))
}

fn one_line(run: &Run) -> &str {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got {}", run.stdout);
    lines[0]
}

#[test]
fn bad_input_is_one_error_naming_the_value_and_the_limit_and_exit_code_2() {
    let run = run(&["sleep10s", "0"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr.lines().next(),
        Some("tasks must be from 1 to 100000000, was 0")
    );
    assert!(run
        .stderr
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("usage: tokio-reference sleep10s <tasks>"));

    let unknown = self::run(&["sleep"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.starts_with(
        "unknown command 'sleep'; commands: sleep10s, probe, spawn, echo-server, info"
    ));
}

#[test]
fn sleep10s_joins_every_task_after_the_sleep() {
    let run = run(&["sleep10s", "200", "--sleep-ms", "100", "--workers", "1"]);
    let line = one_line(&run);
    assert_eq!(field(line, "experiment"), "\"sleep10s\"");
    assert_eq!(field(line, "status"), "\"ok\"");
    assert_eq!(field(line, "task"), "\"async-sleep\"");
    assert_eq!(number(line, "joinedTasks"), 200.0);
    assert_eq!(number(line, "workerThreads"), 1.0);
    // No task can end before its sleep: the wall time covers it, and the spawn phase is part of it.
    assert!(number(line, "wallNanos") >= 100e6, "{line}");
    assert!(number(line, "spawnNanos") <= number(line, "wallNanos"));
    assert!(number(line, "hwmBytes") >= number(line, "rssBytes"));
    assert!(field(line, "tokioVersion").starts_with("\"1."));
}

#[test]
fn sleep10s_sleep_task_also_joins_every_task() {
    let line = run(&["sleep10s", "50", "--sleep-ms", "10", "--task", "sleep"]);
    let line = one_line(&line);
    assert_eq!(field(line, "task"), "\"sleep\"");
    assert_eq!(number(line, "joinedTasks"), 50.0);
}

#[test]
fn probe_counts_every_task_parked_and_they_are_alive_when_measured() {
    let baseline = run(&["probe", "1"]);
    let point = run(&["probe", "2000"]);
    let (baseline, point) = (one_line(&baseline), one_line(&point));
    assert_eq!(field(point, "experiment"), "\"memory\"");
    assert_eq!(field(point, "status"), "\"ok\"");
    assert_eq!(field(point, "task"), "\"async-sleep\"");
    assert_eq!(number(point, "parkedTasks"), 2000.0);
    assert_eq!(number(baseline, "parkedTasks"), 1.0);
    // Each parked task still holds at least its future when the allocator is read.
    let info = run(&["info"]);
    let sleep_bytes = number(one_line(&info), "sleepBytes");
    let growth = number(point, "mallocInUseBytes") - number(baseline, "mallocInUseBytes");
    assert!(
        growth >= 1999.0 * sleep_bytes,
        "allocator grew by {growth} bytes for 1999 more tasks of {sleep_bytes} B"
    );
}

#[test]
fn spawn_prints_each_iteration_then_a_jmh_shaped_result_per_metric() {
    let run = run(&["spawn", "1000", "--iterations", "3", "--warmup", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", run.stdout);
    for (i, line) in lines[..4].iter().enumerate() {
        assert_eq!(field(line, "kind"), "\"iteration\"");
        assert_eq!(number(line, "iteration"), (i + 1) as f64);
        assert_eq!(field(line, "warmup"), if i == 0 { "true" } else { "false" });
        assert_eq!(
            number(line, "spawnNanosPerTask") * 1000.0,
            number(line, "spawnNanos")
        );
    }
    for (line, benchmark) in lines[4..].iter().zip(["\"spawn\"", "\"spawnAndJoin\""]) {
        assert_eq!(field(line, "kind"), "\"result\"");
        assert_eq!(field(line, "benchmark"), benchmark);
        assert_eq!(number(line, "measurementIterations"), 3.0);
        assert_eq!(field(line, "scoreUnit"), "\"ns/task\"");
        let raw = &line[line.find("\"rawData\":[[").unwrap() + 12..];
        let raw: Vec<f64> = raw[..raw.find(']').unwrap()]
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(raw.len(), 3);
        let mean = raw.iter().sum::<f64>() / 3.0;
        assert!((number(line, "score") - mean).abs() <= 1e-9 * mean);
    }
}

#[test]
fn info_sizes_the_futures_each_command_spawns() {
    let info = run(&["info"]);
    let line = one_line(&info);
    let task =
        |name: &str, key: &str| number(&line[line.find(&format!("\"{name}\":{{")).unwrap()..], key);
    let sleep_bytes = number(line, "sleepBytes");
    assert!(sleep_bytes > 0.0);
    assert_eq!(
        task("sleep", "futureBytes"),
        sleep_bytes,
        "--task sleep spawns the Sleep itself"
    );
    assert!(
        task("async-sleep", "futureBytes") >= sleep_bytes,
        "an async block holds the Sleep"
    );
    assert_eq!(
        task("probe-sleep", "futureBytes"),
        sleep_bytes,
        "counting parks adds no byte"
    );
    assert_eq!(
        task("probe-async-sleep", "futureBytes"),
        task("async-sleep", "futureBytes")
    );
    // A spawned task holds its future and tokio's bookkeeping besides.
    assert!(task("sleep", "mallocBytesPerTask") > sleep_bytes);
    assert!(task("async-sleep", "mallocBytesPerTask") > task("async-sleep", "futureBytes"));
    assert!(field(line, "rustcVersion").starts_with("\"rustc "));
}

#[test]
fn echo_server_announces_its_address_echoes_and_stops_when_stdin_ends() {
    let mut child = Command::new(BINARY)
        .args(["echo-server", "--workers", "1", "--buffer-bytes", "512"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let address = first
        .trim_end()
        .strip_prefix("listening ")
        .unwrap_or_else(|| panic!("first line: {first}"));
    assert!(address.starts_with("127.0.0.1:"));

    let mut connection = TcpStream::connect(address).unwrap();
    connection
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    // More than one read buffer, so the echo loops; written from another thread so that
    // neither side's socket buffers fill while the other waits.
    let payload: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let mut writer = connection.try_clone().unwrap();
    let sent = payload.clone();
    let sender = std::thread::spawn(move || {
        writer.write_all(&sent).unwrap();
        writer.shutdown(std::net::Shutdown::Write).unwrap();
    });
    let mut echoed = Vec::new();
    connection.read_to_end(&mut echoed).unwrap();
    sender.join().unwrap();
    assert!(
        echoed == payload,
        "echoed {} bytes, sent {}",
        echoed.len(),
        payload.len()
    );

    // Closing stdin is the stop signal; a server that ignores it fails the test instead of hanging it.
    drop(child.stdin.take());
    let (done, ended) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        done.send(rest).unwrap();
    });
    let Ok(rest) = ended.recv_timeout(Duration::from_secs(30)) else {
        child.kill().unwrap();
        panic!("the server did not stop within 30 s of its stdin closing");
    };
    assert!(child.wait().unwrap().success());
    let stopped = rest.trim_end();
    assert_eq!(field(stopped, "kind"), "\"stopped\"");
    assert_eq!(field(stopped, "reason"), "\"end of standard input\"");
    assert_eq!(number(stopped, "connectionsAccepted"), 1.0);
}

#[test]
fn echo_server_that_cannot_listen_exits_1_naming_the_address() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = listener.local_addr().unwrap().to_string();
    let run = run(&["echo-server", "--bind", &taken]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .starts_with(&format!("cannot listen on {taken}: ")),
        "{}",
        run.stderr
    );
}
