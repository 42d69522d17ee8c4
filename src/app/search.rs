//! `obserr search`: the fuzzy search over codes, messages and solutions
//! ([`obserr::search::search`]), best match first.

use super::output::Output;
use super::terminal::Terminal;
use crate::cli::SearchArgs;
use obserr::render::{human, json, Message};
use obserr::search;
use obserr::Outcome;
use std::io;

/// `search`: the hits for the words given, or nothing found (with a
/// message).
pub fn run(
    out: &mut Output,
    args: &SearchArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    let hits = search::search(&args.words.join(" "), args.limit);
    if hits.is_empty() {
        out.say(Message::NoSearchHits);
        out.outcome = Outcome::NothingFound;
    }
    if as_json {
        let rows: Vec<json::HitJson> = hits.iter().map(json::HitJson::from).collect();
        json::write(&mut out.stdout, &rows)
    } else {
        human::hits(&mut out.stdout, &terminal.style, &hits)
    }
}
