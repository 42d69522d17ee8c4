//! Errors grouped by code and status, or by the field `--by` names: a
//! [`GroupState`] as it is gathered ([`add`]), merged and carried in `scan
//! --json`'s state, and the [`Group`] a report lists.

use super::options::By;
use super::record::LogRecord;
use super::tally::{Count, Counter, Sample, Sketch, Span};
use std::borrow::Cow;

/// Groups kept at most; each keeps at most [`MAX_TALLY`] values per tally.
pub const MAX_GROUPS: usize = 1024;
/// Distinct values each tally of a group keeps.
pub const MAX_TALLY: usize = 32;
/// Values of each tally a report lists.
pub const TOP: usize = 5;
/// Request IDs a group keeps: the first ones, distinct.
const MAX_IDS: usize = 3;

/// Errors that share a code and status (or the value `--by` names), as a
/// [`Report`](crate::Report) lists them, most frequent first: how many,
/// when, the first request IDs, and the operations, buckets and keys they
/// hit most.
///
/// ```
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let report = obserr::scan_bytes(log.repeat(3).as_bytes(), obserr::ScanOptions::default());
/// let group: &obserr::Group = &report.groups[0];
/// assert_eq!((group.code.as_deref(), group.status, group.count), (Some("AccessDenied"), Some(403), 3));
/// assert_eq!(group.request_ids, ["4B73AEB8C8B76BA79D7EDF2EBEAEC2F1"]);
/// assert_eq!((group.keys[0].value.as_str(), group.keys[0].count), ("photos/2026/a.jpg", 3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The error code; with `--by code`, `None` for a status without one.
    pub code: Option<String>,
    /// The HTTP status, if known.
    pub status: Option<u16>,
    /// The value grouped by, for every `--by` but `code` and `status`.
    pub value: Option<String>,
    /// A tool's failures before any request (no status, no code).
    pub client_failure: bool,
    /// Errors in the group.
    pub count: u64,
    /// When the first one was made (milliseconds since the epoch).
    pub first_seen: Option<i64>,
    /// When the last one was made.
    pub last_seen: Option<i64>,
    /// Three request IDs: the earliest (by time, then ID).
    pub request_ids: Vec<String>,
    /// Most frequent first; codes (as `Code` or a bare status) only when not
    /// grouped by code.
    pub codes: Vec<Count>,
    /// Its most frequent operations.
    pub operations: Vec<Count>,
    /// Its most frequent buckets.
    pub buckets: Vec<Count>,
    /// Its most frequent key prefixes.
    pub prefixes: Vec<Count>,
    /// Its most frequent keys.
    pub keys: Vec<Count>,
}

/// A group as it is gathered (and carried in `scan --json`'s state, which
/// `render::scan` writes and reads back field by field).
#[derive(Debug, Clone)]
pub struct GroupState {
    pub(crate) code: Option<String>,
    pub(crate) status: Option<u16>,
    pub(crate) value: Option<String>,
    pub(crate) client_failure: bool,
    pub(crate) count: u64,
    pub(crate) span: Span,
    pub(crate) request_ids: Sample,
    pub(crate) codes: Counter,
    pub(crate) operations: Counter,
    pub(crate) buckets: Counter,
    pub(crate) prefixes: Counter,
    pub(crate) keys: Counter,
}

impl GroupState {
    /// A group with nothing counted, with this one's key and this obserr's
    /// caps, whatever caps this one had (a report read back may say others).
    pub(super) fn empty_like(&self) -> Self {
        GroupState::new(
            self.code.as_deref(),
            self.status,
            self.value.as_deref(),
            self.client_failure,
        )
    }

    /// Errors in the group.
    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    pub(super) fn new(
        code: Option<&str>,
        status: Option<u16>,
        value: Option<&str>,
        cf: bool,
    ) -> Self {
        GroupState {
            code: code.map(str::to_string),
            status,
            value: value.map(str::to_string),
            client_failure: cf,
            count: 0,
            span: Span::default(),
            request_ids: Sample::default(),
            codes: Counter::new(MAX_TALLY),
            operations: Counter::new(MAX_TALLY),
            buckets: Counter::new(MAX_TALLY),
            prefixes: Counter::new(MAX_TALLY),
            keys: Counter::new(MAX_TALLY),
        }
    }

    pub(super) fn merge(&mut self, other: &GroupState) {
        self.count = self.count.saturating_add(other.count);
        self.span.merge(other.span);
        self.request_ids.merge(MAX_IDS, &other.request_ids);
        self.codes.merge(&other.codes);
        self.operations.merge(&other.operations);
        self.buckets.merge(&other.buckets);
        self.prefixes.merge(&other.prefixes);
        self.keys.merge(&other.keys);
    }

    pub(super) fn group(&self) -> Group {
        Group {
            code: self.code.clone(),
            status: self.status,
            value: self.value.clone(),
            client_failure: self.client_failure,
            count: self.count,
            first_seen: self.span.first,
            last_seen: self.span.last,
            request_ids: self.request_ids.values(),
            codes: self.codes.top(TOP),
            operations: self.operations.top(TOP),
            buckets: self.buckets.top(TOP),
            prefixes: self.prefixes.top(TOP),
            keys: self.keys.top(TOP),
        }
    }
}

/// Adds the error `r`, whose key has the prefix `key_prefix`, to its group in
/// `groups` (grouped `by`; `scratch` is room for the group's key). Returns the
/// errors that are now ungrouped: those of a group of higher rank that left,
/// and this one when its group was not taken.
pub(super) fn add(
    groups: &mut Sketch<GroupState>,
    scratch: &mut String,
    by: By,
    r: &LogRecord,
    key_prefix: &str,
) -> u64 {
    let value: Option<Cow<str>> = match by {
        By::Code | By::Status => None,
        By::Operation => r.operation.clone(),
        By::Bucket => r.bucket.clone(),
        By::Prefix => r.key.as_ref().map(|_| Cow::Borrowed(key_prefix)),
        By::Key => r.key.clone(),
        By::Requester => r.requester.clone(),
        By::Ip => r.ip.clone(),
        // As ISO 8601, which sorts as time does.
        By::Minute => r
            .time
            .map(|t| Cow::Owned(crate::timestamp::format_utc(t.div_euclid(60_000) * 60_000))),
    };
    let code = (by == By::Code).then_some(r.code.as_deref()).flatten();
    let status = matches!(by, By::Code | By::Status)
        .then_some(r.status)
        .flatten();
    let client_failure = matches!(by, By::Code | By::Status) && r.client_failure;
    group_key(scratch, code, status, value.as_deref(), client_failure);
    let (acc, dropped) = groups.entry(scratch, || {
        GroupState::new(code, status, value.as_deref(), client_failure)
    });
    // A group of higher rank left (its errors are now ungrouped), or
    // this one was not taken.
    let ungrouped = dropped.map_or(0, |(_, g)| g.count);
    let Some(acc) = acc else {
        return ungrouped + 1;
    };
    acc.count += 1;
    acc.span.see(r.time);
    if let Some(id) = r.request_id.as_deref() {
        acc.request_ids.add(MAX_IDS, r.time, id);
    }
    if by != By::Code {
        match (r.code.as_deref(), r.status) {
            (Some(code), _) => acc.codes.add(code),
            (None, Some(status)) => acc.codes.add(&status.to_string()),
            (None, None) => acc.codes.add(""),
        }
    }
    if let Some(op) = r.operation.as_deref() {
        acc.operations.add(op);
    }
    if let Some(bucket) = r.bucket.as_deref() {
        acc.buckets.add(bucket);
    }
    if let Some(key) = r.key.as_deref() {
        acc.prefixes.add(key_prefix);
        acc.keys.add(key);
    }
    ungrouped
}

fn group_key(
    out: &mut String,
    code: Option<&str>,
    status: Option<u16>,
    value: Option<&str>,
    cf: bool,
) {
    use std::fmt::Write;
    out.clear();
    let _ = write!(
        out,
        "{}\0{}\0{}\0{}",
        code.unwrap_or(""),
        status.unwrap_or(0),
        value.unwrap_or(""),
        u8::from(cf)
    );
}
