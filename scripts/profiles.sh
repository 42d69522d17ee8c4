#!/usr/bin/env bash
# Release-profile variants compared: binary size and the instructions of
# `obserr explain NoSuchKey` (valgrind --tool=callgrind, as scripts/bench.sh
# counts them), for docs/performance.md's table of what [profile.release] keeps.
#
#   scripts/profiles.sh            every variant below (each a full release build)
#
# Each variant is Cargo.toml's [profile.release] with settings overridden
# through CARGO_PROFILE_RELEASE_* variables, built in its own target folder
# under $TMPDIR so the normal one is untouched. Needs: valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || { echo "profiles.sh: valgrind is required" >&2; exit 2; }

out=${TMPDIR:-/tmp}/obserr-profiles
mkdir -p "$out"

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

# name, then the overrides (VAR=value ...): the committed settings added one at
# a time, then two rejected alternatives. "as committed" overrides nothing.
default="CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16"
unwind="CARGO_PROFILE_RELEASE_PANIC=unwind"
symbols="CARGO_PROFILE_RELEASE_STRIP=debuginfo" # cargo's release default
variants=(
    "cargo's default|$default $unwind $symbols"
    "+ lto = \"fat\", codegen-units = 1|$unwind $symbols"
    "+ panic = \"abort\"|$symbols"
    "+ strip = true (as committed)|"
    "committed, but lto = \"thin\"|CARGO_PROFILE_RELEASE_LTO=thin"
    "committed, but opt-level = \"s\"|CARGO_PROFILE_RELEASE_OPT_LEVEL=s"
)
if [ $# -gt 0 ]; then variants=("$@"); fi

printf '| profile | size (bytes) | `explain NoSuchKey` instructions |\n|---|---:|---:|\n'
for v in "${variants[@]}"; do
    name=${v%%|*}
    settings=${v#*|}
    dir="$out/$(echo "$name" | tr -c 'a-z0-9\n' '-' | tr -s '-')"
    # shellcheck disable=SC2086
    env $settings cargo build --release --locked --quiet --target-dir "$dir" --config .cargo/static-x86_64-linux.toml
    bin="$dir/x86_64-unknown-linux-gnu/release/obserr"
    printf '| %s | %s | %s |\n' "$name" "$(stat -c %s "$bin")" "$(instructions "$bin" explain NoSuchKey)"
done
