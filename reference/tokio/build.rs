//! Records, for the `info` command and every JSON line, what this binary was built from: the
//! tokio version Cargo resolved (read from Cargo.lock, which Cargo writes before any build
//! script runs), the compiler's version, the target and the optimization level.

use std::env;
use std::fs;
use std::path::Path;
use std::process::Command;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let lock_path = Path::new(&manifest_dir).join("Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");

    let lock = fs::read_to_string(&lock_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", lock_path.display()));
    let tokio = locked_version(&lock, "tokio")
        .unwrap_or_else(|| panic!("{} names no tokio package", lock_path.display()));
    println!("cargo:rustc-env=THREADMILL_TOKIO_VERSION={tokio}");

    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .unwrap_or_else(|| panic!("cannot run '{rustc} --version'"));
    println!("cargo:rustc-env=THREADMILL_RUSTC_VERSION={version}");

    for (from, to) in [
        ("TARGET", "THREADMILL_TARGET"),
        ("PROFILE", "THREADMILL_PROFILE"),
        ("OPT_LEVEL", "THREADMILL_OPT_LEVEL"),
    ] {
        let value =
            env::var(from).unwrap_or_else(|_| panic!("cargo sets {from} for build scripts"));
        println!("cargo:rustc-env={to}={value}");
    }
}

/// The version of the package `name` in the text of a Cargo.lock, if it has exactly one.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut versions = Vec::new();
    let mut in_package = false;
    let mut is_named = false;
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[[package]]";
            is_named = false;
        } else if in_package {
            if let Some(value) = quoted_value(line, "name") {
                is_named = value == name;
            } else if let Some(value) = quoted_value(line, "version") {
                if is_named {
                    versions.push(value.to_string());
                }
            }
        }
    }
    if versions.len() == 1 {
        versions.pop()
    } else {
        None
    }
}

/// `value` from a line `key = "value"`.
fn quoted_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    rest.strip_prefix('"')?.strip_suffix('"')
}
