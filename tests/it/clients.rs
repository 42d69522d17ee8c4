//! The recordings of real clients (`tests/fixtures/clients/`, issue 20):
//! what each current S3 or OBS client prints for each OBS error, recorded by
//! `scripts/record-clients.sh` against a local OBS-like server, with the
//! responses that server sent in `[[expected]]`. No client is needed here:
//! the recordings are fixtures.
//!
//! Every recording is decoded and compared field by field (the comparison
//! of `tests/realworld.rs`, in `common/corpus.rs`); all failures are
//! reported at once, then the pass rate, which must be 100%. The recordings
//! shaped like logs (debug logs, SDK log files) go through `scan`, and those
//! that carry a string to sign through `sigcheck`.

use crate::common::corpus;

use corpus::{check_sample, expectations, provenance};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = "tests/fixtures/clients";

/// The fake secret key every recording was signed with (see
/// scripts/record_clients.py): not a secret, and the only key sigcheck
/// needs to check the recorded signatures.
const FAKE_SECRET: &str = "fakeSecretKeyForRecordingOnly00000000000";

fn recordings() -> Vec<PathBuf> {
    corpus::samples(ROOT)
}

/// The code a recording provokes: its name is `<operation>-<code>[.<form>]`.
fn code_of(path: &Path) -> String {
    let stem = path.file_name().unwrap().to_string_lossy();
    let stem = stem.split('.').next().unwrap();
    stem.rsplit('-').next().unwrap().to_string()
}

fn client_of(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Debug logs and SDK log files: what `scan` is for.
fn is_log(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.ends_with(".debug.txt") || name.ends_with(".sdklog.txt")
}

/// A code counts for a client when the server sent it an error for it (a
/// recording whose client never met the error, as rclone reading past an
/// object's end, says "The server sent no error.").
#[test]
fn at_least_ten_clients_with_twelve_codes_each() {
    let mut codes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in recordings() {
        let doc = provenance(&r);
        let notes = doc.get("notes").and_then(|v| v.as_str()).unwrap_or("");
        if notes.contains("The server sent no error.") {
            continue;
        }
        codes.entry(client_of(&r)).or_default().insert(code_of(&r));
    }
    assert!(codes.len() >= 10, "clients recorded: {:?}", codes.keys());
    for (client, codes) in &codes {
        assert!(
            codes.len() >= 12,
            "{client} has {} codes: {codes:?}",
            codes.len()
        );
    }
}

#[test]
fn every_recording_has_its_provenance() {
    for r in recordings() {
        let doc = provenance(&r);
        for key in ["client", "version", "command", "notes"] {
            let value = doc.get(key).and_then(|v| v.as_str());
            assert!(
                value.is_some_and(|v| !v.is_empty()),
                "{}: no {key}",
                r.display()
            );
        }
        assert_eq!(
            doc.get("client").and_then(|v| v.as_str()),
            Some(client_of(&r).as_str()),
            "{}",
            r.display()
        );
    }
}

#[test]
fn every_recording_decodes_as_expected() {
    let recordings = recordings();
    let mut failures = Vec::new();
    let (mut fields, mut fields_ok, mut ok) = (0, 0, 0);
    for r in &recordings {
        let (checked, right, bad) = check_sample(ROOT, r);
        fields += checked;
        fields_ok += right;
        if bad.is_empty() {
            ok += 1;
        }
        failures.extend(bad);
    }
    eprintln!(
        "client recordings: {ok}/{} recordings, {fields_ok}/{fields} fields",
        recordings.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(recordings.len() >= 200, "{} recordings", recordings.len());
}

/// `scan` counts the errors in every recording shaped like a log: at least
/// one per error response the recording shows, and every code the server
/// sent (and the text shows) among its groups.
#[test]
fn scan_counts_the_errors_in_the_logs() {
    let mut failures = Vec::new();
    let mut logs = 0;
    for r in recordings().into_iter().filter(|r| is_log(r)) {
        logs += 1;
        let want = expectations(&r);
        let bytes = std::fs::read(&r).unwrap();
        let report = obserr::scan_bytes(&bytes, obserr::ScanOptions::default());
        let name = r.display();
        // A debug log shows successful look-ups too: those are no errors.
        let errors = want
            .iter()
            .filter(|w| w.status.is_none_or(|s| s >= 400) || w.code.is_some())
            .count();
        if report.errors < u64::try_from(errors).unwrap().max(1) {
            failures.push(format!(
                "{name}: scan counted {} errors, the log shows {errors}",
                report.errors
            ));
        }
        let codes: BTreeSet<&str> = report
            .groups
            .iter()
            .filter_map(|g| g.code.as_deref())
            .collect();
        for w in &want {
            if let Some(code) = &w.code
                && !codes.contains(code.as_str())
            {
                failures.push(format!("{name}: scan's groups lack {code}: {codes:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(logs >= 18, "{logs} logs");
}

/// `sigcheck` reads every debug log that carries the server's string to
/// sign and, given the (fake) key the client signed with, reaches a verdict
/// (exit 0): the server's string is the one the client signed, so the key
/// is what differs (`wrong_secret_key`).
#[test]
fn sigcheck_reads_the_debug_logs_with_a_string_to_sign() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for r in recordings() {
        let text = String::from_utf8_lossy(&std::fs::read(&r).unwrap()).into_owned();
        if !is_log(&r) || !text.contains("<StringToSign>") {
            continue;
        }
        checked += 1;
        let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
            .env_clear()
            .env("OBS_SECRET_ACCESS_KEY", FAKE_SECRET)
            .args(["--json", "sigcheck"])
            .arg(&r)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        if out.status.code() != Some(0) {
            failures.push(format!(
                "{}: exit {:?}: {stdout} {}",
                r.display(),
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        assert!(
            !stdout.contains(FAKE_SECRET),
            "{}: the key is shown",
            r.display()
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 3, "{checked} debug logs with a string to sign");
}
