//! The command line: a command's positional arguments and its `--name value` options, checked
//! before anything runs. Every mistake is one [`UsageError`] that names the argument, the
//! value given and what is allowed.

use std::collections::BTreeMap;
use std::fmt;
use std::net::{SocketAddr, ToSocketAddrs};
use std::ops::RangeInclusive;
use std::time::Duration;

/// Bad input: the message names the argument, the value and the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One command's arguments after the command name.
#[derive(Debug)]
pub struct Args {
    positionals: Vec<String>,
    options: BTreeMap<String, String>,
}

impl Args {
    /// Splits `args` into positionals and `--name value` options, refusing any option not in
    /// `known` and any that lacks a value or is given twice.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Args, UsageError> {
        let mut positionals = Vec::new();
        let mut options = BTreeMap::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let Some(name) = arg.strip_prefix("--") else {
                positionals.push(arg.clone());
                continue;
            };
            if !known.contains(&name) {
                let known = if known.is_empty() {
                    "none".to_string()
                } else {
                    format!("--{}", known.join(", --"))
                };
                return Err(UsageError(format!(
                    "unknown option '{arg}'; known options: {known}"
                )));
            }
            let Some(value) = rest.next() else {
                return Err(UsageError(format!("option {arg} needs a value")));
            };
            if options.insert(name.to_string(), value.clone()).is_some() {
                return Err(UsageError(format!("option {arg} is given twice")));
            }
        }
        Ok(Args {
            positionals,
            options,
        })
    }

    /// The one positional argument, named `name` in errors: required, and alone.
    pub fn only_positional(&self, name: &str) -> Result<&str, UsageError> {
        match self.positionals.as_slice() {
            [one] => Ok(one),
            [] => Err(UsageError(format!("the argument <{name}> is missing"))),
            [_, extra, ..] => Err(UsageError(format!(
                "unexpected argument '{extra}' after <{name}>"
            ))),
        }
    }

    /// Refuses any positional argument.
    pub fn no_positionals(&self) -> Result<(), UsageError> {
        match self.positionals.first() {
            Some(extra) => Err(UsageError(format!("unexpected argument '{extra}'"))),
            None => Ok(()),
        }
    }

    /// The option's text, if given.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }

    /// A count option (see [`count`]), or `default` when absent.
    pub fn count_or(
        &self,
        name: &str,
        default: u64,
        allowed: RangeInclusive<u64>,
    ) -> Result<u64, UsageError> {
        match self.option(name) {
            Some(text) => count(&format!("--{name}"), text, allowed),
            None => Ok(default),
        }
    }

    /// An optional count option.
    pub fn optional_count(
        &self,
        name: &str,
        allowed: RangeInclusive<u64>,
    ) -> Result<Option<u64>, UsageError> {
        self.option(name)
            .map(|text| count(&format!("--{name}"), text, allowed))
            .transpose()
    }

    /// One of `choices`, or the first choice when absent.
    pub fn choice<'a>(&self, name: &str, choices: &[&'a str]) -> Result<&'a str, UsageError> {
        let Some(text) = self.option(name) else {
            return Ok(choices[0]);
        };
        choices
            .iter()
            .copied()
            .find(|choice| *choice == text)
            .ok_or_else(|| {
                UsageError(format!(
                    "--{name} must be one of {}, was '{text}'",
                    choices.join(", ")
                ))
            })
    }
}

/// A whole number such as `1000`, `10k` or `1M` (k = 1,000, M = 1,000,000) within `allowed`.
pub fn count(what: &str, text: &str, allowed: RangeInclusive<u64>) -> Result<u64, UsageError> {
    let (digits, scale) = match text.strip_suffix('k') {
        Some(digits) => (digits, 1_000),
        None => match text.strip_suffix('M') {
            Some(digits) => (digits, 1_000_000),
            None => (text, 1),
        },
    };
    let value = digits
        .parse::<u64>()
        .ok()
        .filter(|_| !digits.starts_with('+'))
        .and_then(|value| value.checked_mul(scale))
        .ok_or_else(|| {
            UsageError(format!(
                "{what} must be a whole number from {} to {} (such as 1000, 10k or 1M), was '{text}'",
                allowed.start(),
                allowed.end()
            ))
        })?;
    if !allowed.contains(&value) {
        return Err(UsageError(format!(
            "{what} must be from {} to {}, was {value}",
            allowed.start(),
            allowed.end()
        )));
    }
    Ok(value)
}

/// Milliseconds within `allowed`.
pub fn millis(
    args: &Args,
    name: &str,
    default: u64,
    allowed: RangeInclusive<u64>,
) -> Result<Duration, UsageError> {
    args.count_or(name, default, allowed)
        .map(Duration::from_millis)
}

/// `host:port` or `[v6]:port`, with the port from 0 (the OS chooses) to 65535; a host name
/// must resolve.
pub fn address(what: &str, text: &str) -> Result<SocketAddr, UsageError> {
    let bad = || {
        UsageError(format!(
            "{what} must be host:port with a port from 0 to 65535, was '{text}'"
        ))
    };
    let colon = text.rfind(':').ok_or_else(bad)?;
    let (host, port) = (&text[..colon], &text[colon + 1..]);
    if host.is_empty() {
        return Err(bad());
    }
    let port: u16 = port.parse().map_err(|_| bad())?;
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    (host, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .ok_or_else(|| UsageError(format!("{what}: cannot resolve the host of '{text}'")))
}

/// `host:port`, with an IPv6 host in brackets: what `threadmill.workload.net.Sockets.format`
/// writes and `Sockets.parse` reads.
pub fn format_address(address: &SocketAddr) -> String {
    match address {
        SocketAddr::V4(v4) => format!("{}:{}", v4.ip(), v4.port()),
        SocketAddr::V6(v6) => format!("[{}]:{}", v6.ip(), v6.port()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| arg.to_string()).collect()
    }

    #[test]
    fn counts_take_k_and_m_suffixes() {
        assert_eq!(count("tasks", "1000", 1..=10_000_000), Ok(1000));
        assert_eq!(count("tasks", "10k", 1..=10_000_000), Ok(10_000));
        assert_eq!(count("tasks", "1M", 1..=10_000_000), Ok(1_000_000));
    }

    #[test]
    fn a_count_out_of_range_names_the_value_and_the_limit() {
        assert_eq!(
            count("tasks", "0", 1..=100).unwrap_err().0,
            "tasks must be from 1 to 100, was 0"
        );
        assert_eq!(
            count("tasks", "2M", 1..=1_000_000).unwrap_err().0,
            "tasks must be from 1 to 1000000, was 2000000"
        );
    }

    #[test]
    fn a_count_that_is_no_number_says_what_was_given() {
        for text in [
            "",
            "ten",
            "-1",
            "+5",
            "1.5k",
            "99999999999999999999",
            "18446744073709551615M",
        ] {
            let error = count("tasks", text, 1..=100).unwrap_err().0;
            assert_eq!(error, format!("tasks must be a whole number from 1 to 100 (such as 1000, 10k or 1M), was '{text}'"));
        }
    }

    #[test]
    fn options_are_checked_by_name() {
        let args = Args::parse(
            &strings(&["10", "--warmup", "3"]),
            &["warmup", "iterations"],
        )
        .unwrap();
        assert_eq!(args.only_positional("tasks"), Ok("10"));
        assert_eq!(args.count_or("warmup", 5, 0..=10), Ok(3));
        assert_eq!(args.count_or("iterations", 7, 1..=10), Ok(7));

        let unknown = Args::parse(&strings(&["--sleep", "3"]), &["sleep-ms"]).unwrap_err();
        assert_eq!(
            unknown.0,
            "unknown option '--sleep'; known options: --sleep-ms"
        );
        let no_value = Args::parse(&strings(&["--sleep-ms"]), &["sleep-ms"]).unwrap_err();
        assert_eq!(no_value.0, "option --sleep-ms needs a value");
        let twice = Args::parse(
            &strings(&["--sleep-ms", "1", "--sleep-ms", "2"]),
            &["sleep-ms"],
        )
        .unwrap_err();
        assert_eq!(twice.0, "option --sleep-ms is given twice");
    }

    #[test]
    fn positionals_are_counted() {
        let none = Args::parse(&[], &[]).unwrap();
        assert_eq!(
            none.only_positional("tasks").unwrap_err().0,
            "the argument <tasks> is missing"
        );
        let two = Args::parse(&strings(&["1", "2"]), &[]).unwrap();
        assert_eq!(
            two.only_positional("tasks").unwrap_err().0,
            "unexpected argument '2' after <tasks>"
        );
        assert_eq!(
            two.no_positionals().unwrap_err().0,
            "unexpected argument '1'"
        );
    }

    #[test]
    fn a_choice_must_be_listed() {
        let args = Args::parse(&strings(&["--spawner", "thread"]), &["spawner"]).unwrap();
        assert_eq!(
            args.choice("spawner", &["main", "worker"]).unwrap_err().0,
            "--spawner must be one of main, worker, was 'thread'"
        );
        let absent = Args::parse(&[], &["spawner"]).unwrap();
        assert_eq!(absent.choice("spawner", &["main", "worker"]), Ok("main"));
    }

    #[test]
    fn addresses_parse_and_print_as_the_java_side_does() {
        let v4 = address("--bind", "127.0.0.1:0").unwrap();
        assert_eq!(format_address(&v4), "127.0.0.1:0");
        let v6 = address("--bind", "[::1]:8080").unwrap();
        assert_eq!(format_address(&v6), "[::1]:8080");
        for text in ["127.0.0.1", ":80", "127.0.0.1:65536", "127.0.0.1:x"] {
            assert_eq!(
                address("--bind", text).unwrap_err().0,
                format!("--bind must be host:port with a port from 0 to 65535, was '{text}'")
            );
        }
    }
}
