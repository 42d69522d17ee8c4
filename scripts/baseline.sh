# Sourced by scripts/bench.sh and scripts/bench-sigcheck.sh: what both
# compare against and how both count.
#
#   work       a temporary directory, removed on exit
#   hello      the empty Rust program `fn main() { println!("hello") }`,
#              built outside this repository with cargo's defaults: the
#              reference every instruction count is divided by
#   instructions CMD...   the whole-process instruction count of CMD
#              (valgrind --tool=callgrind, "Collected"); a non-zero exit
#              status is an answer here (obserr's 1, "nothing found"), not a
#              failure

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/hello/src"
printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n' >"$work/hello/Cargo.toml"
echo 'fn main() { println!("hello") }' >"$work/hello/src/main.rs"
(cd "$work/hello" && cargo build --release --quiet)
hello="$work/hello/target/release/hello"

instructions() {
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
