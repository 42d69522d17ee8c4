//! The real-world corpus (`tests/fixtures/realworld/`, each sample with its
//! provenance and `[[expected]]` responses): every sample is decoded through
//! the library and checked field by field (code, status, request id, host id,
//! client side) and for the number of responses; a few go through the binary
//! too. All failures are reported at once, then the pass rate. The
//! comparison is `common/corpus.rs`'s, shared with `tests/clients.rs`.

use crate::common::corpus;

use corpus::{check_sample, expectations, got, Expected};
use obserr::decode_all;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = "tests/fixtures/realworld";

fn samples() -> Vec<PathBuf> {
    corpus::samples(ROOT)
}

#[test]
fn every_sample_decodes_as_expected() {
    let samples = samples();
    assert!(
        samples.len() >= 80,
        "the corpus has {} samples",
        samples.len()
    );
    let mut failures = Vec::new();
    let (mut fields, mut fields_ok, mut samples_ok) = (0, 0, 0);
    for sample in &samples {
        assert!(
            !expectations(sample).is_empty(),
            "{}: no [[expected]]",
            sample.display()
        );
        let (checked, right, bad) = check_sample(ROOT, sample);
        fields += checked;
        fields_ok += right;
        if bad.is_empty() {
            samples_ok += 1;
        }
        failures.extend(bad);
    }
    eprintln!(
        "realworld corpus: {samples_ok}/{} samples, {fields_ok}/{fields} fields",
        samples.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    check_guide_table(&table(&samples));
}

/// The binary reads the same: `decode --json` on a few samples of different
/// families gives the same fields as the library.
/// `decode`'s short form on real text (the corpus and the decode fixtures):
/// each response in at most `SHORT_LINES` lines at 100 columns, ending with
/// `Next:`; no hex dump in it or in the full form.
#[test]
fn every_response_fits_the_short_form_and_no_hex_is_shown() {
    use obserr::internals::{
        diagnosis_human as human, diagnosis_verbose as human_verbose, SHORT_LINES,
    };
    let style = obserr::Style {
        width: Some(100),
        ..obserr::Style::default()
    };
    let mut files = samples();
    for f in std::fs::read_dir("tests/fixtures/decode").unwrap() {
        files.push(f.unwrap().path());
    }
    let hex = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .windows(8)
            .any(|w| {
                w.iter()
                    .all(|b| b.len() == 2 && b.bytes().all(|c| c.is_ascii_hexdigit()))
            })
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in files.iter().filter(|f| f.is_file()) {
        let bytes = std::fs::read(file).unwrap();
        for (n, r) in decode_all(&bytes).into_iter().enumerate() {
            let d = obserr::diagnose(r);
            let mut short = Vec::new();
            human(&mut short, &style, &d).unwrap();
            let short = String::from_utf8(short).unwrap();
            let mut full = Vec::new();
            human_verbose(&mut full, &style, &d).unwrap();
            let full = String::from_utf8(full).unwrap();
            checked += 1;
            let lines = short.lines().count();
            if lines > SHORT_LINES || !short.lines().last().unwrap().starts_with("Next:") {
                failures.push(format!("{} #{n}: {lines} lines\n{short}", file.display()));
            }
            if hex(&short) || hex(&full) {
                failures.push(format!("{} #{n}: hex\n{full}", file.display()));
            }
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_binary_agrees_on_a_few_samples() {
    for sample in [
        "aws-sdk-go-v2/juicefs-6236-two-errors-previous.txt",
        "obs-go/juicefs-3196-no-encryption-config.txt",
        "obsa-hadoop/dli-spark-obsa-caused-by.txt",
        "xml-body/otc-docs-error-body-wrapped-hostid.txt",
        "aws-java-v1/cloudformation-action-failed.txt",
    ] {
        let path = Path::new(ROOT).join(sample);
        let want = expectations(&path);
        let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
            .env_clear()
            .args(["decode", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{sample}: {e}: {:?}", out.stderr));
        let items = match json {
            serde_json::Value::Array(items) => items,
            one => vec![one],
        };
        assert_eq!(items.len(), want.len(), "{sample}: {items:?}");
        for (item, w) in items.iter().zip(&want) {
            let field = |k: &str| {
                item.get(k)
                    .or_else(|| item.get("response").and_then(|r| r.get(k)))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            assert_eq!(field("code"), w.code, "{sample}: {item}");
            assert_eq!(field("request_id"), w.request_id, "{sample}: {item}");
            assert_eq!(field("host_id"), w.host_id, "{sample}: {item}");
            let status = item
                .get("status")
                .or_else(|| item.get("response").and_then(|r| r.get("status")))
                .and_then(|v| v.as_u64());
            assert_eq!(status, w.status.map(u64::from), "{sample}: {item}");
        }
    }
}

/// Per family: samples, responses, and how many of them state (and decode
/// reads) each field.
fn table(samples: &[PathBuf]) -> String {
    use std::collections::BTreeMap;
    let mut rows: BTreeMap<String, [usize; 7]> = BTreeMap::new();
    for sample in samples {
        let family = sample
            .parent()
            .and_then(|p| p.file_name())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let want = expectations(sample);
        let responses = decode_all(&std::fs::read(sample).unwrap());
        let row = rows.entry(family).or_default();
        row[0] += 1;
        row[1] += want.len();
        for (w, g) in want.iter().zip(responses.iter().map(got)) {
            let read = |w: bool, same: bool| usize::from(w && same);
            row[2] += read(w.code.is_some(), w.code == g.code);
            row[3] += read(w.status.is_some(), w.status == g.status);
            row[4] += read(w.request_id.is_some(), w.request_id == g.request_id);
            row[5] += read(w.host_id.is_some(), w.host_id == g.host_id);
            row[6] += read(w.client_side == Some(true), g.client_side == Some(true));
        }
    }
    let mut out = String::from(
        "| family | samples | responses | code | status | request id | host id | no response |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut total = [0usize; 7];
    for (family, row) in &rows {
        out.push_str(&format!("| {family} |"));
        for (n, t) in row.iter().zip(total.iter_mut()) {
            out.push_str(&format!(" {n} |"));
            *t += n;
        }
        out.push('\n');
    }
    out.push_str("| **all** |");
    for t in total {
        out.push_str(&format!(" **{t}** |"));
    }
    out.push('\n');
    out
}

/// The table in GUIDE.md must be the one the corpus gives (between its
/// markers); `OBSERR_UPDATE_GUIDE=1` rewrites it.
fn check_guide_table(table: &str) {
    const START: &str = "<!-- realworld-table: generated by tests/it/realworld.rs -->\n";
    const END: &str = "<!-- /realworld-table -->";
    let guide = std::fs::read_to_string("GUIDE.md").expect("GUIDE.md is there");
    let (Some(a), Some(b)) = (guide.find(START), guide.find(END)) else {
        panic!("GUIDE.md has no realworld table markers");
    };
    let current = &guide[a + START.len()..b];
    if current == table {
        return;
    }
    if std::env::var_os("OBSERR_UPDATE_GUIDE").is_some() {
        let updated = format!("{}{table}{}", &guide[..a + START.len()], &guide[b..]);
        std::fs::write("GUIDE.md", updated).unwrap();
        return;
    }
    panic!("GUIDE.md's real-world table is stale (OBSERR_UPDATE_GUIDE=1 cargo test --test it realworld:: rewrites it):\n{table}");
}

/// What a perfect reader of `a` then `b` gives, from what it gives of each:
/// every response of both in order, but for the last of `a` and the first of
/// `b` when they carry the same request id, or when the first of `b` names the
/// code or status of an identified last of `a` and no id on `b`'s first line
/// alone (`b_one_line`: a tool's closing message) (and they agree on code and
/// status): one response told twice, which fills what the first mention
/// lacks.
fn joined_model(mut a: Vec<Expected>, b: Vec<Expected>, b_one_line: bool) -> Vec<Expected> {
    let mut b = b.into_iter();
    if let (Some(last), Some(first)) = (a.last_mut(), b.as_slice().first()) {
        let agree = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
        let retold = b_one_line
            && last.request_id.is_some()
            && (last.code.is_some() || last.status.is_some())
            && (first.code == last.code || first.code.is_none())
            && (first.status == last.status || first.status.is_none())
            && (first.code.is_some() || first.status.is_some())
            && first.request_id.is_none()
            && first.host_id.is_none();
        if (retold || (last.request_id.is_some() && last.request_id == first.request_id))
            && agree(&last.code, &first.code)
            && (last.status.is_none() || first.status.is_none() || last.status == first.status)
        {
            let first = b.next().unwrap();
            last.code = last.code.take().or(first.code);
            last.status = last.status.or(first.status);
            last.host_id = last.host_id.take().or(first.host_id);
            last.client_side =
                Some(last.client_side == Some(true) || first.client_side == Some(true));
        }
    }
    a.extend(b);
    a
}

/// Whether the record of a sample's first response is one line: the first
/// paragraph that reads as a response is.
fn one_line(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.split("\n\n")
        .find(|p| !reading(p.as_bytes()).is_empty())
        .is_some_and(|p| !p.trim().contains('\n'))
}

fn reading(bytes: &[u8]) -> Vec<Expected> {
    decode_all(bytes).iter().map(got).collect()
}

fn join(parts: &[&[u8]]) -> Vec<u8> {
    parts.join(&b"\n\n"[..])
}

/// Issue 19's metamorphic property, exhaustively: every ordered pair of
/// different samples, pasted with a blank line between them, reads as the
/// two read apart, response by response and field by field.
#[test]
fn every_pair_reads_as_its_samples_read_apart() {
    let alone: Vec<(String, Vec<u8>, Vec<Expected>)> = samples()
        .iter()
        .map(|s| {
            let bytes = std::fs::read(s).unwrap();
            let reading = reading(&bytes);
            (
                s.strip_prefix(ROOT).unwrap().display().to_string(),
                bytes,
                reading,
            )
        })
        .collect();
    let mut failures = Vec::new();
    let mut pairs = 0;
    for (i, (name_a, a, read_a)) in alone.iter().enumerate() {
        for (j, (name_b, b, read_b)) in alone.iter().enumerate() {
            if i == j {
                continue;
            }
            pairs += 1;
            let want = joined_model(read_a.clone(), read_b.clone(), one_line(b));
            let got = reading(&join(&[a, b]));
            if format!("{want:?}") != format!("{got:?}") {
                failures.push(format!(
                    "{name_a} + {name_b}:\n  want {want:?}\n  got  {got:?}"
                ));
            }
        }
    }
    assert!(pairs > 16_000, "{pairs} pairs");
    assert!(
        failures.is_empty(),
        "{} of {pairs} pairs read otherwise than apart:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The whole corpus as one paste gives every response, in order; and a
/// sample pasted twice reads as the model says (once when its responses carry
/// request ids, twice when nothing tells the two apart).
#[test]
fn the_whole_corpus_as_one_paste_reads_in_order() {
    let samples: Vec<Vec<u8>> = samples()
        .iter()
        .map(|s| std::fs::read(s).unwrap())
        .collect();
    let mut want = Vec::new();
    for s in &samples {
        want = joined_model(want, reading(s), one_line(s));
    }
    let all: Vec<&[u8]> = samples.iter().map(Vec::as_slice).collect();
    let got = reading(&join(&all));
    assert_eq!(got.len(), want.len());
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(format!("{g:?}"), format!("{w:?}"), "response {n}");
    }
    for s in &samples {
        let twice = reading(&join(&[s, s]));
        assert_eq!(
            format!("{twice:?}"),
            format!("{:?}", joined_model(reading(s), reading(s), one_line(s)))
        );
    }
}

/// scan and decode agree on every line shape: every one-line sample that
/// decode reads as one error, repeated N times, is counted by scan as N
/// errors of that code (or status) and request id.
#[test]
fn scan_counts_every_one_line_sample_decode_reads() {
    use obserr::scan_bytes;
    use obserr::ScanOptions;
    const N: u64 = 3;
    let mut checked = 0;
    for sample in samples() {
        let bytes = std::fs::read(&sample).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let line = text.trim();
        if line.contains('\n') {
            continue;
        }
        let read = reading(line.as_bytes());
        let [one] = read.as_slice() else { continue };
        if one.code.is_none() && one.status.is_none() {
            continue;
        }
        if one.status.is_some_and(|s| s < 400) && one.code.is_none() {
            continue;
        }
        let log = format!("{line}\n").repeat(N as usize);
        let report = scan_bytes(log.as_bytes(), ScanOptions::default());
        let name = sample.display();
        assert_eq!(report.errors, N, "{name}: {report:?}");
        let group = report
            .groups
            .iter()
            .find(|g| g.code == one.code && (one.code.is_some() || g.status == one.status))
            .unwrap_or_else(|| panic!("{name}: no group for {one:?} in {:?}", report.groups));
        assert_eq!(group.count, N, "{name}");
        if let Some(id) = &one.request_id {
            assert_eq!(group.request_ids, std::slice::from_ref(id), "{name}");
        }
        checked += 1;
    }
    assert!(checked >= 30, "{checked} one-line samples");
}
