#!/usr/bin/env bash
# obserr scan against the tools people reach for on a big log
# (docs/performance.md: scan).
#
#   scripts/bench-scan.sh [SIZE]        SIZE of the generated log, default 500M
#
# 1. Writes a seeded OBS access log of SIZE with examples/gen-access-log.rs
#    (the mix of tests/it/common/genlog.rs) and reads it once, so that every
#    command below finds it in the page cache.
# 2. One hyperfine run of the three commands on that file:
#      rg -c -F SignatureDoesNotMatch    searches fast, understands nothing
#      mawk '{n[$14]++} ...'             groups by error code; $14 because the
#                                        quoted request URI splits into three
#                                        fields ($10-$12), so $13 is the status
#      obserr scan --json                the whole triage (the file mapped
#                                        in windows, read on both cores)
#      obserr scan --no-mmap --json      the same, read() in 64 KiB chunks
#    and the ratios set as targets: obserr at most 3x rg's wall
#    time, at least 4x faster than mawk, at least 1 GB/s.
# 3. obserr's peak memory on the same file (/usr/bin/time -v, target 64 MiB).
# 4. Instructions per byte (valgrind --tool=callgrind) on a 20 MB log: wall
#    times on a shared machine are noisy, instruction counts are not.
# 5. scan --merge: the time and peak memory to merge 10 and 100
#    copies of the largest report a scan writes (--by key of the big log:
#    1,024 groups), against their total size.
#
# Needs: hyperfine, ripgrep, mawk, valgrind, jq, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

size=${1:-500M}
for tool in hyperfine rg mawk valgrind jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-scan.sh: $tool is required" >&2; exit 2; }
done

# The static variant (README: Install), as scripts/bench.sh measures it.
static=(--config .cargo/static-x86_64-linux.toml)
cargo build --release --locked --quiet "${static[@]}"
cargo build --release --locked --quiet "${static[@]}" --example gen-access-log
bin=$PWD/target/x86_64-unknown-linux-gnu/release/obserr
gen=$PWD/target/x86_64-unknown-linux-gnu/release/examples/gen-access-log

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/access.log
"$gen" --seed 1 --bytes "$size" >"$log"
bytes=$(stat -c %s "$log")
cat "$log" >/dev/null

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(rg --version | head -1), mawk $(mawk -W version 2>&1 | head -1 | cut -d' ' -f2)"
echo "# log: $bytes bytes, $(wc -l <"$log") lines"
echo

# -i: obserr exits 0 with errors found; rg and mawk too, but be safe.
hyperfine --warmup 2 --runs 10 -i --style basic --export-json "$work/wall.json" \
    -n rg "rg -c -F SignatureDoesNotMatch $log" \
    -n mawk "mawk '{n[\$14]++} END {for (k in n) print k, n[k]}' $log" \
    -n obserr "$bin scan --json $log" \
    -n obserr-no-mmap "$bin scan --no-mmap --json $log" >&2

echo "| command | mean wall (s) | min (s) | user (s) | system (s) | throughput |"
echo "|---|---:|---:|---:|---:|---:|"
jq -r --argjson bytes "$bytes" '.results[] |
    "| `\(.command | split(" ")[0:3] | join(" ") | sub("/[^ ]*/"; ""))` | \(.mean * 1000 | round / 1000) | \(.min * 1000 | round / 1000) | \(.user * 1000 | round / 1000) | \(.system * 1000 | round / 1000) | \($bytes / .mean / 1e9 * 100 | round / 100) GB/s |"' \
    "$work/wall.json"
echo
jq -r '
    (.results | map({(.command | split(" ")[0] | split("/") | last): .}) | add) as $r
    | ($r.obserr.mean / $r.rg.mean) as $vs_rg
    | ($r.mawk.mean / $r.obserr.mean) as $vs_mawk
    | "obserr / rg wall time: \($vs_rg * 100 | round / 100)x (target <= 3x)",
      "mawk / obserr wall time: \($vs_mawk * 100 | round / 100)x (target >= 4x)"' "$work/wall.json"

/usr/bin/time -v "$bin" scan --json "$log" 2>"$work/time.txt" >/dev/null || true
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo "obserr peak memory: $((rss / 1024)) MiB ($rss KiB; target <= 64 MiB)"
/usr/bin/time -v "$bin" scan --no-mmap --json "$log" 2>"$work/time.txt" >/dev/null || true
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo "obserr --no-mmap peak memory: $((rss / 1024)) MiB ($rss KiB)"

small=$work/small.log
"$gen" --seed 1 --bytes 20M >"$small"
small_bytes=$(stat -c %s "$small")
n=$({ valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" scan --json "$small" 2>&1 >/dev/null || true; } |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
echo "obserr instructions: $n for $small_bytes bytes, $(awk -v n="$n" -v b="$small_bytes" 'BEGIN { printf "%.3f", n / b }') per byte"

report=$work/report.json
"$bin" scan --json --by key "$log" >"$report" || true
report_bytes=$(stat -c %s "$report")
for n in 10 100; do
    copies=()
    for _ in $(seq "$n"); do copies+=("$report"); done
    hyperfine -N --warmup 1 --runs 5 -i --style none --export-json "$work/merge.json" \
        "$bin scan --merge --json ${copies[*]}" >/dev/null 2>&1
    /usr/bin/time -v "$bin" scan --merge --json "${copies[@]}" 2>"$work/time.txt" >/dev/null || true
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    jq -r --argjson n "$n" --argjson b "$report_bytes" --argjson rss "$rss" '.results[0] |
        "scan --merge of \($n) reports of \($b) bytes: mean \(.mean * 1000 | round) ms, min \(.min * 1000 | round) ms, \($n * $b / .mean / 1e6 | round) MB/s, peak \($rss / 1024 | round) MiB"' \
        "$work/merge.json"
done
