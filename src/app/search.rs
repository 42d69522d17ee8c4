//! `obserr search`: the fuzzy search over codes, messages and solutions
//! ([`obserr::search`]), best match first.

use super::output::Output;
use super::terminal::Terminal;
use crate::cli::SearchArgs;
use obserr::Outcome;
use obserr::{Human, Json, Message};
use std::io;

/// `search`: the hits for the words given, or nothing found (with a
/// message).
pub fn run(
    out: &mut Output,
    args: &SearchArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    let hits = obserr::search(&args.words.join(" "), args.limit);
    if hits.is_empty() {
        out.say(Message::NoSearchHits);
        out.outcome = Outcome::NothingFound;
    }
    if as_json {
        Json::hits(&mut out.stdout, &hits)
    } else {
        Human::new(&terminal.style).hits(&mut out.stdout, &hits)
    }
}
