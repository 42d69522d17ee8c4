//! `obserr list`: the catalogued codes that pass every filter given
//! ([`obserr::list`]), as a table, plain lines or JSON.

use super::output::Output;
use super::terminal::Terminal;
use crate::cli::ListArgs;
use obserr::Outcome;
use obserr::{Human, Json, ListFilter, Message};
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
    let entries = obserr::list(&ListFilter {
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
        Json::entries(&mut out.stdout, &entries)
    } else {
        Human::new(&terminal.style).list(&mut out.stdout, &entries)
    }
}
