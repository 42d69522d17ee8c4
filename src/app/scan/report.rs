//! What every way of scanning ends with: the report's notes on stderr and
//! the summary or JSON on stdout; and the usage error of an input that
//! could not be opened.

use crate::app::output::{usage_error, Output};
use crate::app::terminal::Terminal;
use obserr::{Human, Json, Message, Report};
use std::io;

/// Renders a scan's report: the notes on stderr, then the summary or JSON.
pub fn report_scan(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    report: &Report,
) -> io::Result<()> {
    out.outcome = report.outcome();
    for message in Message::scan_notes(report) {
        out.say(message);
    }
    if as_json {
        Json::scan_report(&mut out.stdout, report)
    } else {
        // The timeline is for a person at a terminal.
        let timeline = terminal.style.width.is_some();
        Human::new(&terminal.style).scan_report(&mut out.stdout, report, timeline)
    }
}

/// A scan input (a report to merge, a file to follow) that could not be
/// opened or read: a usage error naming it.
pub fn unreadable(out: &mut Output, as_json: bool, name: &str, e: &io::Error) -> io::Result<()> {
    let message = Message::ScanUnreadable {
        name: name.to_string(),
        error: e.to_string(),
    };
    usage_error(out, as_json, message)
}
