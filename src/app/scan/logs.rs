//! One pass of `scan` over its inputs: standard input, files, and every file
//! under a directory, read by the library's scanner with a progress bar;
//! then the report, or with `--failed-objects` the objects to retry.

use super::bar::Bar;
use super::report::report_scan;
use crate::app::output::Output;
use crate::app::terminal::Terminal;
use obserr::{Human, Json, Message, Progress, ScanOptions, Scanner};
use std::io::{self, IsTerminal};
use std::path::PathBuf;

/// `scan`: reads every input, then renders the report. The outcome is an
/// input error if a path could not be read, else found when errors were
/// found, nothing found when none.
pub fn scan_logs(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
    options: ScanOptions,
    map: bool,
    follow_links: bool,
) -> io::Result<()> {
    let mut scanner = Scanner::new(options);
    if !map {
        scanner.set_mapping(None);
    }
    let mut bar = Bar::new(terminal.stderr_tty);
    scan_paths(&mut scanner, paths, &mut bar, follow_links);
    bar.finish();
    let report = scanner.finish();
    if options.failed_objects {
        out.outcome = report.outcome();
        for message in Message::scan_notes(&report) {
            out.say(message);
        }
        // A list to feed a re-run: never paged.
        out.unpaged = true;
        if as_json {
            return Json::failed_objects(&mut out.stdout, &report);
        }
        return Human::new(&terminal.style).failed_objects(&mut out.stdout, &report);
    }
    report_scan(out, as_json, terminal, &report)
}

/// `scan`'s inputs: `-` is standard input, a directory stands for every
/// file under it (in name order); no path means standard input. A link to a
/// directory found inside one is skipped, as rg does, or with
/// `follow_links` followed (a loop back to a directory above it is skipped).
/// Each is opened and handed to the library's scanner (which maps a regular
/// file unless told not to); one that cannot be opened is recorded as such.
fn scan_paths(scanner: &mut Scanner, paths: &[PathBuf], bar: &mut Bar, follow_links: bool) {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    for path in paths {
        if path.as_os_str() == "-" {
            if io::stdin().is_terminal() {
                // Said at once, not buffered: otherwise obserr seems to hang.
                let _ = Message::ScanStdinPrompt.write(&mut io::stderr());
            }
            bar.start("standard input", None);
            scanner.scan("-", &mut io::stdin(), bar);
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(follow_links)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) if e.file_type().is_dir() => continue,
                // A link to a directory, not followed: skipped, never read.
                Ok(e)
                    if e.path_is_symlink()
                        && e.depth() > 0
                        && std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()) =>
                {
                    continue
                }
                Ok(e) => e,
                Err(e) if e.loop_ancestor().is_some() => continue,
                Err(e) => {
                    let name = e.path().unwrap_or(path).to_string_lossy().into_owned();
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    scanner.unreadable(&name, why);
                    continue;
                }
            };
            let name = entry.path().to_string_lossy().into_owned();
            match std::fs::File::open(entry.path()) {
                Ok(mut file) => {
                    bar.start(&name, file.metadata().ok().map(|m| m.len()));
                    scanner.scan_file(&name, &mut file, bar);
                }
                Err(e) => scanner.unreadable(&name, e.to_string()),
            }
        }
    }
}
