//! `scan --json`: the report, its inputs, groups and findings, with the
//! [`super::state`] that `scan --merge` reads back ([`super::read`]).

use super::finding::finding;
use super::format::{utc_json, utc_json_opt};
use super::group::retryable;
use super::state::{ByJson, StateJson};
use crate::catalogue;
use crate::scan::{Count, Dimension, InputReport, LogFinding, Report};
use serde::{Deserialize, Serialize};

/// `scan --json`.
#[derive(Serialize)]
pub struct ScanJson<'a> {
    /// The version of `state` ([`crate::scan::FORMAT`]).
    format: u32,
    /// Every input, in the order read.
    inputs: Vec<InputJson>,
    /// Bytes of text read.
    bytes: u64,
    /// Lines read.
    lines: u64,
    /// Requests counted (access-log lines, responses other lines report).
    requests: u64,
    /// Requests that failed: a status of 400 or more, or an error code.
    errors: u64,
    #[serde(serialize_with = "utc_json_opt")]
    /// When the first one was made (milliseconds since the epoch).
    first_seen: Option<i64>,
    #[serde(serialize_with = "utc_json_opt")]
    /// When the last one was made.
    last_seen: Option<i64>,
    /// What errors are grouped by.
    by: ByJson,
    /// Groups of errors, most frequent first.
    groups: Vec<GroupJson<'a>>,
    /// Errors beyond the groups kept (`scan::MAX_GROUPS`).
    ungrouped: u64,
    /// Patterns in the whole log.
    findings: Vec<LogFindingJson<'a>>,
    /// What the report was computed from, for `scan --merge`: on one line,
    /// as it is for programs (it is most of the document's size written
    /// out one value a line).
    state: Box<serde_json::value::RawValue>,
}

#[derive(Serialize)]
/// One group in `scan --json`, in the issue's key order.
pub struct GroupJson<'a> {
    /// The error code, if the log names one.
    code: Option<&'a str>,
    /// The HTTP status, if known.
    status: Option<u16>,
    /// The value grouped by (`--by` other than code and status).
    value: Option<&'a str>,
    /// A tool's failures before any request was sent (no status, no code).
    client_failure: bool,
    /// Errors in the group.
    count: u64,
    /// Of all requests.
    share: f64,
    #[serde(serialize_with = "utc_json_opt")]
    /// When the first one was made (milliseconds since the epoch).
    first_seen: Option<i64>,
    #[serde(serialize_with = "utc_json_opt")]
    /// When the last one was made.
    last_seen: Option<i64>,
    /// Up to three request IDs, for support.
    request_ids: &'a [String],
    /// Its most frequent codes (or bare statuses).
    codes: Vec<CountJson<'a>>,
    /// Its most frequent operations.
    operations: Vec<CountJson<'a>>,
    /// Its most frequent buckets.
    buckets: Vec<CountJson<'a>>,
    /// Its most frequent key prefixes.
    prefixes: Vec<CountJson<'a>>,
    /// Its most frequent keys.
    keys: Vec<CountJson<'a>>,
    /// Whether a retry helps (the catalogue, or the retry rule for a bare status).
    retryable: Option<bool>,
    /// The catalogue's retry advice.
    retry_advice: Option<&'static str>,
    /// The catalogue's one-line fix.
    fix: Option<&'static str>,
}

/// A finding: its data, and its sentence.
#[derive(Serialize)]
pub struct LogFindingJson<'a> {
    #[serde(flatten)]
    /// The finding as data.
    finding: LogFindingData<'a>,
    /// The finding in a sentence.
    text: String,
}

impl<'a> From<&'a LogFinding> for LogFindingJson<'a> {
    fn from(f: &'a LogFinding) -> Self {
        LogFindingJson {
            finding: LogFindingData::from(f),
            text: finding(f),
        }
    }
}

/// A finding's data, named by its `kind`; times as `2026-11-26T08:00:00Z`.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum LogFindingData<'a> {
    ThrottlingBegan {
        prefix: &'a str,
        #[serde(serialize_with = "utc_json")]
        since: i64,
        throttled_that_minute: u64,
        requests_that_minute: u64,
        throttled_total: u64,
    },
    SignatureOnKeysNeedingEncoding {
        count: u64,
        total: u64,
        keys: &'a [String],
    },
    ClockSkewFromClient {
        ip: &'a str,
        count: u64,
        #[serde(serialize_with = "utc_json_opt")]
        first_seen: Option<i64>,
        #[serde(serialize_with = "utc_json_opt")]
        last_seen: Option<i64>,
    },
    ForbiddenConcentrated {
        /// `requester` or `operation`.
        on: &'static str,
        value: &'a str,
        count: u64,
        total: u64,
    },
    ServerErrorsOnHotKey {
        key: &'a str,
        count: u64,
        total: u64,
    },
    ServerErrorsSpread {
        count: u64,
        keys: usize,
        minutes: usize,
        span_minutes: i64,
    },
}

impl<'a> From<&'a LogFinding> for LogFindingData<'a> {
    fn from(f: &'a LogFinding) -> Self {
        match f {
            LogFinding::ThrottlingBegan {
                prefix,
                since,
                throttled_that_minute,
                requests_that_minute,
                throttled_total,
            } => LogFindingData::ThrottlingBegan {
                prefix,
                since: *since,
                throttled_that_minute: *throttled_that_minute,
                requests_that_minute: *requests_that_minute,
                throttled_total: *throttled_total,
            },
            LogFinding::SignatureOnKeysNeedingEncoding { count, total, keys } => {
                LogFindingData::SignatureOnKeysNeedingEncoding {
                    count: *count,
                    total: *total,
                    keys,
                }
            }
            LogFinding::ClockSkewFromClient {
                ip,
                count,
                first_seen,
                last_seen,
            } => LogFindingData::ClockSkewFromClient {
                ip,
                count: *count,
                first_seen: *first_seen,
                last_seen: *last_seen,
            },
            LogFinding::ForbiddenConcentrated {
                on,
                value,
                count,
                total,
            } => LogFindingData::ForbiddenConcentrated {
                on: match on {
                    Dimension::Requester => "requester",
                    Dimension::Operation => "operation",
                },
                value,
                count: *count,
                total: *total,
            },
            LogFinding::ServerErrorsOnHotKey { key, count, total } => {
                LogFindingData::ServerErrorsOnHotKey {
                    key,
                    count: *count,
                    total: *total,
                }
            }
            LogFinding::ServerErrorsSpread {
                count,
                keys,
                minutes,
                span_minutes,
            } => LogFindingData::ServerErrorsSpread {
                count: *count,
                keys: *keys,
                minutes: *minutes,
                span_minutes: *span_minutes,
            },
        }
    }
}

/// One counted value of a group's tally.
#[derive(Serialize)]
struct CountJson<'a> {
    value: &'a str,
    count: u64,
}

/// Up to [`crate::scan::TOP`] counted values.
fn counts(values: &[Count]) -> Vec<CountJson<'_>> {
    values
        .iter()
        .map(|c| CountJson {
            value: &c.value,
            count: c.count,
        })
        .collect()
}

/// One input of a report, as `scan --json` writes it and `scan --merge`
/// reads it back (a field it lacks takes its empty value).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct InputJson {
    name: String,
    bytes: u64,
    lines: u64,
    gzip: bool,
    binary: bool,
    long_lines: u64,
    invalid_utf8: u64,
    cut_short: Option<String>,
    error: Option<String>,
}

impl From<&InputReport> for InputJson {
    fn from(i: &InputReport) -> Self {
        InputJson {
            name: i.name.clone(),
            bytes: i.bytes,
            lines: i.lines,
            gzip: i.gzip,
            binary: i.binary,
            long_lines: i.long_lines,
            invalid_utf8: i.invalid_utf8,
            cut_short: i.cut_short.clone(),
            error: i.error.clone(),
        }
    }
}

impl From<InputJson> for InputReport {
    fn from(i: InputJson) -> Self {
        InputReport {
            name: i.name,
            bytes: i.bytes,
            lines: i.lines,
            gzip: i.gzip,
            binary: i.binary,
            long_lines: i.long_lines,
            invalid_utf8: i.invalid_utf8,
            cut_short: i.cut_short,
            error: i.error,
        }
    }
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
            inputs: r.inputs.iter().map(InputJson::from).collect(),
            bytes: r.bytes,
            lines: r.lines,
            requests: r.requests,
            errors: r.errors,
            first_seen: r.first_seen,
            last_seen: r.last_seen,
            by: r.by.into(),
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
                        codes: counts(&g.codes),
                        operations: counts(&g.operations),
                        buckets: counts(&g.buckets),
                        prefixes: counts(&g.prefixes),
                        keys: counts(&g.keys),
                        retryable: retryable(g),
                        retry_advice: entry
                            .map(|e| crate::render::entry_words::retry_advice(e.retry())),
                        fix: entry.map(catalogue::Entry::one_line_fix),
                    }
                })
                .collect(),
            ungrouped: r.ungrouped,
            findings: r.findings.iter().map(LogFindingJson::from).collect(),
            state: compact(&StateJson::from(&r.state)),
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_the_issue_shape() {
        let r = crate::render::testing::access_log_report();
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
