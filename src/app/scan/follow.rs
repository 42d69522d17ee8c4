//! `scan --follow`: a growing log (or standard input) read until Ctrl-C,
//! through rotation and truncation; each new error written at once, or on a
//! terminal a live summary; then the report of everything read.

use super::report::{report_scan, unreadable};
use crate::app::output::{usage_error, Output};
use crate::app::terminal::Terminal;
use obserr::{Feed, Human, Json, Message, ScanOptions, Scanner, Tail};
use std::io::{self, Write};
use std::path::PathBuf;

/// How often `scan --follow` looks for new lines.
const FOLLOW_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// The least time between two redraws of the live summary.
const FOLLOW_REDRAW: std::time::Duration = std::time::Duration::from_millis(250);

/// Where `scan --follow` reads: a file by name, or standard input through a
/// thread (a read from a pipe blocks; the loop must still see Ctrl-C).
enum Followed {
    File(Tail),
    Stdin(Feed, std::sync::mpsc::Receiver<io::Result<Vec<u8>>>),
}

/// `scan --follow FILE|-`: reads to the end, then what is appended, until
/// Ctrl-C or SIGTERM (or the end of standard input). Piped, each new error
/// is written at once, a line each (`--json`: a JSON object each); on a
/// terminal a summary is redrawn at most four times a second. The final
/// summary goes through [`Output`] as a scan's does; the exit status is a
/// scan's: 0 when it saw errors, 1 when not.
pub fn follow(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
    options: ScanOptions,
) -> io::Result<()> {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let path = match paths {
        [] => PathBuf::from("-"),
        [one] => one.clone(),
        _ => return usage_error(out, as_json, Message::FollowOne),
    };
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // Without the handler Ctrl-C still ends obserr, only without the
        // summary: not worth failing over.
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    let mut scanner = Scanner::new(options);
    scanner.watch(true);
    let name = path.to_string_lossy().into_owned();
    let mut source = if name == "-" {
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        std::thread::spawn(move || {
            let mut stdin = io::stdin().lock();
            let mut buf = vec![0; Feed::CHUNK];
            loop {
                match io::Read::read(&mut stdin, &mut buf) {
                    Ok(0) => return,
                    Ok(n) => {
                        if tx.send(Ok(buf[..n].to_vec())).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
        });
        Followed::Stdin(Feed::new("-"), rx)
    } else {
        match Tail::open(&path, &name) {
            Ok(tail) => Followed::File(tail),
            Err(e) => return unreadable(out, as_json, &name, &e),
        }
    };
    let live = !as_json && terminal.style.width.is_some();
    let mut stdout = io::stdout();
    let mut last_draw: Option<std::time::Instant> = None;
    let mut changed = true;
    let mut stopped: Option<String> = None;
    while !stop.load(Ordering::Relaxed) {
        let read = match &mut source {
            Followed::File(tail) => tail.poll(&mut scanner),
            Followed::Stdin(feed, rx) => match rx.recv_timeout(FOLLOW_POLL) {
                Ok(Ok(bytes)) => {
                    feed.take(&mut scanner, &bytes);
                    Ok(bytes.len() as u64)
                }
                Ok(Err(e)) => Err(e),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Ok(0),
                // Standard input ended: so does following it.
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            },
        };
        match read {
            Ok(n) => changed |= n > 0,
            Err(e) => {
                stopped = Some(e.to_string());
                break;
            }
        }
        let (errors, more) = scanner.take_watched();
        if live {
            let due = last_draw.is_none_or(|t| t.elapsed() >= FOLLOW_REDRAW);
            if changed && due {
                let current = match &source {
                    Followed::File(tail) => tail.feed.report.clone(),
                    Followed::Stdin(feed, _) => feed.report.clone(),
                };
                scanner.set_current_input(Some(current));
                let report = scanner.snapshot();
                let mut screen = Vec::new();
                Human::new(&terminal.style).scan_live(
                    &mut screen,
                    &report,
                    &name,
                    terminal.height,
                )?;
                if stdout
                    .write_all(&screen)
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    break;
                }
                last_draw = Some(std::time::Instant::now());
                changed = false;
            }
        } else if !errors.is_empty() || more > 0 {
            let mut lines = Vec::new();
            for e in &errors {
                if as_json {
                    Json::follow_record(&mut lines, e)?;
                } else {
                    Human::new(&terminal.style).follow_line(&mut lines, e)?;
                }
            }
            if more > 0 {
                let _ = Message::FollowMore { count: more }.write(&mut io::stderr());
            }
            // A closed pipe (`| head`) ends following.
            if stdout
                .write_all(&lines)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                break;
            }
        }
        if matches!(source, Followed::File(_)) {
            sleep_unless(&stop, FOLLOW_POLL);
        }
    }
    match source {
        Followed::File(tail) => tail.feed.finish(&mut scanner),
        Followed::Stdin(feed, _) => feed.finish(&mut scanner),
    }
    scanner.set_current_input(None);
    let report = scanner.finish();
    if live {
        // The live summary gives way to the final one.
        let _ = Human::new(&terminal.style).clear_screen(&mut stdout);
        let _ = stdout.flush();
    }
    if let Some(error) = stopped {
        out.say(Message::FollowStopped { name, error });
    }
    out.unpaged = true;
    if as_json {
        out.outcome = report.outcome();
        for message in Message::scan_notes(&report) {
            out.say(message);
        }
        // One line, like the errors before it.
        return Json::scan_report_line(&mut out.stdout, &report);
    }
    report_scan(out, as_json, terminal, &report)
}

/// Sleeps for `time`, waking early when `stop` is set.
fn sleep_unless(stop: &std::sync::atomic::AtomicBool, time: std::time::Duration) {
    let step = std::time::Duration::from_millis(50);
    let start = std::time::Instant::now();
    while start.elapsed() < time && !stop.load(std::sync::atomic::Ordering::Relaxed) {
        std::thread::sleep(step.min(time.saturating_sub(start.elapsed())));
    }
}
