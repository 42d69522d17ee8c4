#!/usr/bin/env bash
# Cost of `obserr sigcheck` over the mutation corpus (docs/performance.md; the budget: at
# most 1.5x the instructions of an empty Rust program on a typical capture).
#
#   scripts/bench-sigcheck.sh          summary: min/median/max per scheme
#   scripts/bench-sigcheck.sh --all    also one line per capture
#
# What it measures: the whole-process instruction count (valgrind
# --tool=callgrind, "Collected") of the static release build
# (`--config .cargo/static-x86_64-linux.toml`, stripped as committed) running
# `obserr sigcheck CAPTURE` on every capture of
# tests/fixtures/sigcheck/mutations.jsonl, once without a key and once with the
# capture's key in OBS_SECRET_ACCESS_KEY, each divided by the count of the
# empty program `fn main() { println!("hello") }` built with
# `cargo build --release` (as scripts/bench.sh does). Instruction counts are
# repeatable on a busy machine; this does not time anything. Not run by CI.
# Needs: valgrind, jq. Set OBSERR_BIN to measure an already built binary.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in valgrind jq; do
    command -v "$tool" >/dev/null || { echo "bench-sigcheck.sh: $tool is required" >&2; exit 2; }
done
all=false
[ "${1-}" = --all ] && all=true

if [ -n "${OBSERR_BIN-}" ]; then
    bin=$OBSERR_BIN
else
    cargo build --release --locked --quiet --config .cargo/static-x86_64-linux.toml
    bin=target/x86_64-unknown-linux-gnu/release/obserr
fi

# The temporary directory, the empty program and the counter.
# shellcheck source=scripts/baseline.sh
. scripts/baseline.sh

# Every capture and its key, in files (the key never on a command line).
corpus=tests/fixtures/sigcheck/mutations.jsonl
i=0
while IFS= read -r record; do
    i=$((i + 1))
    name=$(printf '%02d-%s-%s' "$i" "$(jq -r .scheme <<<"$record")" "$(jq -r .cause <<<"$record")")
    jq -j .capture <<<"$record" >"$work/$name.txt"
    jq -j .key <<<"$record" >"$work/$name.key"
done <"$corpus"

# No key from the caller's environment in the runs "without the key".
unset OBS_SECRET_ACCESS_KEY AWS_SECRET_ACCESS_KEY
base=$(instructions "$hello")
: >"$work/results"
for capture in "$work"/*.txt; do
    name=$(basename "$capture" .txt)
    scheme=${name#*-}
    scheme=${scheme%%-*}
    without=$(instructions "$bin" sigcheck "$capture")
    with=$(export OBS_SECRET_ACCESS_KEY="$(cat "$work/$name.key")" && instructions "$bin" sigcheck "$capture")
    printf '%s %s %s %s\n' "$scheme" "$name" "$without" "$with" >>"$work/results"
done

ratio() { awk -v n="$1" -v b="$base" 'BEGIN { printf "%.2fx", n / b }'; }

echo "hello (empty Rust program): $base instructions; budget 1.5x = $((base * 3 / 2))"
echo
if $all; then
    printf '| capture | no key | ratio | key | ratio |\n|---|---:|---:|---:|---:|\n'
    while read -r _ name without with; do
        printf '| %s | %s | %s | %s | %s |\n' "$name" "$without" "$(ratio "$without")" "$with" "$(ratio "$with")"
    done <"$work/results"
    echo
fi
printf '| scheme | captures | no key: min / median / max | key: min / median / max |\n|---|---:|---:|---:|\n'
summary() { # column of results -> "min / median / max (ratios)"
    sort -n | awk -v b="$base" '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
        printf "%d / %d / %d (%.2fx / %.2fx / %.2fx)", v[1], m, v[NR], v[1] / b, m / b, v[NR] / b }'
}
for scheme in $(cut -d' ' -f1 "$work/results" | sort -u) all; do
    if [ "$scheme" = all ]; then rows=$(cat "$work/results"); else rows=$(grep "^$scheme " "$work/results"); fi
    n=$(wc -l <<<"$rows")
    printf '| %s | %s | %s | %s |\n' "$scheme" "$n" "$(cut -d' ' -f3 <<<"$rows" | summary)" "$(cut -d' ' -f4 <<<"$rows" | summary)"
done
over=$(awk -v lim=$((base * 3 / 2)) '$3 > lim || $4 > lim' "$work/results" | wc -l)
echo
echo "runs over 1.5x: $over (of $((2 * $(wc -l <"$work/results"))))"
