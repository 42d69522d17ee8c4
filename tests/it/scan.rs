//! `obserr scan`'s library against logs from the seeded generator
//! (`tests/common/genlog.rs`): its counts must equal a straightforward
//! reference count of the same bytes, and the bursts the generator planted
//! must come out as findings.

use crate::common::genlog;

use obserr::internals::Dimension;
use obserr::By;
use obserr::LogFinding;
use obserr::ScanOptions;
use std::collections::BTreeMap;

fn generated(seed: u64, bytes: u64) -> String {
    let mut out = Vec::new();
    genlog::write(seed, bytes, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn counts_equal_the_reference_count() {
    for seed in [1, 2] {
        let text = generated(seed, 3 << 20);
        let reference = genlog::reference_count(&text);
        let report = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
        let lines = text.lines().count() as u64;
        assert_eq!(report.lines, lines);
        assert_eq!(report.requests, lines, "every line is a request");
        assert_eq!(report.errors, reference.values().sum::<u64>());
        let counted: BTreeMap<(String, String), u64> = report
            .groups
            .iter()
            .map(|g| {
                let code = g.code.clone().unwrap_or_else(|| "-".into());
                ((code, g.status.unwrap().to_string()), g.count)
            })
            .collect();
        assert_eq!(counted, reference, "seed {seed}");
        // Groups by count, descending.
        assert!(report.groups.windows(2).all(|w| w[0].count >= w[1].count));
        assert_eq!(
            report.timeline.iter().map(|m| m.requests).sum::<u64>(),
            lines
        );
    }
}

#[test]
fn the_planted_events_are_found() {
    let text = generated(1, 3 << 20);
    let report = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
    let f = &report.findings;
    assert!(
        f.iter()
            .any(|f| matches!(f, LogFinding::ThrottlingBegan { prefix, .. } if prefix == "logs/")),
        "{f:#?}"
    );
    assert!(
        f.iter().any(
            |f| matches!(f, LogFinding::ClockSkewFromClient { ip, .. } if ip == genlog::SKEWED_IP)
        ),
        "{f:#?}"
    );
    assert!(
        f.iter()
            .any(|f| matches!(f, LogFinding::SignatureOnKeysNeedingEncoding { .. })),
        "{f:#?}"
    );
    assert!(f.iter().any(|f| matches!(f, LogFinding::ForbiddenConcentrated { on: Dimension::Operation, value, .. } if value == "REST.PUT.OBJECT")), "{f:#?}");
    assert!(
        f.iter()
            .any(|f| matches!(f, LogFinding::ServerErrorsSpread { .. })),
        "{f:#?}"
    );
    // The throttling began where the generator put it: 25% into the day.
    let since = f
        .iter()
        .find_map(|f| match f {
            LogFinding::ThrottlingBegan { since, .. } => Some(*since),
            _ => None,
        })
        .unwrap();
    let day = report.last_seen.unwrap() - genlog::START_MS;
    let at = (since - genlog::START_MS) * 100 / day;
    assert!((24..=28).contains(&at), "began {at}% into the day");
}

#[test]
fn regrouping_keeps_the_total() {
    let text = generated(3, 1 << 20);
    for by in [
        By::Status,
        By::Operation,
        By::Bucket,
        By::Prefix,
        By::Requester,
        By::Ip,
        By::Minute,
    ] {
        let report = obserr::scan_bytes(
            text.as_bytes(),
            ScanOptions {
                by,
                ..ScanOptions::default()
            },
        );
        let grouped: u64 = report.groups.iter().map(|g| g.count).sum::<u64>() + report.ungrouped;
        assert_eq!(grouped, report.errors, "{by:?}");
    }
}

#[test]
fn gzip_gives_the_same_counts() {
    use std::io::Write;
    let text = generated(4, 1 << 20);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let plain = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
    let zipped = obserr::scan_bytes(&gz, ScanOptions::default());
    assert_eq!(plain.groups, zipped.groups);
    assert_eq!((plain.lines, plain.bytes), (zipped.lines, zipped.bytes));
}

#[test]
fn the_documented_example_line() {
    let page =
        std::fs::read_to_string("tests/fixtures/scan/umn_logging_overview_access_log_format.rst")
            .unwrap();
    // The page wraps the one-line example over three indented lines.
    let block = page.split(".. code-block::").nth(1).unwrap();
    let line = block
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let parsed =
        obserr::internals::access::parse(line.as_bytes()).expect("the documented example parses");
    assert_eq!(parsed.operation, b"REST.GET.BUCKET.LOCATION");
    assert_eq!(parsed.status, 200);
    assert_eq!(obserr::internals::utc(parsed.time), "2015-08-13T01:43:42Z");
}

/// Inputs the `scan` fuzz target once failed on (`tests/fixtures/scan/fuzz/`):
/// wherever the hot path and the full reader both read a line, they agree.
#[test]
fn fuzz_findings_stay_fixed() {
    for entry in std::fs::read_dir("tests/fixtures/scan/fuzz").unwrap() {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        let mut cache = obserr::internals::access::MinuteCache::default();
        for line in data.split(|&b| b == b'\n') {
            if let (obserr::internals::access::Fast::Success(t), Some(full)) = (
                obserr::internals::access::fast(line, &mut cache),
                obserr::internals::access::parse(line),
            ) {
                assert_eq!(full.time, t, "{line:?}");
                assert!(full.status < 400 && full.error_code.is_none(), "{line:?}");
            }
        }
    }
}
