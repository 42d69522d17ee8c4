//! `scan --follow`: the live summary on a terminal, and one line (or one
//! JSON object) per error when piped.

use super::format::{utc, utc_json_opt};
use super::summary::human;
use crate::catalogue;
use crate::render::style::Style;
use crate::sanitize::visible;
use crate::scan::Report;
use serde::Serialize;
use std::io::{self, Write};

/// Moves the cursor home and clears the screen: the live summary is drawn
/// anew each time.
pub const CLEAR: &str = "\x1b[H\x1b[2J";

/// `scan --follow` on a terminal: the summary so far, cut to the screen's
/// `height`, and a last line saying what is followed.
pub fn live(
    out: &mut impl Write,
    s: &Style,
    r: &Report,
    name: &str,
    height: Option<usize>,
) -> io::Result<()> {
    let mut summary = Vec::new();
    human(&mut summary, s, r, true)?;
    let summary = String::from_utf8_lossy(&summary);
    let room = height.unwrap_or(24).saturating_sub(2).max(1);
    out.write_all(CLEAR.as_bytes())?;
    for line in summary.lines().take(room) {
        writeln!(out, "{line}")?;
    }
    let what = if name == "-" {
        "standard input".to_string()
    } else {
        visible(name).into_owned()
    };
    write!(
        out,
        "{}",
        s.label(&format!(
            "Following {what}; Ctrl-C stops and prints the summary"
        ))
    )
}

/// `scan --follow`, piped: one error as it is read, in a line.
#[must_use]
pub fn follow_line(e: &crate::scan::LogRecord) -> String {
    let mut line = String::new();
    if let Some(t) = e.time {
        line.push_str(&utc(t));
        line.push(' ');
    }
    match (&e.code, e.status) {
        (Some(code), Some(status)) => line.push_str(&format!("{} {status}", visible(code))),
        (Some(code), None) => line.push_str(&visible(code)),
        (None, Some(status)) => line.push_str(&status.to_string()),
        (None, None) => line.push_str("failed before any request"),
    }
    for (name, value) in [
        ("op", &e.operation),
        ("bucket", &e.bucket),
        ("key", &e.key),
        ("request_id", &e.request_id),
    ] {
        if let Some(v) = value {
            line.push_str(&format!(" {name}={}", visible(v)));
        }
    }
    line
}

/// `scan --follow --json`, piped: one error as a JSON object.
#[derive(Serialize)]
pub struct FollowJson<'a> {
    #[serde(serialize_with = "utc_json_opt")]
    /// When it was made.
    pub time: Option<i64>,
    /// The HTTP status.
    pub status: Option<u16>,
    /// The error code.
    pub code: Option<&'a str>,
    /// The operation.
    pub operation: Option<&'a str>,
    /// The bucket.
    pub bucket: Option<&'a str>,
    /// The object key.
    pub key: Option<&'a str>,
    /// The request ID.
    pub request_id: Option<&'a str>,
    /// Whether a retry helps (the catalogue), when the code is known.
    pub retryable: Option<bool>,
}

impl<'a> FollowJson<'a> {
    /// The object for one error.
    #[must_use]
    pub fn new(e: &'a crate::scan::LogRecord<'a>) -> Self {
        FollowJson {
            time: e.time,
            status: e.status,
            code: e.code.as_deref(),
            operation: e.operation.as_deref(),
            bucket: e.bucket.as_deref(),
            key: e.key.as_deref(),
            request_id: e.request_id.as_deref(),
            retryable: e
                .code
                .as_deref()
                .and_then(catalogue::lookup)
                .map(|entry| entry.retryable),
        }
    }
}
