//! What the two corpora of pasted text share (`tests/realworld.rs`, issue
//! 11's samples from issue trackers; `tests/clients.rs`, issue 20's
//! recordings of real clients): each sample is a `.txt` with a `.toml` beside
//! it whose `[[expected]]` entries say what a perfect reader finds, and the
//! check compares decode's reading with them field by field.
//!
//! An expected entry without a field means the text states none: decode must
//! not invent one (from a placeholder, a number elsewhere, a neighbouring
//! field). `client_side` is checked only where the entry states it.
//! `client_code` is a code the client wrote itself for a response that had
//! none (a HEAD response has no body): the reading must give it as the code.

#![allow(dead_code)]

use obserr::Response;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Clone)]
pub struct Expected {
    pub code: Option<String>,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub client_side: Option<bool>,
    pub client_code: Option<String>,
}

/// Every `<root>/<family>/*.txt`, sorted.
pub fn samples(root: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for family in std::fs::read_dir(root).expect("the corpus is there") {
        let family = family.unwrap().path();
        if !family.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&family).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "txt") {
                out.push(file);
            }
        }
    }
    out.sort();
    out
}

/// The sample's `.toml`, parsed.
pub fn provenance(sample: &Path) -> toml_edit::DocumentMut {
    let toml = std::fs::read_to_string(sample.with_extension("toml"))
        .unwrap_or_else(|e| panic!("{}: no provenance file: {e}", sample.display()));
    toml.parse().expect("provenance is TOML")
}

/// The `[[expected]]` entries of a sample, in order (none when it has none).
pub fn expectations(sample: &Path) -> Vec<Expected> {
    let doc = provenance(sample);
    let Some(entries) = doc.get("expected").and_then(|e| e.as_array_of_tables()) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|t| {
            let text = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
            Expected {
                code: text("code"),
                status: t
                    .get("status")
                    .and_then(|v| v.as_integer())
                    .map(|n| u16::try_from(n).expect("a status")),
                request_id: text("request_id"),
                host_id: text("host_id"),
                client_side: t.get("client_side").and_then(|v| v.as_bool()),
                client_code: text("client_code"),
            }
        })
        .collect()
}

/// What decode reported for one response, in the corpus's terms.
pub fn got(r: &Response) -> Expected {
    Expected {
        code: r.code.clone(),
        status: r.status,
        request_id: r.request_id.clone(),
        host_id: r.host_id.clone(),
        client_side: Some(r.no_response.is_some()),
        client_code: None,
    }
}

/// Compares one response; returns (fields checked, failures).
pub fn compare(name: &str, n: usize, want: &Expected, got: &Expected) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut check = |field: &str, w: String, g: String| {
        checked += 1;
        if w != g {
            failures.push(format!(
                "{name} [response {n}] {field}: got {g}, expected {w}"
            ));
        }
    };
    check(
        "code",
        format!("{:?}", want.code.as_ref().or(want.client_code.as_ref())),
        format!("{:?}", got.code),
    );
    check(
        "status",
        format!("{:?}", want.status),
        format!("{:?}", got.status),
    );
    check(
        "request_id",
        format!("{:?}", want.request_id),
        format!("{:?}", got.request_id),
    );
    check(
        "host_id",
        format!("{:?}", want.host_id),
        format!("{:?}", got.host_id),
    );
    if let Some(cs) = want.client_side {
        check(
            "client_side",
            cs.to_string(),
            got.client_side.unwrap_or(false).to_string(),
        );
    }
    (checked, failures)
}

/// Decodes one sample and compares every response with its expectations:
/// (fields checked, fields right, failures). A count that differs is one
/// failure more.
pub fn check_sample(root: &str, sample: &Path) -> (usize, usize, Vec<String>) {
    let name = sample.strip_prefix(root).unwrap().display().to_string();
    let want = expectations(sample);
    let bytes = std::fs::read(sample).unwrap();
    let responses = obserr::decode_all(&bytes);
    let mut bad = Vec::new();
    if responses.len() != want.len() {
        bad.push(format!(
            "{name} responses: got {}, expected {}",
            responses.len(),
            want.len()
        ));
    }
    let none = Expected {
        client_side: Some(false),
        ..Expected::default()
    };
    let (mut fields, mut fields_ok) = (0, 0);
    for (n, w) in want.iter().enumerate() {
        let g = responses.get(n).map_or_else(|| none.clone(), got);
        let (checked, f) = compare(&name, n + 1, w, &g);
        fields += checked;
        fields_ok += checked - f.len();
        bad.extend(f);
    }
    (fields, fields_ok, bad)
}
