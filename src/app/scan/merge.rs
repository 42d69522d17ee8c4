//! `scan --merge`: the `scan --json` reports of parts of a log merged into
//! the report of the whole.

use super::report::{report_scan, unreadable};
use crate::app::output::{usage_error, Output};
use crate::app::terminal::Terminal;
use obserr::{InputReport, Json, Message, Report, State};
use std::io;
use std::path::PathBuf;

/// `scan --merge`: reads the reports one at a time, each merged into the
/// ones before it and dropped (memory holds one merged state and one
/// report, however many there are), and renders the result as a scan would.
/// A file that cannot be read, is not a report, is of another format or was
/// made with other options ends the run (exit 2).
pub fn merge_reports(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
) -> io::Result<()> {
    let mut merged: Option<(Vec<InputReport>, State)> = None;
    for path in paths {
        let name = path.to_string_lossy();
        let bytes = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes).map(|_| bytes)
        } else {
            std::fs::read(path)
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => return unreadable(out, as_json, &name, &e),
        };
        let (inputs, state) = match Json::read_report(&bytes, &name) {
            Ok(part) => part,
            Err(message) => return usage_error(out, as_json, message),
        };
        drop(bytes);
        // Merged into an empty state of this obserr's caps, the first too.
        let (all_inputs, all) = merged.get_or_insert_with(|| (Vec::new(), state.empty()));
        if let Err(mismatch) = all.merge(&state) {
            let name = name.into_owned();
            return usage_error(out, as_json, Message::MergeMismatch { name, mismatch });
        }
        all_inputs.extend(inputs);
    }
    match merged {
        Some((inputs, state)) => report_scan(out, as_json, terminal, &Report::new(inputs, state)),
        // clap requires a path.
        None => Ok(()),
    }
}
