#!/usr/bin/env bash
# Builds the tokio reference with no network, from the crate sources Debian installs
# (apt-get install librust-tokio-dev), and prints the binary's absolute path.
#
# Standard output is one line, so a caller can read it without parsing logs:
#   exit 0  the path of the built binary
#   exit 3  "not run: cargo or tokio sources not available (<what is missing>)": record it, go on
#   exit 1  "build failed: ...": sources and cargo are there but the build broke (cargo's log
#           is on standard error, as all of cargo's output is)
#
# THREADMILL_CRATE_SOURCES names another directory of crate sources (default
# /usr/share/cargo/registry, where Debian's librust-*-dev packages put them).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# cargo reads .cargo/config.toml (the source replacement) from the working directory up, not
# from the manifest's: run from here whatever the caller's directory.
cd "$here" || exit 1
sources=${THREADMILL_CRATE_SOURCES:-/usr/share/cargo/registry}
binary="$here/target/release/tokio-reference"

not_run() {
    echo "not run: cargo or tokio sources not available ($1)"
    exit 3
}

cargo=$(command -v cargo || true)
if [[ -z "$cargo" ]]; then
    for candidate in "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" "$HOME/.cargo/bin/cargo"; do
        if [[ -x "$candidate" ]]; then
            cargo=$candidate
            break
        fi
    done
fi

missing=()
[[ -n "$cargo" ]] || missing+=("cargo is not on PATH nor in ${CARGO_HOME:-$HOME/.cargo}/bin")
if ! compgen -G "$sources/tokio-1.*/Cargo.toml" >/dev/null; then
    missing+=("no tokio sources in $sources: apt-get install librust-tokio-dev")
fi
if (( ${#missing[@]} > 0 )); then
    reasons=$(printf '%s; ' "${missing[@]}")
    not_run "${reasons%; }"
fi

# rustup's cargo finds its rustc beside it.
export PATH="$(dirname "$cargo"):$PATH"
cargo_args=(--offline --manifest-path "$here/Cargo.toml" --config "source.debian-registry.directory=\"$sources\"")

# Resolving first tells "a crate is missing from the sources" (not run) from "the code does
# not build" (failed).
if ! resolve_log=$("$cargo" metadata --format-version 1 "${cargo_args[@]}" 2>&1 >/dev/null); then
    first_error=$(grep -m1 -i 'error' <<<"$resolve_log" || head -n1 <<<"$resolve_log")
    echo "$resolve_log" >&2
    not_run "cargo cannot resolve the dependencies from $sources: ${first_error:-no message}"
fi

echo "building with $("$cargo" --version), $(rustc --version 2>/dev/null || echo 'rustc: unknown')" >&2
"$cargo" build --release --target-dir "$here/target" "${cargo_args[@]}" >&2
status=$?
if (( status != 0 )); then
    echo "build failed: cargo build --release exited with status $status (its log is on standard error)"
    exit 1
fi
echo "$binary"
