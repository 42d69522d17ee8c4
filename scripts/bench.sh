#!/usr/bin/env bash
# Whole-process cost of obserr, as docs/performance.md reports it.
#
#   scripts/bench.sh            callgrind instruction counts + hyperfine wall times
#
# For explain, list, search and decode (a typical curl -i response, and 8 MiB
# inputs: a realistic log, random bytes, and the worst case: printable ASCII and
# invalid UTF-8, with nothing to mark it binary).
#
# Instruction counts (valgrind --tool=callgrind) are repeatable on a noisy
# machine; wall times (hyperfine, Debian package `hyperfine`) are not, but are
# what a person feels. The reference is an empty Rust program,
# `fn main() { println!("hello") }`, built with `cargo build --release` and
# default settings. Needs: valgrind; hyperfine is optional.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || { echo "bench.sh: valgrind is required" >&2; exit 2; }

# The static variant (README: Install) is the one measured below; the
# portable default build, dynamically linked, is measured for comparison.
cargo build --release --locked --quiet --config .cargo/static-x86_64-linux.toml
bin=target/x86_64-unknown-linux-gnu/release/obserr
cargo build --release --locked --quiet
dynamic=target/release/obserr

# The temporary directory, the empty program and the counter.
# shellcheck source=scripts/baseline.sh
. scripts/baseline.sh

# Inputs for decode: a typical response, and three at the 8 MiB cap.
typical=tests/fixtures/decode/curl-i-http11-crlf.txt
cap=$((8 * 1024 * 1024))
line='2024-03-15 10:15:00 INFO  uploading part 1234 of backup.tar to bucket example: ok'
# (The producers die of SIGPIPE when head has enough: not a failure.)
lines=$(((cap - $(wc -c <"$typical")) / (${#line} + 1)))
{ (yes "$line" || true) | head -n "$lines"; cat "$typical"; } >"$work/max-realistic.txt"
head -c "$cap" /dev/urandom >"$work/max-random.bin"
# The worst case: no NUL, no control byte (nothing marks it binary), printable
# ASCII between short runs of invalid UTF-8.
(head -c $((cap * 3)) /dev/urandom || true) | (tr -d '\000-\037\177' || true) | head -c "$cap" >"$work/max-printable-and-high.bin"
# The worst cases of the free-text readers: a label on every line (each line
# a fact, every one merged into the one error), thousands of distinct errors
# (each kept up to the limit), and an OBS C SDK line repeated (each an error).
(yes 'status code: 403, request id: 0000018E4A2B3C4D' || true) | head -c "$cap" >"$work/max-labels.txt"
awk -v n=$((cap / 42)) 'BEGIN { for (i = 0; i < n; i++) printf "request id: 0000018E%020d\n", i }' >"$work/max-errors.txt"
(yes 'create bucket b failed(ErrorUnknown).' || true) | head -c "$cap" >"$work/max-sdk-lines.txt"

base=$(instructions "$hello")
printf '| command | instructions | vs empty Rust program |\n|---|---:|---:|\n'
printf '| `hello` (empty Rust program) | %s | 1.00x |\n' "$base"
cases=(
    "explain NoSuchKey"
    "explain NoSuchKy"
    "list --status 403"
    "search signature mismatch"
    "decode $typical"
    "sigcheck tests/fixtures/sigcheck/examples/content-type-added.txt"
    "decode $work/max-realistic.txt"
    "decode $work/max-random.bin"
    "decode $work/max-printable-and-high.bin"
    "decode $work/max-labels.txt"
    "decode $work/max-errors.txt"
    "decode $work/max-sdk-lines.txt"
)
for args in "${cases[@]}"; do
    # shellcheck disable=SC2086
    n=$(instructions "$bin" $args)
    printf '| `obserr %s` | %s | %s |\n' "${args//$work\//}" "$n" "$(awk -v n="$n" -v b="$base" 'BEGIN { printf "%.2fx", n / b }')"
done
for args in "explain NoSuchKey" "decode $typical"; do
    # shellcheck disable=SC2086
    n=$(instructions "$dynamic" $args)
    printf '| `obserr %s` (default build, dynamic) | %s | %s |\n' "$args" "$n" "$(awk -v n="$n" -v b="$base" 'BEGIN { printf "%.2fx", n / b }')"
done

# Peers people use today for the same kind of question, on the same machine.
peers=()
if command -v errno >/dev/null; then
    peers+=("$(command -v errno) ENOENT")
else
    echo "(errno not installed: apt-get install moreutils to compare with it)" >&2
fi
# The real rustc, not rustup's proxy (which would add its own start-up).
peers+=("$(rustc --print sysroot)/bin/rustc --explain E0308")
for cmd in "${peers[@]}"; do
    # shellcheck disable=SC2086
    n=$(instructions $cmd)
    name=$(echo "$cmd" | sed 's|^.*/||')
    printf '| `%s` (peer) | %s | %s |\n' "$name" "$n" "$(awk -v n="$n" -v b="$base" 'BEGIN { printf "%.2fx", n / b }')"
done

if command -v hyperfine >/dev/null; then
    echo
    # -i: decode exits 1 on inputs with no error code, which is its answer.
    hyperfine --shell=none -i --warmup 20 --runs 300 --style none --export-markdown "$work/wall.md" \
        "$hello" "${cases[@]/#/$bin }" "${peers[@]}" >/dev/null 2>&1
    sed "s|$bin|obserr|; s|$hello|hello|; s|$work/||; s|\`/[^\`]*/\([^/\`]*\)|\`\\1|" "$work/wall.md"
else
    echo "(hyperfine not installed: apt-get install hyperfine for wall times)"
fi
