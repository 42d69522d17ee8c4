//! What a scan found: the [`Report`] (totals, groups, timeline, findings),
//! which [`Report::new`] computes from a [`State`] however it was gathered (by
//! one scan, or merged from parts), and what each input gave
//! ([`InputReport`]).

use super::findings::LogFinding;
use super::group::{Group, GroupState};
use super::options::By;
use super::state::State;
use crate::outcome::Outcome;
use std::collections::BTreeMap;

/// What one input gave, and what of it was skipped: each of a
/// [`Report`]'s inputs. Nothing stops a scan: an unreadable, binary or
/// truncated input is noted here, and
/// [`Message::scan_notes`](crate::Message::scan_notes) says so.
/// Serialised as it is in `scan --json`'s `inputs`.
///
/// ```
/// use obserr::{scan_bytes, Message, ScanOptions};
///
/// let zip = scan_bytes(b"PK\x03\x04\x00\x00\x00", ScanOptions::default());
/// let input = &zip.inputs[0];
/// assert_eq!((input.name.as_str(), input.bytes, input.binary), ("-", 7, true));
/// let notes = Message::scan_notes(&zip);
/// assert_eq!(notes[0].to_string(), "obserr: note: skipped standard input: binary data, not a log\n");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputReport {
    /// The path as given or found (`-` for standard input).
    pub name: String,
    /// Bytes of text read (after decompression).
    pub bytes: u64,
    /// Lines read.
    pub lines: u64,
    /// The input was gzip-compressed.
    pub gzip: bool,
    /// Binary data (a NUL, dense control bytes) at its start: not read.
    pub binary: bool,
    /// Lines longer than [`MAX_LINE`](crate::scan::input::MAX_LINE), skipped.
    pub long_lines: u64,
    /// Lines read (errors and other lines) that held invalid UTF-8; their
    /// invalid bytes were read as U+FFFD.
    pub invalid_utf8: u64,
    /// The input ended in a read error after `bytes` (a truncated or
    /// corrupt gzip): what came before it counts.
    pub cut_short: Option<String>,
    /// The input could not be opened or read at all.
    pub error: Option<String>,
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

/// Everything a scan found: totals, the errors grouped ([`Group`]), a
/// minute-by-minute timeline, the patterns of the whole log
/// ([`LogFinding`]), and the [`State`] that lets reports of parts of a log
/// [`merge`](crate::merge). [`Human::scan_report`](crate::Human::scan_report)
/// and [`Json::scan_report`](crate::Json::scan_report) print it.
///
/// ```
/// use obserr::{scan_bytes, Human, ScanOptions, Style};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let report = scan_bytes(log.as_bytes(), ScanOptions::default());
/// assert_eq!((report.lines, report.requests, report.errors), (1, 1, 1));
/// assert_eq!(report.first_seen, ScanOptions::parse_time("2026-11-26T08:01:04Z"));
/// let mut text = Vec::new();
/// Human::new(&Style::default()).scan_report(&mut text, &report, false).unwrap();
/// assert!(String::from_utf8(text).unwrap().starts_with("1 request, 1 error"));
/// ```
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
    /// Errors that arrived after `MAX_GROUPS`(crate::scan::MAX_GROUPS) groups existed.
    pub ungrouped: u64,
    /// Minutes with requests, ascending, at most `MAX_TIMELINE`.
    pub timeline: Vec<Minute>,
    /// Patterns in the whole log.
    pub findings: Vec<LogFinding>,
    /// Requests counted that had no time while `--since` or `--until` asked
    /// for a window: left out, as their time is unknown.
    pub untimed: u64,
    /// Requests read whose time is outside the window.
    pub outside: u64,
    /// With [`ScanOptions::failed_objects`](crate::scan::ScanOptions::failed_objects): the `(bucket, key)` of every failed
    /// request, without repeats, in first-seen order, at most `MAX_FAILED`.
    pub failed_objects: Vec<(String, String)>,
    /// Distinct failed objects beyond `MAX_FAILED`, not listed.
    pub failed_dropped: u64,
    /// What the report was computed from, for `scan --merge`.
    pub state: State,
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
    pub fn outcome(&self) -> Outcome {
        if self.input_error() {
            Outcome::InputError
        } else if self.errors > 0 {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}
