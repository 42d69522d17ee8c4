//! The real-world corpus (`tests/fixtures/realworld/`, each sample with its
//! provenance and `[[expected]]` responses): every sample is decoded through
//! the library and checked field by field (code, status, request id, host id,
//! client side) and for the number of responses; a few go through the binary
//! too. All failures are reported at once, then the pass rate. The
//! comparison is `common/corpus.rs`'s, shared with `tests/clients.rs`.

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{check_sample, expectations, got};
use obserr::decode::decode_all;
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
    check_guide_table(&table(&samples));
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The binary reads the same: `decode --json` on a few samples of different
/// families gives the same fields as the library.
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
    const START: &str = "<!-- realworld-table: generated by tests/realworld.rs -->\n";
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
    panic!("GUIDE.md's real-world table is stale (OBSERR_UPDATE_GUIDE=1 cargo test --test realworld rewrites it):\n{table}");
}
