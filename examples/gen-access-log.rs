//! Writes a realistic OBS bucket access log to standard output, the same
//! bytes for the same seed and size (see `tests/it/common/genlog.rs` for the
//! mix of codes, bursts and skew it holds):
//!
//! ```text
//! cargo run --release --example gen-access-log -- --seed 1 --bytes 500M > big.log
//! ```

#[path = "../tests/it/common/genlog.rs"]
mod genlog;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// `500M`, `64K`, `2G` or a plain number of bytes.
fn size(s: &str) -> Option<u64> {
    let (digits, unit) = match s.char_indices().last()? {
        (i, 'K' | 'k') => (&s[..i], 1 << 10),
        (i, 'M' | 'm') => (&s[..i], 1 << 20),
        (i, 'G' | 'g') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(unit)
}

fn main() -> ExitCode {
    let mut seed = 1;
    let mut bytes = 1 << 20;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value.as_deref()) {
            ("--seed", Some(v)) if v.parse::<u64>().is_ok() => seed = v.parse().unwrap_or(1),
            ("--bytes", Some(v)) if size(v).is_some() => bytes = size(v).unwrap_or(0),
            _ => {
                eprintln!("usage: gen-access-log [--seed N] [--bytes SIZE (e.g. 500M)]");
                return ExitCode::from(2);
            }
        }
    }
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    match genlog::write(seed, bytes, &mut out).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-access-log: {e}");
            ExitCode::from(2)
        }
    }
}
