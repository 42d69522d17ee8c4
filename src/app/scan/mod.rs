//! `obserr scan`: triage of the errors in logs. One pass over files,
//! directories and standard input with a progress bar (`logs`, `bar`);
//! `--merge` of `scan --json` reports (`merge`); `--follow` of a growing log
//! (`follow`); each ends in the same report on stdout (`report`).

mod bar;
mod follow;
mod logs;
mod merge;
mod report;

use super::output::{usage_error, Output};
use super::terminal::Terminal;
use crate::cli::ScanArgs;
use obserr::{Message, ScanOptions};
use std::io;

/// `scan`: a usage error first (an empty window, `--follow` of more than
/// one input), then `--merge`, `--follow` or the one-pass scan.
pub fn run(
    out: &mut Output,
    args: &ScanArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since >= until
    {
        return usage_error(out, as_json, Message::InvertedWindow);
    }
    let options = ScanOptions {
        by: args.by.into(),
        since: args.since,
        until: args.until,
        failed_objects: args.failed_objects,
    };
    if args.merge {
        return merge::merge_reports(out, as_json, terminal, &args.paths);
    }
    if args.follow {
        return follow::follow(out, as_json, terminal, &args.paths, options);
    }
    logs::scan_logs(
        out,
        as_json,
        terminal,
        &args.paths,
        options,
        !args.no_mmap,
        args.follow_links,
    )
}
