//! `scan --merge`: the `--json` reports of consecutive parts of a log,
//! merged, are the report of one scan of the whole. Parts are cut from logs
//! of the seeded generator (`tests/common/genlog.rs`) at random line
//! boundaries, each scanned alone, written as `scan --json` writes it, read
//! back (`render::scan::read_report`) and merged, in any order (parts from
//! `xargs -P` or a cluster come back in any order).

use crate::common::genlog;

use obserr::internals::{read_report, write_json, LogFindingJson, PartError, ScanJson};
use obserr::By;
use obserr::Report;
use obserr::ScanOptions;
use obserr::{Human, Style};
use proptest::prelude::*;

fn generated(seed: u64, bytes: u64) -> String {
    let mut out = Vec::new();
    genlog::write(seed, bytes, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The text cut at `cuts` (byte offsets, moved to the next line start).
fn split<'a>(text: &'a str, cuts: &[usize]) -> Vec<&'a str> {
    let mut at: Vec<usize> = cuts
        .iter()
        .map(|&c| {
            let c = c.min(text.len());
            text[c..].find('\n').map_or(text.len(), |i| c + i + 1)
        })
        .collect();
    at.sort_unstable();
    let mut parts = Vec::new();
    let mut from = 0;
    for to in at {
        parts.push(&text[from..to]);
        from = to;
    }
    parts.push(&text[from..]);
    parts
}

/// A part's report as `scan --json` writes it, read back.
fn through_json(r: &Report) -> (Vec<obserr::InputReport>, obserr::State) {
    let mut out = Vec::new();
    write_json(&mut out, &ScanJson::new(r)).unwrap();
    read_report(&out).unwrap()
}

fn merged(parts: &[&str], options: ScanOptions) -> Report {
    let states = parts
        .iter()
        .map(|p| through_json(&obserr::scan_bytes(p.as_bytes(), options)))
        .collect();
    obserr::merge(states).unwrap().unwrap()
}

/// The report as text and JSON, but for what names the inputs (their
/// number in the first line, the `inputs` list).
fn rendered(r: &Report) -> (String, serde_json::Value) {
    let mut text = Vec::new();
    let style = Style {
        width: Some(100),
        ..Style::default()
    };
    Human::new(&style).scan_report(&mut text, r, true).unwrap();
    let text = String::from_utf8(text).unwrap();
    let body = text
        .split_once('\n')
        .map_or("", |(_, rest)| rest)
        .to_string();
    let head = text.lines().next().unwrap_or("");
    let head = head.split(" in ").next().unwrap().to_string();
    let mut out = Vec::new();
    write_json(&mut out, &ScanJson::new(r)).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    value.as_object_mut().unwrap().remove("inputs");
    (head + "\n" + &body, value)
}

fn assert_same(whole: &Report, merged: &Report) {
    assert_eq!(merged.requests, whole.requests);
    assert_eq!(merged.errors, whole.errors);
    assert_eq!(merged.bytes, whole.bytes);
    assert_eq!(merged.lines, whole.lines);
    assert_eq!(
        (merged.first_seen, merged.last_seen),
        (whole.first_seen, whole.last_seen)
    );
    assert_eq!(merged.groups, whole.groups);
    assert_eq!(merged.timeline, whole.timeline);
    assert_eq!(merged.findings, whole.findings);
    assert_eq!(rendered(merged), rendered(whole));
}

const BYS: [By; 9] = [
    By::Code,
    By::Status,
    By::Operation,
    By::Bucket,
    By::Prefix,
    By::Key,
    By::Requester,
    By::Ip,
    By::Minute,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_splits_merge_into_the_whole(
        seed in 0u64..1000,
        cuts in prop::collection::vec(0usize..400_000, 0..5),
        by in 0usize..BYS.len(),
        window in prop::option::of((0i64..20, 1i64..20)),
        rotate in 0usize..5,
        reverse in any::<bool>(),
    ) {
        let text = generated(seed, 400_000);
        let mut options = ScanOptions { by: BYS[by], ..ScanOptions::default() };
        if let Some((from, length)) = window {
            options.since = Some(genlog::START_MS + from * 60_000);
            options.until = Some(genlog::START_MS + (from + length) * 60_000);
        }
        let whole = obserr::scan_bytes(text.as_bytes(), options);
        let mut parts = split(&text, &cuts);
        let by = rotate % parts.len();
        parts.rotate_left(by);
        if reverse {
            parts.reverse();
        }
        assert_same(&whole, &merged(&parts, options));
    }
}

/// The case: three parts of a 240,000-line log.
#[test]
fn three_parts_of_a_240_000_line_log() {
    let mut text = generated(7, 240_000 * 340);
    let end = text.match_indices('\n').nth(239_999).map(|(i, _)| i + 1);
    text.truncate(end.expect("the generator wrote 240,000 lines"));
    let whole = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
    assert_eq!(whole.lines, 240_000);
    let third = text.len() / 3;
    let merged = merged(&split(&text, &[third, 2 * third]), ScanOptions::default());
    assert_eq!(merged.inputs.len(), 3);
    let kinds = |r: &Report| -> Vec<String> {
        r.findings
            .iter()
            .map(|f| serde_json::to_value(LogFindingJson::from(f)).unwrap()["kind"].to_string())
            .collect()
    };
    assert!(!kinds(&whole).is_empty(), "the planted events are found");
    assert_eq!(kinds(&merged), kinds(&whole));
    assert_same(&whole, &merged);
}

#[test]
fn reports_of_another_version_or_options_do_not_merge() {
    let text = generated(1, 50_000);
    let r = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
    let mut out = Vec::new();
    write_json(&mut out, &ScanJson::new(&r)).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    value["format"] = serde_json::json!(obserr::internals::FORMAT + 1);
    let bytes = serde_json::to_vec(&value).unwrap();
    assert_eq!(
        read_report(&bytes).unwrap_err(),
        PartError::Version(obserr::internals::FORMAT + 1)
    );
    // A report from before reports merged: no format, no state.
    value.as_object_mut().unwrap().remove("format");
    value.as_object_mut().unwrap().remove("state");
    let bytes = serde_json::to_vec(&value).unwrap();
    assert_eq!(read_report(&bytes).unwrap_err(), PartError::Version(0));
    assert!(matches!(
        read_report(b"[1, 2]"),
        Err(PartError::NotReport(_))
    ));
    let by_status = obserr::scan_bytes(
        text.as_bytes(),
        ScanOptions {
            by: By::Status,
            ..ScanOptions::default()
        },
    );
    assert_eq!(
        obserr::merge(vec![through_json(&r), through_json(&by_status)]).unwrap_err(),
        obserr::internals::Mismatch::By(By::Code, By::Status)
    );
}

/// A report read back may have been written by hand: a minute no timestamp
/// can name is refused, and caps are bounded, never a panic.
#[test]
fn hand_written_states_are_refused_or_bounded() {
    let text = generated(2, 50_000);
    let r = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
    let mut out = Vec::new();
    write_json(&mut out, &ScanJson::new(&r)).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();

    let mut far = value.clone();
    far["state"]["minutes"] = serde_json::json!({ "9223372036854775807": [1, 1] });
    let bytes = serde_json::to_vec(&far).unwrap();
    assert!(matches!(read_report(&bytes), Err(PartError::NotReport(_))));

    let mut tiny = value.clone();
    tiny["state"]["groups"]["cap"] = serde_json::json!(0);
    let bytes = serde_json::to_vec(&tiny).unwrap();
    let part = read_report(&bytes).unwrap();
    let merged = obserr::merge(vec![part, through_json(&r)])
        .unwrap()
        .unwrap();
    assert_eq!(merged.errors, 2 * r.errors, "counts still add up");
    // The hand-edited part's groups are gone (its cap kept none of them);
    // the other part's are all there.
    let grouped: u64 = merged.groups.iter().map(|g| g.count).sum();
    assert_eq!(grouped, r.errors);
}

/// A hand-edited report whose counts are near `u64::MAX` merges with
/// itself and is judged without an overflow: counts saturate.
#[test]
fn huge_counts_saturate() {
    let text = generated(2, 50_000);
    let r = obserr::scan_bytes(text.as_bytes(), ScanOptions::default());
    let mut out = Vec::new();
    write_json(&mut out, &ScanJson::new(&r)).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let huge = serde_json::json!(u64::MAX - 1);
    let state = &mut value["state"];
    for field in ["requests", "errors", "untimed", "outside", "ungrouped"] {
        state[field] = huge.clone();
    }
    for field in [
        "signature_total",
        "signature_encoded",
        "forbidden",
        "server",
    ] {
        state["evidence"][field] = huge.clone();
    }
    for counter in [
        "forbidden_requesters",
        "forbidden_operations",
        "server_keys",
    ] {
        state["evidence"][counter]["other"] = huge.clone();
    }
    state["span"] = serde_json::json!([i64::MIN, i64::MAX]);
    state["evidence"]["server_span"] = serde_json::json!([i64::MIN, i64::MAX]);
    let bytes = serde_json::to_vec(&value).unwrap();
    let Ok(part) = read_report(&bytes) else {
        return; // refused as another shape: nothing to merge
    };
    let merged = obserr::merge(vec![part.clone(), part]).unwrap().unwrap();
    assert_eq!(merged.requests, u64::MAX);
    Human::new(&Style::default())
        .scan_report(&mut Vec::new(), &merged, true)
        .unwrap();
    obserr::Json::scan_report(&mut Vec::new(), &merged).unwrap();
}
