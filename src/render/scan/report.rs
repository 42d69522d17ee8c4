//! `scan --json`: the report, its groups and findings, and the state
//! `scan --merge` reads back.

use super::finding::finding;
use super::group::retryable;
use crate::catalogue;
use crate::scan::{By, Count, InputReport, LogFinding, Report};
use serde::Serialize;

/// `scan --json`.
#[derive(Serialize)]
pub struct ScanJson<'a> {
    /// The version of `state` ([`crate::scan::FORMAT`]).
    pub format: u32,
    /// Every input, in the order read.
    pub inputs: &'a [InputReport],
    /// Bytes of text read.
    pub bytes: u64,
    /// Lines read.
    pub lines: u64,
    /// Requests counted (access-log lines, responses other lines report).
    pub requests: u64,
    /// Requests that failed: a status of 400 or more, or an error code.
    pub errors: u64,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the first one was made (milliseconds since the epoch).
    pub first_seen: Option<i64>,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the last one was made.
    pub last_seen: Option<i64>,
    /// What errors are grouped by.
    pub by: By,
    /// Groups of errors, most frequent first.
    pub groups: Vec<GroupJson<'a>>,
    /// Errors beyond the groups kept (`scan::MAX_GROUPS`).
    pub ungrouped: u64,
    /// Patterns in the whole log.
    pub findings: Vec<LogFindingJson<'a>>,
    /// What the report was computed from, for `scan --merge`: on one line,
    /// as it is for programs (it is most of the document's size written
    /// out one value a line).
    pub state: Box<serde_json::value::RawValue>,
}

#[derive(Serialize)]
/// One group in `scan --json`, in the issue's key order.
pub struct GroupJson<'a> {
    /// The error code, if the log names one.
    pub code: Option<&'a str>,
    /// The HTTP status, if known.
    pub status: Option<u16>,
    /// The value grouped by (`--by` other than code and status).
    pub value: Option<&'a str>,
    /// A tool's failures before any request was sent (no status, no code).
    pub client_failure: bool,
    /// Errors in the group.
    pub count: u64,
    /// Of all requests.
    pub share: f64,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the first one was made (milliseconds since the epoch).
    pub first_seen: Option<i64>,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the last one was made.
    pub last_seen: Option<i64>,
    /// Up to three request IDs, for support.
    pub request_ids: &'a [String],
    /// Its most frequent codes (or bare statuses).
    pub codes: &'a [Count],
    /// Its most frequent operations.
    pub operations: &'a [Count],
    /// Its most frequent buckets.
    pub buckets: &'a [Count],
    /// Its most frequent key prefixes.
    pub prefixes: &'a [Count],
    /// Its most frequent keys.
    pub keys: &'a [Count],
    /// Whether a retry helps (the catalogue, or the retry rule for a bare status).
    pub retryable: Option<bool>,
    /// The catalogue's retry advice.
    pub retry_advice: Option<&'static str>,
    /// The catalogue's one-line fix.
    pub fix: Option<&'static str>,
}

/// A finding: its data, and its sentence.
#[derive(Serialize)]
pub struct LogFindingJson<'a> {
    #[serde(flatten)]
    /// The finding as data.
    pub finding: &'a LogFinding,
    /// The finding in a sentence.
    pub text: String,
}

/// `value` as JSON on one line, escaped as all of obserr's JSON is.
fn compact(value: &impl Serialize) -> Box<serde_json::value::RawValue> {
    let mut line = Vec::new();
    crate::render::json::write_line(&mut line, value).expect("writing to memory cannot fail");
    let text = String::from_utf8(line).expect("serde_json writes UTF-8");
    serde_json::value::RawValue::from_string(text.trim_end().to_string())
        .expect("serde_json wrote valid JSON")
}

impl<'a> ScanJson<'a> {
    /// The document for a report.
    #[must_use]
    pub fn new(r: &'a Report) -> Self {
        let share = |count: u64| {
            if r.requests == 0 {
                0.0
            } else {
                (count as f64 / r.requests as f64 * 1e6).round() / 1e6
            }
        };
        ScanJson {
            format: crate::scan::FORMAT,
            inputs: &r.inputs,
            bytes: r.bytes,
            lines: r.lines,
            requests: r.requests,
            errors: r.errors,
            first_seen: r.first_seen,
            last_seen: r.last_seen,
            by: r.by,
            groups: r
                .groups
                .iter()
                .map(|g| {
                    let entry = g.code.as_deref().and_then(catalogue::lookup);
                    GroupJson {
                        code: g.code.as_deref(),
                        status: g.status,
                        value: g.value.as_deref(),
                        client_failure: g.client_failure,
                        count: g.count,
                        share: share(g.count),
                        first_seen: g.first_seen,
                        last_seen: g.last_seen,
                        request_ids: &g.request_ids,
                        codes: &g.codes,
                        operations: &g.operations,
                        buckets: &g.buckets,
                        prefixes: &g.prefixes,
                        keys: &g.keys,
                        retryable: retryable(g),
                        retry_advice: entry
                            .map(|e| crate::render::entry_words::retry_advice(e.retry())),
                        fix: entry.map(catalogue::Entry::one_line_fix),
                    }
                })
                .collect(),
            ungrouped: r.ungrouped,
            findings: r
                .findings
                .iter()
                .map(|f| LogFindingJson {
                    finding: f,
                    text: finding(f),
                })
                .collect(),
            state: compact(&r.state),
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{scan_bytes, ScanOptions};

    const LOG: &str = "\
o bkt [26/Nov/2026:08:00:01 +0000] 10.0.0.1 u1 R1 REST.GET.OBJECT a/1 \"GET /bkt/a/1 HTTP/1.1\" 404 NoSuchKey 1 - 1 1 \"-\" \"ua\" -
o bkt [26/Nov/2026:08:00:02 +0000] 10.0.0.1 u1 R2 REST.GET.OBJECT a/2 \"GET /bkt/a/2 HTTP/1.1\" 200 - 1 - 1 1 \"-\" \"ua\" -
o bkt [26/Nov/2026:08:03:02 +0000] 10.0.0.2 u\x1b[31m R3 REST.PUT.OBJECT b/\x1b[2J \"PUT /bkt/b HTTP/1.1\" 403 AccessDenied 1 - 1 1 \"-\" \"ua\" -
";

    #[test]
    fn json_has_the_issue_shape() {
        let r = scan_bytes(LOG.as_bytes(), ScanOptions::default());
        let mut out = Vec::new();
        crate::render::json::write(&mut out, &ScanJson::new(&r)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        // The issue's keys, in its order (declaration order).
        let text = String::from_utf8(out.clone()).unwrap();
        let order = |text: &str, keys: &[&str]| {
            let at: Vec<usize> = keys
                .iter()
                .map(|k| text.find(&format!("\"{k}\":")).unwrap())
                .collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{keys:?} in {text}");
        };
        order(
            &text,
            &[
                "inputs", "bytes", "lines", "requests", "errors", "groups", "findings",
            ],
        );
        let groups = &text[text.find("\"groups\"").unwrap()..];
        order(
            groups,
            &[
                "code",
                "status",
                "count",
                "first_seen",
                "last_seen",
                "request_ids",
                "operations",
                "buckets",
                "prefixes",
                "retryable",
            ],
        );
        let g = &v["groups"][0];
        assert_eq!(g["count"], 1);
        assert_eq!(g["code"], "AccessDenied", "ties by code");
        assert_eq!(g["first_seen"], "2026-11-26T08:03:02Z");
        assert_eq!(g["retryable"], false);
        assert!(g["fix"].is_string());
    }
}
