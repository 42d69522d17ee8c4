#!/usr/bin/env bash
# decode on mixed real error text: the real-world corpus joined with blank
# lines and repeated to 1, 2, 4 and 8 MiB (cut at a paragraph break), so that
# every size holds whole samples. Prints callgrind's instruction count and
# hyperfine's wall time for each size; the growth per MiB shows decode is
# linear in its input. Needs hyperfine and valgrind (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine valgrind python3; do
    command -v "$tool" >/dev/null || { echo "bench-decode-mixed.sh: $tool is required" >&2; exit 2; }
done
cargo build --release --locked --quiet
bin=$PWD/target/release/obserr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import glob, sys
parts = [open(f, "rb").read() for f in sorted(glob.glob("tests/fixtures/realworld/*/*.txt"))]
one = b"\n\n".join(parts) + b"\n\n"
for mib in (1, 2, 4, 8):
    data = (one * (mib * 1024 * 1024 // len(one) + 1))[: mib * 1024 * 1024]
    open(f"{sys.argv[1]}/mixed-{mib}m.txt", "wb").write(data[: data.rfind(b"\n\n") + 2])
PY
echo "| input | instructions |"
echo "|---|---:|"
for m in 1 2 4 8; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" decode "$work/mixed-${m}m.txt" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p')
    echo "| ${m} MiB | $n |"
done
hyperfine -N --warmup 2 --runs 10 -i --style basic \
    "$bin decode $work/mixed-1m.txt" "$bin decode $work/mixed-2m.txt" \
    "$bin decode $work/mixed-4m.txt" "$bin decode $work/mixed-8m.txt"
