//! Arbitrary bytes through `obserr scan`'s line readers and its whole path.
//! Nothing may panic; the hot path must agree with the full reader whenever
//! both read a line; reading in windows (as a mapped file is) must give the
//! report reading line by line gives; the counts must add up; and the
//! rendered summary must carry no raw control character from the input, its
//! JSON must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "sgr.rs"]
mod sgr;
use obserr::{Human, Json, Message, Style};
use obserr::internals::is_unsafe;
use obserr::internals::access;
use obserr::internals::other;
use obserr::By;
use obserr::ScanOptions;

fuzz_target!(|data: &[u8]| {
    let mut cache = access::MinuteCache::default();
    for line in data.split(|&b| b == b'\n') {
        let fast = access::fast(line, &mut cache);
        if let (access::Fast::Success(t), Some(full)) = (fast, access::parse(line)) {
            assert_eq!(full.time, t, "{line:?}");
            assert!(full.status < 400 && full.error_code.is_none(), "{line:?}");
        }
        if let Some(record) = other::line(line) {
            assert!(record.is_error() || record.status.is_some());
        }
    }
    // The first byte picks the grouping, so every --by is fuzzed.
    let by = [By::Code, By::Status, By::Operation, By::Bucket, By::Prefix, By::Key, By::Requester, By::Ip, By::Minute]
        [usize::from(data.first().copied().unwrap_or(0)) % 9];
    let report = obserr::scan_bytes(data, ScanOptions { by, ..ScanOptions::default() });
    // The windows a mapped file is read in (here in memory, two threads,
    // a window size the second byte picks) give the same report.
    let window = [1, 2, 3, 7, 16, 64, 333, 4096][usize::from(data.get(1).copied().unwrap_or(0)) % 8];
    let mut scanner = obserr::Scanner::new(ScanOptions { by, ..ScanOptions::default() });
    scanner.scan_windows_of(data, obserr::internals::Mapping { window, threads: 2 });
    let windowed = scanner.finish();
    assert_eq!(format!("{windowed:?}"), format!("{report:?}"), "window {window}");
    assert!(report.errors <= report.requests);
    let grouped: u64 = report.groups.iter().map(|g| g.count).sum();
    assert_eq!(grouped + report.ungrouped, report.errors);
    assert!(report.lines <= memchr_count(data) + 1);
    for color in [false, true] {
        let mut out = Vec::new();
        let style = Style { color, width: Some(80), ..Style::default() };
        Human::new(&style).scan_report(&mut out, &report, true).unwrap();
        let text = String::from_utf8(out).expect("human output is UTF-8");
        let plain = sgr::without_sgr(&text);
        assert!(!plain.chars().any(|c| is_unsafe(c) && c != '\n'), "{plain:?}");
    }
    for message in Message::scan_notes(&report) {
        let text = message.to_string();
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
    }
    let mut out = Vec::new();
    Json::scan_report(&mut out, &report).unwrap();
    let _: serde_json::Value = serde_json::from_slice(&out).expect("JSON output parses");
});

fn memchr_count(data: &[u8]) -> u64 {
    data.iter().filter(|&&b| b == b'\n').count() as u64
}
