//! In-process cost of `decode` (`cargo bench --bench decode`): reading,
//! diagnosing and rendering a typical `curl -i` response, and inputs at the
//! 8 MiB cap: a realistic one (a long log with the response at its end),
//! random bytes (binary from the first NUL: cheap), and the worst case:
//! printable ASCII and random high bytes, with nothing to mark it binary.
//! Whole-process figures come from `scripts/bench.sh`.

use divan::{black_box, Bencher};
use obserr::decode;
use obserr::diagnose;
use obserr::{Human, Style};

const CAP: usize = 8 * 1024 * 1024;
const TYPICAL: &[u8] = include_bytes!("../tests/fixtures/decode/curl-i-http11-crlf.txt");

fn main() {
    divan::main();
}

/// decode -> diagnose -> human rendering, as `obserr decode` does.
fn run(bytes: &[u8]) -> usize {
    let response = decode(black_box(bytes));
    let d = diagnose(response);
    let mut out = Vec::with_capacity(4096);
    Human::new(&Style::default())
        .diagnosis(&mut out, &d)
        .unwrap();
    out.len()
}

#[divan::bench]
fn typical_curl_i() -> usize {
    run(TYPICAL)
}

/// A verbose log of 8 MiB whose last lines are the failing response.
#[divan::bench(sample_count = 20)]
fn max_realistic(bencher: Bencher) {
    let line =
        b"2024-03-15 10:15:00 INFO  uploading part 1234 of backup.tar to bucket example: ok\n";
    let mut input = Vec::with_capacity(CAP);
    while input.len() + line.len() + TYPICAL.len() < CAP {
        input.extend_from_slice(line);
    }
    input.extend_from_slice(TYPICAL);
    bencher.bench(|| run(&input));
}

fn random_bytes(mask: u8) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..CAP)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8 | mask
        })
        .collect()
}

/// 8 MiB of random bytes, as `head -c 8M /dev/urandom` gives.
#[divan::bench(sample_count = 20)]
fn max_random(bencher: Bencher) {
    let input = random_bytes(0);
    bencher.bench(|| run(&input));
}

/// 8 MiB of printable ASCII and high bytes: nothing marks it binary, all of
/// it is read, and every run of high bytes is invalid UTF-8.
#[divan::bench(sample_count = 20)]
fn max_printable_and_high(bencher: Bencher) {
    let input: Vec<u8> = random_bytes(0)
        .into_iter()
        .map(|b| if b < 0x20 || b == 0x7f { b | 0x80 } else { b })
        .collect();
    bencher.bench(|| run(&input));
}
