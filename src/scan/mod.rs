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
//!
//! The parts, each using only those listed before it: `options` (what a scan
//! is asked for), `record` (one request as a line tells it), [`tally`] (capped
//! counters), `timeline` (per-minute series), [`access`] and [`clock`]
//! (access-log lines, times), [`findings`] (patterns of the whole log),
//! [`other`] (other lines, through decode's readers), `group` (errors
//! grouped), `state` (what reports merge from), `report` (what a scan found),
//! `merge` (`scan --merge`), `scanner` (each line counted), and the ways in:
//! [`input`] (any reader), [`mapped`] (regular files), [`follow`] (a growing
//! log).

pub mod access;
pub mod clock;
pub mod findings;
mod follow;
mod group;
pub mod input;
pub mod mapped;
mod merge;
mod options;
pub mod other;
mod record;
mod report;
mod scanner;
mod state;
pub mod tally;
mod timeline;

pub use findings::{Dimension, LogFinding};
pub use follow::{Feed, Tail};
pub use group::{Group, GroupState};
pub use input::Progress;
pub use merge::merge;
pub use options::{By, Mapping, ScanOptions};
pub use record::LogRecord;
pub use report::{InputReport, Minute, Report};
pub use scanner::{Scanner, MAX_FAILED};
pub use state::{Mismatch, State, FORMAT};
pub use tally::Count;
pub use timeline::minute_in_range;

/// Scans text already in memory: the same path as a file, one input named
/// `-`. Access-log lines, SDK and obsutil log lines and `curl` captures are
/// each counted; a [`Scanner`] reads readers, files and growing logs.
///
/// ```
/// use obserr::{scan_bytes, Outcome, ScanOptions};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n\
///     2026/11/26 08:02:30 obs: service returned error: Status=403 Forbidden, Code=AccessDenied, \
///     Message=Access Denied, RequestId=00000190ABCDEF\n";
/// let report = scan_bytes(log.as_bytes(), ScanOptions::default());
/// assert_eq!((report.requests, report.errors), (2, 2));
/// assert_eq!((report.groups[0].code.as_deref(), report.groups[0].count), (Some("AccessDenied"), 2));
/// assert_eq!(report.outcome(), Outcome::Found);
/// ```
#[must_use]
pub fn scan_bytes(bytes: &[u8], options: ScanOptions) -> Report {
    let mut scanner = Scanner::new(options);
    scanner.scan_with("-", &mut std::io::Cursor::new(bytes), &mut (), false);
    scanner.finish()
}
