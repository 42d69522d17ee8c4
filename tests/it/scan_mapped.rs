//! A regular file is mapped in windows and sorted by several threads
//! (`scan::mapped`); the report must be the one the line-by-line `read()`
//! path gives, to the byte, whatever the window size and the threads'
//! timing. Tiny windows put window boundaries everywhere: inside lines, on
//! line breaks, between `\r` and `\n`, inside `curl` captures and long lines.

use crate::common::genlog;

use obserr::internals::Mapping;
use obserr::By;
use obserr::By::{Bucket, Ip, Minute, Operation, Prefix, Requester, Status};
use obserr::Progress;
use obserr::ScanOptions;
use obserr::Scanner;
use obserr::{Human, Json, Style};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("obserr-scan-mapped-{}-{name}", std::process::id()))
}

/// Everything a report says, as the library and both renderers give it.
fn described(report: &obserr::Report) -> String {
    let mut out = format!("{report:#?}\n");
    let mut buf = Vec::new();
    Json::scan_report(&mut buf, report).unwrap();
    let style = Style {
        width: Some(100),
        ..Style::default()
    };
    Human::new(&style)
        .scan_report(&mut buf, report, true)
        .unwrap();
    out.push_str(&String::from_utf8(buf).unwrap());
    out
}

fn scan_file(path: &Path, options: ScanOptions, mapping: Option<Mapping>) -> String {
    let mut scanner = Scanner::new(options);
    scanner.set_mapping(mapping);
    let mut file = File::open(path).unwrap();
    scanner.scan_file("input", &mut file, &mut ());
    described(&scanner.finish())
}

/// The same text through the windows in memory ([`Scanner::scan_windows_of`],
/// what the fuzz target compares).
fn scan_windows_of(bytes: &[u8], options: ScanOptions, mapping: Mapping) -> String {
    let mut scanner = Scanner::new(options);
    scanner.scan_windows_of(bytes, mapping);
    described(&scanner.finish())
}

/// Scans `bytes` read, then mapped with windows of every size in `windows`
/// and 1 to 3 threads, and compares.
fn same_either_way(name: &str, bytes: &[u8], windows: &[usize], options: ScanOptions) {
    let path = temp(name);
    std::fs::write(&path, bytes).unwrap();
    let read = scan_file(&path, options, None);
    let plain = described(&obserr::scan_bytes(bytes, options));
    for &window in windows {
        for threads in 1..=3 {
            let mapping = Mapping { window, threads };
            let mapped = scan_file(&path, options, Some(mapping));
            assert!(
                mapped == read,
                "{name}: window {window}, {threads} threads:\n--- read\n{read}\n--- mapped\n{mapped}"
            );
            let windows = scan_windows_of(bytes, options, mapping);
            assert!(
                windows == plain,
                "{name}: window {window}, {threads} threads, in memory:\n--- read\n{plain}\n--- windows\n{windows}"
            );
        }
    }
    std::fs::remove_file(&path).unwrap();
}

const SMALL: &[usize] = &[1, 2, 3, 7, 64, 333, 4096, 65_537];

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            fixtures(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_scan_fixture() {
    let mut paths = Vec::new();
    fixtures(Path::new("tests/fixtures/scan"), &mut paths);
    paths.sort();
    assert!(paths.len() >= 5);
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        same_either_way(&name, &bytes, SMALL, ScanOptions::default());
        // Every grouping: the fuzz target found two groups that differ only
        // in being client failures listed in a hash map's random order.
        for by in [Status, Operation, Bucket, Prefix, Requester, Ip, Minute] {
            let options = ScanOptions {
                by,
                ..ScanOptions::default()
            };
            same_either_way(&name, &bytes, &[7, 4096], options);
        }
    }
}

#[test]
fn generated_logs_grouped_every_way_and_filtered_by_time() {
    for seed in [1, 2] {
        let mut text = Vec::new();
        genlog::write(seed, 200 << 10, &mut text).unwrap();
        same_either_way(
            "gen",
            &text,
            &[7, 4096, 65_536, 100_003],
            ScanOptions::default(),
        );
    }
    let mut text = Vec::new();
    genlog::write(3, 100 << 10, &mut text).unwrap();
    // 2026-11-26T02:00Z and T10:00Z: two and ten hours into the log.
    let since = Some(genlog::START_MS + 2 * 3_600_000);
    let until = Some(genlog::START_MS + 10 * 3_600_000);
    for by in [By::Status, By::Prefix, By::Minute] {
        let options = ScanOptions {
            by,
            since,
            until,
            ..ScanOptions::default()
        };
        same_either_way("gen-range", &text, &[1000, 8192], options);
    }
}

/// Lines of every kind one after another, so that each boundary case meets
/// each other: captures, CRLF, invalid UTF-8, empty lines, lines of exactly
/// `MAX_LINE` bytes and one more, and no final line break.
#[test]
fn mixed_lines_long_lines_and_captures() {
    let ok = "o b [13/Aug/2015:01:43:42 +0000] 1.2.3.4 r R1 REST.GET.OBJECT k \"GET /b/k HTTP/1.1\" 200 - 1\n";
    let err = "o b [13/Aug/2015:01:44:42 +0000] 1.2.3.4 r R2 REST.PUT.OBJECT a/k \"PUT /b/k HTTP/1.1\" 503 SlowDown 1\n";
    let capture =
        "HTTP/1.1 403 Forbidden\r\nx-obs-request-id: R3\r\nx-obs-error-code: AccessDenied\r\n\r\n";
    let mut text = Vec::new();
    for i in 0..20 {
        text.extend(ok.repeat(i % 4).as_bytes());
        text.extend(capture.as_bytes());
        text.extend(ok.replace('\n', "\r\n").as_bytes());
        text.extend(err.as_bytes());
        text.extend(b"\n\n2024-03-15T10:15:00Z status [404], error code [NoSuchKey] \xff\n");
        let (before, after) = err.split_once("a/k").unwrap();
        text.extend(before.as_bytes());
        text.extend(b"a/\xe9");
        text.extend(after.as_bytes());
    }
    same_either_way("mixed", &text, SMALL, ScanOptions::default());

    let max = obserr::internals::MAX_LINE;
    let mut long = text.clone();
    for n in [max - 1, max, max + 1, 10 << 20] {
        long.extend(vec![b'x'; n]);
        long.push(b'\n');
        long.extend(err.as_bytes());
    }
    long.extend(vec![b'y'; max + 2]);
    long.extend(ok.trim_end().as_bytes());
    same_either_way(
        "long",
        &long,
        &[65_536, 1 << 20, max + 1, 3 << 20, 8 << 20],
        ScanOptions::default(),
    );
    let mut unterminated = text;
    unterminated.extend(err.trim_end().as_bytes());
    same_either_way("unterminated", &unterminated, SMALL, ScanOptions::default());
}

#[test]
fn binary_and_gzip_inputs() {
    let mut binary = vec![0u8; 200_000];
    binary.extend(
        b"o b [13/Aug/2015:01:44:42 +0000] ip r id OP k \"PUT /b/k HTTP/1.1\" 503 SlowDown 1\n",
    );
    same_either_way(
        "binary",
        &binary,
        &[7, 4096, 200_001],
        ScanOptions::default(),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut text = Vec::new();
    genlog::write(5, 50 << 10, &mut text).unwrap();
    gz.write_all(&text).unwrap();
    same_either_way(
        "gz",
        &gz.finish().unwrap(),
        &[7, 4096],
        ScanOptions::default(),
    );
}

/// Calls `then` once, when the first window has been applied.
struct Once<F: FnMut()>(Option<F>);

impl<F: FnMut()> Progress for Once<F> {
    fn advance(&mut self, _done: u64) {
        if let Some(mut f) = self.0.take() {
            f();
        }
    }
}

fn scan_changing(path: &Path, window: usize, change: impl FnMut()) -> String {
    let mut scanner = Scanner::new(ScanOptions::default());
    scanner.set_mapping(Some(Mapping { window, threads: 1 }));
    let mut file = File::open(path).unwrap();
    scanner.scan_file("input", &mut file, &mut Once(Some(change)));
    described(&scanner.finish())
}

/// A file that grows while it is scanned is read to its new end, as `read()`
/// reads it; one that shrinks (before its next window is mapped) is read to
/// its new end too.
#[test]
fn a_file_that_grows_or_shrinks_during_the_scan() {
    let mut first = Vec::new();
    genlog::write(6, 64 << 10, &mut first).unwrap();
    let mut more = Vec::new();
    genlog::write(7, 16 << 10, &mut more).unwrap();
    let window = 10_000;

    let path = temp("grows");
    std::fs::write(&path, &first).unwrap();
    let grown = scan_changing(&path, window, || {
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&more).unwrap();
    });
    let whole = scan_file(&path, ScanOptions::default(), None);
    assert!(grown == whole, "--- read\n{whole}\n--- mapped\n{grown}");

    std::fs::write(&path, &first).unwrap();
    let cut = window as u64 * 2 + 777;
    let shrunk = scan_changing(&path, window, || {
        OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(cut)
            .unwrap();
    });
    let whole = scan_file(&path, ScanOptions::default(), None);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), cut);
    assert!(shrunk == whole, "--- read\n{whole}\n--- mapped\n{shrunk}");
    std::fs::remove_file(&path).unwrap();
}
