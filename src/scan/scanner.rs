//! The [`Scanner`]: each line is recognised on its own ([`Scanner::line`]):
//! an access-log line by [`access`](super::access), anything else by
//! [`other`](super::other), `curl -i`/`-v` captures gathered into blocks for
//! decode. Each request is counted (requests, errors, minutes); each error is
//! added to its group and to the findings' evidence, and kept for `--follow`
//! when watched. [`Scanner::finish`] (or [`Scanner::snapshot`]) gives the
//! report. Inputs reach it through [`input`](super::input),
//! [`mapped`](super::mapped) and [`follow`](super::follow).

use super::access::{self, Fast, MinuteCache};
use super::findings;
use super::group::{self, GroupState, MAX_GROUPS};
use super::options::{Mapping, ScanOptions};
use super::other;
use super::record::{prefix, LogRecord};
use super::report::{InputReport, Report};
use super::state::State;
use super::tally::{Sketch, Span};
use super::timeline::{earliest, MAX_TIMELINE};
use indexmap::IndexSet;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The longest `curl -i`/`-v` capture kept as one block.
const MAX_CAPTURE: usize = 64 * 1024;
/// Distinct failed objects kept for `--failed-objects`.
pub const MAX_FAILED: usize = 1 << 20;
/// Errors kept between two [`Scanner::take_watched`]: more are counted, not
/// kept (a burst of thousands in 200 ms is summarised, not listed).
pub const MAX_WATCHED: usize = 1000;

/// The state of a scan: feed it whole inputs ([`Scanner::scan`],
/// [`Scanner::scan_file`]) or lines ([`Scanner::line`], or through a
/// [`Feed`](crate::Feed)), then [`Scanner::finish`] gives the
/// [`Report`](crate::Report). The caller opens files and walks directories;
/// the scanner only reads.
///
/// ```
/// use obserr::{Outcome, ScanOptions, Scanner};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let mut scanner = Scanner::new(ScanOptions::default());
/// scanner.scan("access.log", &mut log.as_bytes(), &mut ());
/// scanner.unreadable("old.log", "No such file or directory (os error 2)".to_string());
/// let report = scanner.finish();
/// assert_eq!((report.inputs[0].name.as_str(), report.errors), ("access.log", 1));
/// assert_eq!(report.outcome(), Outcome::InputError);
/// ```
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

    /// What the scan is asked for.
    pub(super) fn options(&self) -> ScanOptions {
        self.options
    }

    /// How regular files are read ([`Scanner::set_mapping`]).
    pub(super) fn mapping(&self) -> Option<Mapping> {
        self.mapping
    }

    /// Lists an input read (or not) among the report's inputs.
    pub(super) fn add_input(&mut self, report: InputReport) {
        self.inputs.push(report);
    }

    /// How regular files are read ([`Scanner::scan_file`]): mapped
    /// ([`Mapping::default`]) or, with `None`, read like any other input.
    pub fn set_mapping(&mut self, mapping: Option<Mapping>) {
        self.mapping = mapping;
    }

    /// Counts a run of `lines` access-log successes, `requests` of them in
    /// the range (all in `minute`, from `first` to `last`), as
    /// [`Scanner::line`] counts them one by one; a run of successes out of
    /// the range only ends a capture.
    pub(super) fn successes(
        &mut self,
        lines: u64,
        requests: u64,
        minute: i64,
        first: i64,
        last: i64,
    ) {
        self.outside += lines - requests;
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
        if n > 0
            && let Some(slot) = self.minute(self.run_minute)
        {
            slot[0] += n;
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
    pub(super) fn end_capture(&mut self) {
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
        if let Some(t) = r.time
            && let Some(slot) = self.minute(t.div_euclid(60_000))
        {
            slot[1] += 1;
        }
        let key_prefix = r.key.as_deref().map_or("", prefix);
        self.evidence.see(r, key_prefix);
        self.ungrouped += group::add(
            &mut self.groups,
            &mut self.scratch,
            self.options.by,
            r,
            key_prefix,
        );
        if let Some(watched) = &mut self.watched {
            if watched.len() < MAX_WATCHED {
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
            requests: self.requests,
            errors: self.errors,
            untimed: self.untimed,
            outside: self.outside,
            span: self.span,
            ungrouped: self.ungrouped,
            ..State::new(self.options.by, self.options.since, self.options.until)
        }
    }

    /// Ends the input that was being read: a capture under way is decoded.
    pub(super) fn end_input(&mut self) -> u64 {
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

    /// With `on`, every error counted is also kept for
    /// [`Scanner::take_watched`] (at most `MAX_WATCHED` between two calls).
    pub fn watch(&mut self, on: bool) {
        self.watched = on.then(Vec::new);
    }

    /// The errors counted since the last call, in order, and how many more
    /// there were beyond `MAX_WATCHED`.
    pub fn take_watched(&mut self) -> (Vec<LogRecord<'static>>, u64) {
        let dropped = std::mem::take(&mut self.watched_dropped);
        match &mut self.watched {
            Some(w) => (std::mem::take(w), dropped),
            None => (Vec::new(), dropped),
        }
    }

    /// The report of what was read so far; reading can go on.
    #[must_use]
    pub fn snapshot(&mut self) -> Report {
        self.flush_run();
        let mut inputs = self.inputs.clone();
        inputs.extend(self.extra_inputs.iter().cloned());
        Report::new(inputs, self.state())
    }

    /// Lists `report` among the inputs [`Scanner::snapshot`] reports
    /// (the input being followed, which [`Feed::finish`](crate::scan::follow::Feed::finish) adds at the end).
    pub fn set_current_input(&mut self, report: Option<InputReport>) {
        self.extra_inputs = report.into_iter().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::options::By;

    /// Text in memory scanned as a file is (`scan::scan_bytes`).
    fn scan_bytes(bytes: &[u8], options: ScanOptions) -> Report {
        let mut scanner = Scanner::new(options);
        scanner.scan_with("-", &mut std::io::Cursor::new(bytes), &mut (), false);
        scanner.finish()
    }

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
}
