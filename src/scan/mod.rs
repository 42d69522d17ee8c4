//! `obserr scan`: reads logs of any size as a stream and tells what failed,
//! how often, since when and what to do. Data only: the words are written in
//! `render::scan`.
//!
//! Bytes arrive in chunks ([`input`]); each line is recognised on its own: an
//! access-log line by [`access`] (the hot path, where a success costs a few
//! `memchr` calls), anything else by [`other`] through decode's readers,
//! and multi-line `curl -i`/`-v` captures as blocks handed to decode whole.
//! Each request is counted; each error is added to its group and to the
//! [`findings::Evidence`]. Memory is bounded by the chunk, the longest line
//! read ([`input::MAX_LINE`]) and the caps of every tally.

pub mod access;
pub mod clock;
pub mod findings;
pub mod follow;
pub mod input;
pub mod mapped;
pub mod other;
pub mod tally;

pub use findings::{Dimension, LogFinding};
pub use input::{InputReport, Progress};
pub use mapped::Mapping;
pub use tally::{Count, Span};

use access::{Fast, MinuteCache};
use indexmap::IndexSet;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use tally::{Counter, Sample, Sketch};

/// The version of `scan --json`'s `state`: reports merge (`scan --merge`)
/// only with reports of the same version.
pub const FORMAT: u32 = 1;

/// What errors are grouped by (`scan --by`; the doc comments are its help).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// Error code and HTTP status.
    #[default]
    Code,
    /// HTTP status.
    Status,
    /// The operation (REST.PUT.OBJECT).
    Operation,
    /// The bucket.
    Bucket,
    /// The key up to its first '/' (the whole key when it has none).
    Prefix,
    /// The object key.
    Key,
    /// The requester's account or user ID.
    Requester,
    /// The client's IP address.
    Ip,
    /// The minute the request was made.
    Minute,
}

/// What to scan for.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanOptions {
    /// What errors are grouped by.
    pub by: By,
    /// Only requests at or after this time (milliseconds since the epoch).
    pub since: Option<i64>,
    /// Only requests before this time.
    pub until: Option<i64>,
    /// Keep the bucket and key of every failed request
    /// ([`Report::failed_objects`]).
    pub failed_objects: bool,
}

impl ScanOptions {
    /// Whether a request at `time` is in the range asked for.
    #[inline]
    #[must_use]
    pub fn in_range(&self, time: Option<i64>) -> bool {
        match (self.since, self.until) {
            (None, None) => true,
            (since, until) => {
                time.is_some_and(|t| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t < u))
            }
        }
    }
}

/// One request as a line or a capture tells it; errors are the ones with a
/// status of 400 or more or an error code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogRecord<'a> {
    /// When (milliseconds since the epoch).
    pub time: Option<i64>,
    /// The HTTP status, if known.
    pub status: Option<u16>,
    /// The error code, if the log names one.
    pub code: Option<Cow<'a, str>>,
    /// The request ID.
    pub request_id: Option<Cow<'a, str>>,
    /// The operation (`REST.PUT.OBJECT`).
    pub operation: Option<Cow<'a, str>>,
    /// The bucket.
    pub bucket: Option<Cow<'a, str>>,
    /// The object key, as logged.
    pub key: Option<Cow<'a, str>>,
    /// The requester's account or user ID.
    pub requester: Option<Cow<'a, str>>,
    /// The client address.
    pub ip: Option<Cow<'a, str>>,
    /// A tool's failure before any request was sent (obsutil's `n/a` status).
    pub client_failure: bool,
}

impl LogRecord<'_> {
    /// The same record, owning its strings.
    #[must_use]
    pub fn to_owned_record(&self) -> LogRecord<'static> {
        let own = |f: &Option<Cow<'_, str>>| f.as_deref().map(|s| Cow::Owned(s.to_string()));
        LogRecord {
            time: self.time,
            status: self.status,
            code: own(&self.code),
            request_id: own(&self.request_id),
            operation: own(&self.operation),
            bucket: own(&self.bucket),
            key: own(&self.key),
            requester: own(&self.requester),
            ip: own(&self.ip),
            client_failure: self.client_failure,
        }
    }

    /// Whether the request failed.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.client_failure || self.code.is_some() || self.status.is_some_and(|s| s >= 400)
    }
}

/// The prefix of a key: up to and including its first `/`, or the whole key.
#[must_use]
pub fn prefix(key: &str) -> &str {
    key.find('/').map_or(key, |i| &key[..=i])
}

/// Errors that share a code and status (or the value `--by` names).
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

/// The minute of a timeline: requests and errors that started in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minute {
    /// Milliseconds since the epoch at the start of the minute.
    pub at: i64,
    /// Requests counted (access-log lines, responses other lines report).
    pub requests: u64,
    /// Requests that failed: a status of 400 or more, or an error code.
    pub errors: u64,
}

/// Everything a scan found.
#[derive(Debug, Clone)]
pub struct Report {
    /// What errors are grouped by.
    pub by: By,
    /// Every input, in the order read.
    pub inputs: Vec<InputReport>,
    /// Bytes of text read.
    pub bytes: u64,
    /// Lines read.
    pub lines: u64,
    /// Requests counted (access-log lines, responses other lines report).
    pub requests: u64,
    /// Requests that failed: a status of 400 or more, or an error code.
    pub errors: u64,
    /// When the first one was made (milliseconds since the epoch).
    pub first_seen: Option<i64>,
    /// When the last one was made.
    pub last_seen: Option<i64>,
    /// By count, descending (then by code, status and value).
    pub groups: Vec<Group>,
    /// Errors that arrived after [`MAX_GROUPS`] groups existed.
    pub ungrouped: u64,
    /// Minutes with requests, ascending, at most [`MAX_TIMELINE`].
    pub timeline: Vec<Minute>,
    /// Patterns in the whole log.
    pub findings: Vec<LogFinding>,
    /// Requests counted that had no time while `--since` or `--until` asked
    /// for a window: left out, as their time is unknown.
    pub untimed: u64,
    /// Requests read whose time is outside the window.
    pub outside: u64,
    /// With [`ScanOptions::failed_objects`]: the `(bucket, key)` of every failed
    /// request, without repeats, in first-seen order, at most [`MAX_FAILED`].
    pub failed_objects: Vec<(String, String)>,
    /// Distinct failed objects beyond [`MAX_FAILED`], not listed.
    pub failed_dropped: u64,
    /// What the report was computed from, for `scan --merge`.
    pub state: State,
}

/// The state a report is computed from, which `scan --json` carries so that
/// the reports of consecutive parts of a log merge ([`State::merge`]) into
/// the report of the whole.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    /// What errors are grouped by.
    pub by: By,
    /// The window asked for (`--since`).
    pub since: Option<i64>,
    /// The window asked for (`--until`).
    pub until: Option<i64>,
    /// Requests counted.
    pub requests: u64,
    /// Errors counted.
    pub errors: u64,
    /// Requests left out of the window for want of a time.
    pub untimed: u64,
    /// Requests with a time outside the window.
    pub outside: u64,
    /// First and last request.
    pub span: Span,
    /// Requests and errors per minute (minutes since the epoch).
    pub minutes: BTreeMap<i64, [u64; 2]>,
    /// The groups (a [`Sketch`] of at most [`MAX_GROUPS`]).
    pub groups: Sketch<GroupState>,
    /// Errors beyond the groups kept.
    pub ungrouped: u64,
    /// What findings are judged from.
    pub evidence: findings::Evidence,
}

/// Two reports that cannot be merged: they were not made with the same
/// options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// Grouped by different fields.
    By(By, By),
    /// Different `--since`/`--until` windows.
    Window,
}

/// Groups kept at most; each keeps at most [`MAX_TALLY`] values per tally.
pub const MAX_GROUPS: usize = 1024;
/// Distinct values each tally of a group keeps.
pub const MAX_TALLY: usize = 32;
/// Distinct minutes kept in the timeline (91 days).
pub const MAX_TIMELINE: usize = 1 << 17;
/// Values of each tally a report lists.
pub const TOP: usize = 5;
/// The longest `curl -i`/`-v` capture kept as one block.
const MAX_CAPTURE: usize = 64 * 1024;
/// Request IDs a group keeps: the first ones, distinct.
const MAX_IDS: usize = 3;
/// Distinct failed objects kept for `--failed-objects`.
pub const MAX_FAILED: usize = 1 << 20;

/// A group as it is gathered (and carried in `scan --json`'s state).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupState {
    code: Option<String>,
    status: Option<u16>,
    value: Option<String>,
    client_failure: bool,
    count: u64,
    span: Span,
    request_ids: Sample,
    codes: Counter,
    operations: Counter,
    buckets: Counter,
    prefixes: Counter,
    keys: Counter,
}

impl GroupState {
    fn new(code: Option<&str>, status: Option<u16>, value: Option<&str>, cf: bool) -> Self {
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

    fn merge(&mut self, other: &GroupState) {
        self.count += other.count;
        self.span.merge(other.span);
        self.request_ids.merge(MAX_IDS, &other.request_ids);
        self.codes.merge(&other.codes);
        self.operations.merge(&other.operations);
        self.buckets.merge(&other.buckets);
        self.prefixes.merge(&other.prefixes);
        self.keys.merge(&other.keys);
    }

    fn group(&self) -> Group {
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

/// The state of a scan: feed it lines ([`Scanner::line`]) or whole inputs
/// ([`Scanner::scan`]), then [`Scanner::finish`].
#[derive(Debug)]
pub struct Scanner {
    options: ScanOptions,
    cache: MinuteCache,
    requests: u64,
    errors: u64,
    span: Span,
    /// Requests of the current minute, counted before they go into
    /// `minutes` (logs are in time order, so this saves a lookup a line).
    run_minute: i64,
    run_requests: u64,
    minutes: BTreeMap<i64, [u64; 2]>,
    groups: Sketch<GroupState>,
    ungrouped: u64,
    untimed: u64,
    outside: u64,
    failed: Option<IndexSet<(Box<str>, Box<str>)>>,
    failed_dropped: u64,
    watched: Option<Vec<LogRecord<'static>>>,
    watched_dropped: u64,
    extra_inputs: Vec<InputReport>,
    scratch: String,
    evidence: findings::Evidence,
    capture: Option<Vec<u8>>,
    /// Lines read that held invalid UTF-8 (counted per input).
    invalid_utf8: u64,
    inputs: Vec<InputReport>,
    mapping: Option<Mapping>,
}

impl Scanner {
    /// A scanner with nothing read yet.
    #[must_use]
    pub fn new(options: ScanOptions) -> Scanner {
        Scanner {
            options,
            cache: MinuteCache::default(),
            requests: 0,
            errors: 0,
            span: Span::default(),
            run_minute: i64::MIN,
            run_requests: 0,
            minutes: BTreeMap::new(),
            groups: Sketch::new(MAX_GROUPS),
            ungrouped: 0,
            untimed: 0,
            outside: 0,
            failed: options.failed_objects.then(IndexSet::new),
            failed_dropped: 0,
            watched: None,
            watched_dropped: 0,
            extra_inputs: Vec::new(),
            scratch: String::new(),
            evidence: findings::Evidence::default(),
            capture: None,
            invalid_utf8: 0,
            inputs: Vec::new(),
            mapping: Some(Mapping::default()),
        }
    }

    #[inline]
    fn in_range(&self, time: Option<i64>) -> bool {
        self.options.in_range(time)
    }

    /// How regular files are read ([`Scanner::scan_file`]): mapped
    /// ([`Mapping::default`]) or, with `None`, read like any other input.
    pub fn set_mapping(&mut self, mapping: Option<Mapping>) {
        self.mapping = mapping;
    }

    /// Counts `requests` access-log successes (a run of them, in the range,
    /// all in `minute`, from `first` to `last`) as [`Scanner::line`] counts
    /// them one by one; a run of successes out of the range only ends a
    /// capture.
    fn successes(&mut self, requests: u64, minute: i64, first: i64, last: i64) {
        if self.capture.is_some() {
            self.end_capture();
        }
        if requests == 0 {
            return;
        }
        self.requests += requests;
        if self.span.first.is_none_or(|f| first < f) {
            self.span.first = Some(first);
        }
        if self.span.last.is_none_or(|l| last > l) {
            self.span.last = Some(last);
        }
        if minute != self.run_minute {
            self.flush_run();
            self.run_minute = minute;
        }
        self.run_requests += requests;
    }

    /// Counts a request at `time`: the current minute's run, the span.
    #[inline]
    fn request(&mut self, time: Option<i64>) {
        self.requests += 1;
        let Some(t) = time else { return };
        if self.span.first.is_none_or(|f| t < f) {
            self.span.first = Some(t);
        }
        if self.span.last.is_none_or(|l| t > l) {
            self.span.last = Some(t);
        }
        let minute = t.div_euclid(60_000);
        if minute != self.run_minute {
            self.flush_run();
            self.run_minute = minute;
        }
        self.run_requests += 1;
    }

    fn flush_run(&mut self) {
        let n = self.run_requests;
        if n > 0 {
            if let Some(slot) = self.minute(self.run_minute) {
                slot[0] += n;
            }
        }
        self.run_requests = 0;
    }

    fn minute(&mut self, minute: i64) -> Option<&mut [u64; 2]> {
        earliest(&mut self.minutes, minute, MAX_TIMELINE)
    }

    /// Reads one line (without its line break).
    #[inline]
    pub fn line(&mut self, line: &[u8]) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if self.capture.is_some() && self.captured(line) {
            return;
        }
        match access::fast(line, &mut self.cache) {
            Fast::Success(t) => {
                if self.in_range(Some(t)) {
                    self.request(Some(t));
                } else {
                    self.outside += 1;
                }
            }
            Fast::Parse => match access::parse(line) {
                Some(a) => self.access(&a),
                None => self.other(line),
            },
            Fast::Other => self.other(line),
        }
    }

    fn access(&mut self, a: &access::AccessLine) {
        fn field(b: &[u8]) -> Option<Cow<'_, str>> {
            Some(b)
                .filter(|b| *b != b"-")
                .map(crate::decode::utf8_lossy)
        }
        let record = LogRecord {
            time: Some(a.time),
            status: Some(a.status),
            code: a.error_code.map(crate::decode::utf8_lossy),
            request_id: field(a.request_id),
            operation: field(a.operation),
            bucket: field(a.bucket),
            key: field(a.key),
            requester: field(a.requester),
            ip: field(a.remote_ip),
            client_failure: false,
        };
        let fields = [
            &record.code,
            &record.request_id,
            &record.operation,
            &record.bucket,
        ];
        let rest = [&record.key, &record.requester, &record.ip];
        if fields
            .iter()
            .chain(rest.iter())
            .any(|f| matches!(f, Some(Cow::Owned(_))))
        {
            self.invalid_utf8 += 1;
        }
        self.record(&record);
    }

    fn other(&mut self, line: &[u8]) {
        if line.is_empty() {
            return;
        }
        if line.starts_with(b"HTTP/") || line.starts_with(b"< HTTP/") {
            self.capture = Some(line.to_vec());
            return;
        }
        if let Some(record) = other::line(line) {
            if std::str::from_utf8(line).is_err() {
                self.invalid_utf8 += 1;
            }
            self.record(&record);
        }
    }

    /// Adds `line` to the capture under way, or ends it; `true` when the
    /// line was taken.
    fn captured(&mut self, line: &[u8]) -> bool {
        let ends = line.starts_with(b"HTTP/")
            || line.starts_with(b"< HTTP/")
            || line.starts_with(b"* ")
            || line.starts_with(b"> ")
            || access::fast(line, &mut self.cache) != Fast::Other
            || other::leading_time(&crate::decode::utf8_lossy(line)).is_some();
        let block = self.capture.as_mut().expect("a capture is under way");
        if !ends && block.len() + line.len() < MAX_CAPTURE {
            block.push(b'\n');
            block.extend_from_slice(line);
            return true;
        }
        self.end_capture();
        if line.starts_with(b"HTTP/") || line.starts_with(b"< HTTP/") {
            self.capture = Some(line.to_vec());
            return true;
        }
        false
    }

    /// Decodes the capture under way as one response.
    fn end_capture(&mut self) {
        let Some(block) = self.capture.take() else {
            return;
        };
        let response = other::recognise(&block);
        // 1xx (`100 Continue`) is not an answer.
        if response.status.is_none_or(|s| s >= 200) && !response.is_empty() {
            self.record(&other::from_response(response, None));
        }
    }

    /// Counts one request, and its error if it is one.
    pub fn record(&mut self, r: &LogRecord) {
        if !self.in_range(r.time) {
            if r.time.is_none() {
                self.untimed += 1;
            } else {
                self.outside += 1;
            }
            return;
        }
        self.request(r.time);
        if !r.is_error() {
            return;
        }
        self.errors += 1;
        if let Some(t) = r.time {
            if let Some(slot) = self.minute(t.div_euclid(60_000)) {
                slot[1] += 1;
            }
        }
        let key_prefix = r.key.as_deref().map_or("", prefix);
        self.evidence.see(r, key_prefix);
        self.group(r, key_prefix);
        if let Some(watched) = &mut self.watched {
            if watched.len() < follow::MAX_WATCHED {
                watched.push(r.to_owned_record());
            } else {
                self.watched_dropped += 1;
            }
        }
        if let (Some(failed), Some(bucket), Some(key)) = (&mut self.failed, &r.bucket, &r.key) {
            let pair = (Box::from(&**bucket), Box::from(&**key));
            if !failed.contains(&pair) {
                if failed.len() < MAX_FAILED {
                    failed.insert(pair);
                } else {
                    self.failed_dropped += 1;
                }
            }
        }
    }

    fn group(&mut self, r: &LogRecord, key_prefix: &str) {
        let by = self.options.by;
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
        group_key(
            &mut self.scratch,
            code,
            status,
            value.as_deref(),
            client_failure,
        );
        let (acc, dropped) = self.groups.entry(&self.scratch, || {
            GroupState::new(code, status, value.as_deref(), client_failure)
        });
        // A group of higher rank left (its errors are now ungrouped), or
        // this one was not taken.
        self.ungrouped += dropped.map_or(0, |(_, g)| g.count);
        let Some(acc) = acc else {
            self.ungrouped += 1;
            return;
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
    }

    /// The state so far (the current minute's run flushed by the caller).
    fn state(&self) -> State {
        State {
            minutes: self.minutes.clone(),
            groups: self.groups.clone(),
            evidence: self.evidence.clone(),
            ..self.state_counts()
        }
    }

    /// The state's numbers, with its maps empty.
    fn state_counts(&self) -> State {
        State {
            by: self.options.by,
            since: self.options.since,
            until: self.options.until,
            requests: self.requests,
            errors: self.errors,
            untimed: self.untimed,
            outside: self.outside,
            span: self.span,
            minutes: BTreeMap::new(),
            groups: Sketch::new(MAX_GROUPS),
            ungrouped: self.ungrouped,
            evidence: findings::Evidence::default(),
        }
    }

    /// Ends the input that was being read: a capture under way is decoded.
    fn end_input(&mut self) -> u64 {
        self.end_capture();
        std::mem::take(&mut self.invalid_utf8)
    }

    /// The report.
    #[must_use]
    pub fn finish(mut self) -> Report {
        self.end_capture();
        self.flush_run();
        // Moved, not cloned as a snapshot's is: the evidence alone holds
        // thousands of strings.
        let state = State {
            minutes: std::mem::take(&mut self.minutes),
            groups: std::mem::replace(&mut self.groups, Sketch::new(0)),
            evidence: std::mem::take(&mut self.evidence),
            ..self.state_counts()
        };
        let mut report = Report::new(self.inputs, state);
        if let Some(failed) = self.failed {
            report.failed_objects = failed
                .into_iter()
                .map(|(b, k)| (b.into_string(), k.into_string()))
                .collect();
            report.failed_dropped = self.failed_dropped;
        }
        report
    }
}

impl State {
    /// A state with nothing counted, made with the same options, and this
    /// obserr's caps: what merging starts from (a report read back says
    /// what caps it had, and may have been written by hand).
    #[must_use]
    pub fn empty(&self) -> State {
        Scanner::new(ScanOptions {
            by: self.by,
            since: self.since,
            until: self.until,
            failed_objects: false,
        })
        .state_counts()
    }

    /// Takes in the state of the input that came after this one's, as if
    /// this had read it too. Exact but for tallies that a part filled
    /// (CONTRIBUTING.md: scan, merging).
    ///
    /// # Errors
    ///
    /// When the two were not made with the same `--by` and window.
    pub fn merge(&mut self, other: &State) -> Result<(), Mismatch> {
        if self.by != other.by {
            return Err(Mismatch::By(self.by, other.by));
        }
        if (self.since, self.until) != (other.since, other.until) {
            return Err(Mismatch::Window);
        }
        self.requests += other.requests;
        self.errors += other.errors;
        self.untimed += other.untimed;
        self.outside += other.outside;
        self.span.merge(other.span);
        for (minute, [requests, errors]) in &other.minutes {
            if let Some(slot) = earliest(&mut self.minutes, *minute, MAX_TIMELINE) {
                slot[0] += requests;
                slot[1] += errors;
            }
        }
        for (key, g) in other.groups.iter() {
            if let Some(mine) = self.groups.get_mut(key) {
                mine.merge(g);
            } else {
                // Built anew and merged, so that its tallies have this
                // obserr's caps, whatever the report said.
                let mut fresh = GroupState::new(
                    g.code.as_deref(),
                    g.status,
                    g.value.as_deref(),
                    g.client_failure,
                );
                fresh.merge(g);
                if let Some((_, dropped)) = self.groups.insert(key, fresh) {
                    self.ungrouped += dropped.count;
                }
            }
        }
        self.ungrouped += other.ungrouped;
        self.evidence.merge(&other.evidence);
        Ok(())
    }
}

/// The slot of `minute` in a timeline that keeps its `cap` earliest minutes
/// (the first 91 days of a longer log): `None` when it is later than all of
/// them in a full one. Keeping the earliest, not the first met, is what
/// makes timelines of parts merge into the whole's.
fn earliest<V: Default>(minutes: &mut BTreeMap<i64, V>, minute: i64, cap: usize) -> Option<&mut V> {
    if minutes.len() >= cap && !minutes.contains_key(&minute) {
        let (&last, _) = minutes.last_key_value()?;
        if minute > last {
            return None;
        }
        minutes.pop_last();
    }
    Some(minutes.entry(minute).or_default())
}

/// Whether a minute (since the epoch) is one of a year from -9999 to 9999,
/// as timestamps name them: a report read back may have been written by
/// hand, and its minutes are multiplied into milliseconds.
#[must_use]
pub fn minute_in_range(minute: i64) -> bool {
    minute.unsigned_abs() < 5_300_000_000
}

/// Why a file cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartError {
    /// Not a `scan --json` report: what the JSON reader said.
    NotReport(String),
    /// A report of another [`FORMAT`] (0: one without, written before
    /// reports merged).
    Version(u32),
}

/// Reads a `scan --json` report back: its inputs and its state.
///
/// # Errors
///
/// When it is not such a report, or one of another [`FORMAT`].
pub fn read_report(bytes: &[u8]) -> Result<(Vec<InputReport>, State), PartError> {
    // The version first, alone: another version's state may not parse.
    #[derive(Deserialize)]
    struct Head {
        format: Option<u32>,
        groups: Option<serde::de::IgnoredAny>,
    }
    #[derive(Deserialize)]
    struct Part {
        inputs: Vec<InputReport>,
        state: State,
    }
    let why = |e: serde_json::Error| {
        PartError::NotReport(match e.classify() {
            serde_json::error::Category::Data => "JSON of another shape".to_string(),
            _ => format!("not JSON at line {}, column {}", e.line(), e.column()),
        })
    };
    let head: Head = serde_json::from_slice(bytes).map_err(why)?;
    match (head.format, head.groups) {
        (Some(FORMAT), _) => {}
        (Some(other), _) => return Err(PartError::Version(other)),
        (None, Some(_)) => return Err(PartError::Version(0)),
        (None, None) => return Err(PartError::NotReport("JSON of another shape".into())),
    }
    let part: Part = serde_json::from_slice(bytes).map_err(why)?;
    let state = part.state;
    if !(state.minutes.keys().all(|m| minute_in_range(*m)) && state.evidence.minutes_in_range()) {
        return Err(PartError::NotReport("a minute out of range".into()));
    }
    Ok((part.inputs, state))
}

/// Merges the reports of consecutive parts of a log, in order, into the
/// report of the whole (`scan --merge`): their inputs one after the other,
/// their states merged. `None` when `parts` is empty.
///
/// # Errors
///
/// When two parts were not made with the same `--by` and window.
pub fn merge(parts: Vec<(Vec<InputReport>, State)>) -> Result<Option<Report>, Mismatch> {
    let Some((_, first)) = parts.first() else {
        return Ok(None);
    };
    let mut state = first.empty();
    let mut inputs = Vec::new();
    for (more, part) in parts {
        state.merge(&part)?;
        inputs.extend(more);
    }
    Ok(Some(Report::new(inputs, state)))
}

impl Report {
    /// The report computed from `state`, for `inputs`.
    #[must_use]
    pub fn new(inputs: Vec<InputReport>, state: State) -> Report {
        let requests_per_minute: BTreeMap<i64, u64> =
            state.minutes.iter().map(|(m, [r, _])| (*m, *r)).collect();
        let findings = state.evidence.judge(&requests_per_minute);
        let mut groups: Vec<Group> = state.groups.values().map(GroupState::group).collect();
        // Down to what tells groups apart (a client failure from an error
        // without code and status), so that the order is the same however
        // the groups were gathered.
        groups.sort_by(|a, b| {
            let primary = if state.by == By::Minute {
                // By time, as a timeline reads ("(no time)" last); the
                // values are ISO 8601, which sorts as time does.
                a.value
                    .is_none()
                    .cmp(&b.value.is_none())
                    .then_with(|| a.value.cmp(&b.value))
            } else {
                b.count.cmp(&a.count)
            };
            primary
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.code.cmp(&b.code))
                .then(a.status.cmp(&b.status))
                .then_with(|| a.value.cmp(&b.value))
                .then(a.client_failure.cmp(&b.client_failure))
        });
        let timeline = state
            .minutes
            .iter()
            .map(|(m, [requests, errors])| Minute {
                at: m * 60_000,
                requests: *requests,
                errors: *errors,
            })
            .collect();
        Report {
            by: state.by,
            bytes: inputs.iter().map(|i| i.bytes).sum(),
            lines: inputs.iter().map(|i| i.lines).sum(),
            inputs,
            requests: state.requests,
            errors: state.errors,
            first_seen: state.span.first,
            last_seen: state.span.last,
            groups,
            ungrouped: state.ungrouped,
            timeline,
            findings,
            untimed: state.untimed,
            outside: state.outside,
            failed_objects: Vec::new(),
            failed_dropped: 0,
            state,
        }
    }

    /// Whether any input could not be read at all.
    #[must_use]
    pub fn input_error(&self) -> bool {
        self.inputs.iter().any(|i| i.error.is_some())
    }

    /// How the scan ended: an input error when an input could not be read,
    /// else found when there were errors, nothing found when none.
    #[must_use]
    pub fn outcome(&self) -> crate::Outcome {
        if self.input_error() {
            crate::Outcome::InputError
        } else if self.errors > 0 {
            crate::Outcome::Found
        } else {
            crate::Outcome::NothingFound
        }
    }
}

/// Scans text already in memory (tests, fuzzing): the same path as a file.
#[must_use]
pub fn scan_bytes(bytes: &[u8], options: ScanOptions) -> Report {
    let mut scanner = Scanner::new(options);
    scanner.scan_with("-", &mut std::io::Cursor::new(bytes), &mut (), false);
    scanner.finish()
}

// Accessors for render::scan::state, which writes a report's state as JSON
// and reads it back (the format's names live there), one per field.

impl GroupState {
    pub(crate) fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
    pub(crate) fn status(&self) -> Option<u16> {
        self.status
    }
    pub(crate) fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
    pub(crate) fn client_failure(&self) -> bool {
        self.client_failure
    }
    pub(crate) fn count(&self) -> u64 {
        self.count
    }
    pub(crate) fn span(&self) -> Span {
        self.span
    }
    pub(crate) fn request_ids(&self) -> &Sample {
        &self.request_ids
    }
    pub(crate) fn codes(&self) -> &Counter {
        &self.codes
    }
    pub(crate) fn operations(&self) -> &Counter {
        &self.operations
    }
    pub(crate) fn buckets(&self) -> &Counter {
        &self.buckets
    }
    pub(crate) fn prefixes(&self) -> &Counter {
        &self.prefixes
    }
    pub(crate) fn keys(&self) -> &Counter {
        &self.keys
    }

    /// A group of these fields, as a report read back holds it (in the
    /// order of the getters above).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(
        code: Option<String>,
        status: Option<u16>,
        value: Option<String>,
        client_failure: bool,
        count: u64,
        span: Span,
        request_ids: Sample,
        codes: Counter,
        operations: Counter,
        buckets: Counter,
        prefixes: Counter,
        keys: Counter,
    ) -> GroupState {
        GroupState {
            code,
            status,
            value,
            client_failure,
            count,
            span,
            request_ids,
            codes,
            operations,
            buckets,
            prefixes,
            keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "o bkt [13/Aug/2015:01:43:42 +0000] 1.2.3.4 req R0 REST.GET.OBJECT a/b \"GET /bkt/a/b HTTP/1.1\" 200 - 5 5 1 1 \"-\" \"ua\" - -\n";

    fn err(code: &str, status: u16, id: &str, key: &str, sec: u8) -> String {
        format!("o bkt [13/Aug/2015:01:44:{sec:02} +0000] 10.0.0.{sec} u{sec} {id} REST.PUT.OBJECT {key} \"PUT /bkt/{key} HTTP/1.1\" {status} {code} 5 5 1 1 \"-\" \"ua\" - -\n")
    }

    #[test]
    fn groups_by_code_and_status_most_frequent_first() {
        let mut log = OK.repeat(10);
        log += &err("NoSuchKey", 404, "R1", "x/1", 1);
        for (i, id) in ["R2", "R3", "R4", "R5"].iter().enumerate() {
            log += &err("AccessDenied", 403, id, "p/k", i as u8);
        }
        log += &err("-", 404, "R6", "-", 9);
        let r = scan_bytes(log.as_bytes(), ScanOptions::default());
        assert_eq!((r.lines, r.requests, r.errors), (16, 16, 6));
        assert_eq!(r.groups.len(), 3);
        let g = &r.groups[0];
        assert_eq!(
            (g.code.as_deref(), g.status, g.count),
            (Some("AccessDenied"), Some(403), 4)
        );
        assert_eq!(g.request_ids, ["R2", "R3", "R4"]);
        assert_eq!(g.prefixes[0].value, "p/");
        assert_eq!(g.operations[0].value, "REST.PUT.OBJECT");
        assert_eq!(g.first_seen, Some(1_439_430_240_000));
        assert_eq!(g.last_seen, Some(1_439_430_243_000));
        // A status without a code.
        assert!(r
            .groups
            .iter()
            .any(|g| g.code.is_none() && g.status == Some(404)));
        assert_eq!(r.timeline.len(), 2);
        assert_eq!(r.timeline[0].requests, 10);
        assert_eq!((r.timeline[1].requests, r.timeline[1].errors), (6, 6));
    }

    #[test]
    fn by_other_fields_and_time_filters() {
        let mut log = OK.repeat(3);
        log += &err("SlowDown", 503, "R1", "hot/1", 1);
        log += &err("SlowDown", 503, "R2", "hot/2", 2);
        log += &err("NoSuchKey", 404, "R3", "cold/1", 3);
        let r = scan_bytes(
            log.as_bytes(),
            ScanOptions {
                by: By::Prefix,
                ..ScanOptions::default()
            },
        );
        assert_eq!(r.groups[0].value.as_deref(), Some("hot/"));
        assert_eq!(r.groups[0].codes[0].value, "SlowDown");
        let since = crate::timestamp::parse_millis("2015-08-13T01:44:02Z");
        let r = scan_bytes(
            log.as_bytes(),
            ScanOptions {
                since,
                ..ScanOptions::default()
            },
        );
        assert_eq!((r.requests, r.errors), (2, 2));
        let r = scan_bytes(
            log.as_bytes(),
            ScanOptions {
                until: since,
                ..ScanOptions::default()
            },
        );
        assert_eq!((r.requests, r.errors), (4, 1));
    }

    #[test]
    fn other_lines_and_curl_captures() {
        let text = "\
2019-04-17T02:19:08Z 1.00KB, /a --> obs://b/k1, cost [1], status [403], error code [AccessDenied], error message [x], request id [R1]
some unrelated line
HTTP/1.1 100 Continue

HTTP/1.1 503 Service Unavailable
x-obs-request-id: R2
Content-Type: application/xml

<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R2</RequestId></Error>
< HTTP/1.1 404 Not Found
< x-obs-error-code: NoSuchKey
< x-obs-request-id: R3
<
* Connection #0 to host left intact
";
        let r = scan_bytes(text.as_bytes(), ScanOptions::default());
        assert_eq!((r.requests, r.errors), (3, 3), "{r:#?}");
        let codes: Vec<_> = r.groups.iter().map(|g| g.code.as_deref()).collect();
        assert!(codes.contains(&Some("SlowDown")));
        assert!(codes.contains(&Some("NoSuchKey")));
        assert!(codes.contains(&Some("AccessDenied")));
    }

    #[test]
    fn prefixes() {
        assert_eq!(prefix("a/b/c"), "a/");
        assert_eq!(prefix("abc"), "abc");
        assert_eq!(prefix(""), "");
    }
}
