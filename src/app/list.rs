//! `obserr list`: the catalogued codes that pass every filter given
//! ([`obserr::catalogue::list`]), as a table, plain lines or JSON.

use super::output::Output;
use super::terminal::Terminal;
use crate::cli::ListArgs;
use obserr::catalogue::{self, ListFilter};
use obserr::render::{human, json, Message};
use obserr::Outcome;
use std::io;

/// `list`: the entries, or nothing found (with a message) when no code
/// passes the filters.
pub fn run(
    out: &mut Output,
    args: &ListArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    let ListArgs {
        status,
        source,
        kind,
        retryable,
    } = args;
    let entries = catalogue::list(&ListFilter {
        status,
        source: source.as_deref(),
        kind: *kind,
        retryable: *retryable,
    });
    if entries.is_empty() {
        out.outcome = Outcome::NothingFound;
        out.say(Message::EmptyList {
            by_source: source.is_some(),
        });
    }
    if as_json {
        let rows: Vec<json::EntryJson> =
            entries.iter().map(|e| json::EntryJson::from(*e)).collect();
        json::write(&mut out.stdout, &rows)
    } else {
        human::list(&mut out.stdout, &terminal.style, &entries)
    }
}
