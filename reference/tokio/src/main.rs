//! Threadmill's native reference: the workloads the JVM runtimes run, on tokio, so a report
//! can set Rust's figures beside theirs from the same machine and the same run. One binary,
//! one command per workload; each prints JSON lines on standard output (README.md lists
//! every field). Exit status: 0 when the command ran (a line may still say status "failed"),
//! 1 when it could not (e.g. the server cannot listen), 2 for a bad command line; each error
//! is one line on standard error.

mod cli;
mod echo_server;
mod info;
mod json;
mod probe;
mod probe_line;
mod process;
mod runtime;
mod sleep10s;
mod spawn_cost;
mod stats;
mod tasks;

use std::io::{self, Write};
use std::process::ExitCode;

use cli::UsageError;
use json::Object;
use process::Uptime;

const COMMANDS: [(&str, &str); 5] = [
    ("sleep10s", sleep10s::USAGE),
    ("probe", probe::USAGE),
    ("spawn", spawn_cost::USAGE),
    ("echo-server", echo_server::USAGE),
    ("info", info::USAGE),
];

fn main() -> ExitCode {
    let uptime = Uptime::start();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        return usage_error(None, UsageError("a command is missing".to_string()));
    };
    let result = match command.as_str() {
        "sleep10s" => sleep10s::Sleep10s::parse(rest).map(|run| print_result(run.run(&uptime))),
        "probe" => probe::Probe::parse(rest).map(|point| {
            let code = print_result(point.run(&uptime));
            // The N tasks are still asleep: exit now rather than cancel and free each of them.
            std::process::exit(if code == ExitCode::SUCCESS { 0 } else { 1 })
        }),
        "spawn" => spawn_cost::SpawnCost::parse(rest).map(|run| {
            let results = run.run(print_line);
            match results {
                Ok(lines) => lines.iter().for_each(print_line),
                Err(error) => return failed(&error),
            }
            ExitCode::SUCCESS
        }),
        "echo-server" => {
            echo_server::EchoServer::parse(rest).map(|server| print_result(server.run(&uptime)))
        }
        "info" => info::Info::parse(rest).map(|info| print_result(info.run())),
        "help" | "--help" | "-h" => {
            print_usage(&mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError(format!(
            "unknown command '{other}'; commands: {}",
            COMMANDS
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    };
    result.unwrap_or_else(|error| usage_error(Some(command), error))
}

fn print_result(line: io::Result<Object>) -> ExitCode {
    match line {
        Ok(line) => {
            print_line(&line);
            ExitCode::SUCCESS
        }
        Err(error) => failed(&error),
    }
}

/// Prints one JSON line and flushes it, so a parent reading line by line has it at once.
fn print_line(line: &Object) {
    let mut out = io::stdout().lock();
    // A parent that closed our stdout has no use for the rest; there is nowhere to report it.
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

fn failed(error: &io::Error) -> ExitCode {
    eprintln!("{error}");
    ExitCode::from(1)
}

fn usage_error(command: Option<&str>, error: UsageError) -> ExitCode {
    eprintln!("{error}");
    match COMMANDS.iter().find(|(name, _)| Some(*name) == command) {
        Some((_, usage)) => eprintln!("usage: tokio-reference {usage}"),
        None => print_usage(&mut io::stderr()),
    }
    ExitCode::from(2)
}

fn print_usage(out: &mut dyn Write) {
    let _ = writeln!(
        out,
        "usage: tokio-reference <command> [arguments]   (tasks: 1000, 10k, 1M; see README.md)"
    );
    for (_, usage) in COMMANDS {
        let _ = writeln!(out, "  {usage}");
    }
}
