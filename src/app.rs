//! The binary's I/O: gathers every terminal and environment fact once
//! ([`Terminal`]), reads `decode` inputs, hands the parsed command to the
//! library ([`obserr::command`]) and the renderers, and decides where the
//! bytes go (stdout, a pager, stderr) and which exit status ends the run.

use obserr::cli::{Cli, ColorChoice, Command};
use obserr::command::{self, Decoded, Explained, Input, ReadError, MAX_INPUT};
use obserr::render::{diagnosis, human, json, Message, Style};
use obserr::sanitize::visible;
use obserr::scan::{self, Progress};
use obserr::search;
use obserr::Outcome;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::{ExitCode, Stdio};

/// What the environment says about where output goes.
#[derive(Debug, Clone)]
pub struct Terminal {
    pub style: Style,
    pub height: Option<usize>,
    pub pager: Option<String>,
    /// Standard input is a terminal: `decode` says how to end a paste.
    pub stdin_tty: bool,
    /// Standard error is a terminal: `scan` may draw a progress bar there.
    pub stderr_tty: bool,
}

impl Terminal {
    pub fn detect(cli: &Cli) -> Terminal {
        let tty = io::stdout().is_terminal();
        let var = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        let color = !cli.json && use_color(cli.color, tty, var);
        let size = if tty {
            terminal_size::terminal_size()
        } else {
            None
        };
        let pager = if tty && !cli.no_pager && !cli.json {
            Some(var("PAGER").unwrap_or_else(|| "less -FRX".to_string()))
        } else {
            None
        };
        Terminal {
            style: Style {
                color,
                width: size.map(|(w, _)| usize::from(w.0)).or(tty.then_some(80)),
            },
            height: size.map(|(_, h)| usize::from(h.0)),
            pager,
            stdin_tty: io::stdin().is_terminal(),
            stderr_tty: io::stderr().is_terminal(),
        }
    }
}

/// The colour decision: `always`/`never` win; `auto` means stdout is a terminal,
/// `NO_COLOR` unset or empty and `TERM` not `dumb`, unless `CLICOLOR_FORCE` (set,
/// not empty, not `0`) forces colour.
pub fn use_color(choice: ColorChoice, tty: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
            if set("CLICOLOR_FORCE") && var("CLICOLOR_FORCE").as_deref() != Some("0") {
                return true;
            }
            tty && !set("NO_COLOR") && var("TERM").as_deref() != Some("dumb")
        }
    }
}

/// Everything one run produces.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub outcome: Outcome,
    /// Written straight to stdout even when it is taller than the terminal.
    pub unpaged: bool,
}

impl Output {
    fn say(&mut self, message: &Message) {
        self.stderr.push_str(&message.text());
    }
}

/// Runs the command: the library computes, `render` writes into memory, and
/// only the input is read here. Rendering into memory cannot fail; errors are
/// reported through [`Output::stderr`] and [`Output::outcome`].
pub fn run(cli: &Cli, terminal: &Terminal) -> Output {
    let mut out = Output::default();
    let style = terminal.style;
    let result = match &cli.command {
        Command::Explain { codes } => explain(&mut out, cli.json, &style, codes),
        Command::List { status, source } => {
            let entries = command::list(*status, source.as_deref());
            if entries.is_empty() {
                out.outcome = Outcome::NothingFound;
                out.say(&Message::EmptyList {
                    by_source: source.is_some(),
                });
            }
            if cli.json {
                let rows: Vec<json::EntryJson> =
                    entries.iter().map(|e| json::EntryJson::from(*e)).collect();
                json::write(&mut out.stdout, &rows)
            } else {
                human::list(&mut out.stdout, &style, &entries)
            }
        }
        Command::Decode { files } => {
            let inputs = Input::from_args(files);
            let decoded = command::decode_inputs(inputs, |input| read_input(input, terminal));
            decode(&mut out, cli.json, &style, &decoded)
        }
        // Generated files are meant to be redirected: never paged or coloured.
        Command::Completions { shell } => {
            out.unpaged = true;
            obserr::assets::completions(*shell, &mut out.stdout);
            Ok(())
        }
        Command::Man => {
            out.unpaged = true;
            obserr::assets::man_page(&mut out.stdout)
        }
        Command::Scan {
            paths,
            by,
            since,
            until,
        } => {
            let options = scan::Options {
                by: *by,
                since: *since,
                until: *until,
            };
            scan_logs(&mut out, cli.json, terminal, paths, options)
        }
        Command::Search { words, limit } => {
            let hits = search::search(&words.join(" "), *limit);
            if hits.is_empty() {
                out.say(&Message::NoSearchHits);
                out.outcome = Outcome::NothingFound;
            }
            if cli.json {
                let rows: Vec<json::HitJson> = hits.iter().map(json::HitJson::from).collect();
                json::write(&mut out.stdout, &rows)
            } else {
                human::hits(&mut out.stdout, &style, &hits)
            }
        }
    };
    result.expect("writing to memory cannot fail");
    out
}

fn explain(out: &mut Output, as_json: bool, style: &Style, codes: &[String]) -> io::Result<()> {
    let explained = command::explain(codes);
    out.outcome = Outcome::of_all(explained.iter().map(Explained::outcome));
    for x in &explained {
        match x {
            Explained::UnknownStatus { status, .. } => out.say(&Message::UnknownStatus(*status)),
            Explained::Unknown {
                token, suggestions, ..
            } => out.say(&Message::UnknownCode { token, suggestions }),
            Explained::Code(_) | Explained::Status { .. } => {}
        }
    }
    if as_json {
        let items: Vec<json::ExplainedJson> =
            explained.iter().map(json::ExplainedJson::from).collect();
        return json::write(&mut out.stdout, &items);
    }
    for x in &explained {
        let at = out.stdout.len();
        match x {
            Explained::Code(entry) => human::entry(&mut out.stdout, style, entry)?,
            Explained::Status {
                status,
                info,
                codes,
            } => human::status(&mut out.stdout, style, *status, *info, codes)?,
            Explained::UnknownStatus { .. } | Explained::Unknown { .. } => continue,
        }
        // A blank line between explanations.
        if at > 0 {
            out.stdout.insert(at, b'\n');
        }
    }
    Ok(())
}

/// One `decode` input's bytes, at most [`MAX_INPUT`] of them.
fn read_input(input: &Input, terminal: &Terminal) -> Result<Vec<u8>, ReadError> {
    match input {
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(ReadError::Io)?;
            command::read_capped(file, MAX_INPUT)
        }
        Input::Stdin => {
            if terminal.stdin_tty {
                // Said at once, not buffered: otherwise obserr seems to hang.
                let _ = Message::PastePrompt.write(&mut io::stderr());
            }
            command::read_capped(io::stdin().lock(), MAX_INPUT)
        }
    }
}

/// `decode`: the diagnoses of every input, then the messages about those
/// that could not be read or held nothing. The worst outcome wins.
fn decode(out: &mut Output, as_json: bool, style: &Style, decoded: &[Decoded]) -> io::Result<()> {
    out.outcome = Outcome::of_all(decoded.iter().map(Decoded::outcome));
    let several = decoded.len() > 1;
    for item in decoded {
        match &item.result {
            Err(error) => out.say(&Message::Unreadable {
                input: &item.input,
                error,
            }),
            Ok(_) if item.is_blank() => out.say(&Message::NoResponse {
                input: several.then_some(&item.input),
            }),
            Ok(_) => {}
        }
    }
    if as_json {
        json::write(&mut out.stdout, &diagnosis::json_all(decoded))
    } else {
        diagnosis::human_all(&mut out.stdout, style, decoded)
    }
}

/// A progress bar on stderr for `scan`, drawn only on a terminal and only
/// once reading has taken longer than [`Bar::DELAY`]: a small log finishes
/// before a bar would be seen. It counts from the start, hidden, so that its
/// rate and estimate are right when it appears.
struct Bar {
    enabled: bool,
    started: std::time::Instant,
    bar: indicatif::ProgressBar,
    shown: bool,
}

impl Bar {
    const DELAY: std::time::Duration = std::time::Duration::from_millis(300);

    fn new(enabled: bool) -> Bar {
        Bar {
            enabled,
            started: std::time::Instant::now(),
            bar: indicatif::ProgressBar::hidden(),
            shown: false,
        }
    }

    fn style(len: Option<u64>) -> indicatif::ProgressStyle {
        let template = match len {
            Some(_) => "{msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            None => "{spinner} {msg} {bytes} {bytes_per_sec}",
        };
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
    }
}

impl scan::Progress for Bar {
    fn start(&mut self, name: &str, len: Option<u64>) {
        self.bar.reset();
        self.bar.set_style(Bar::style(len));
        self.bar.set_length(len.unwrap_or(0));
        self.bar.set_message(visible(name).into_owned());
    }

    fn advance(&mut self, done: u64) {
        if !self.enabled {
            return;
        }
        self.bar.set_position(done);
        if !self.shown && self.started.elapsed() >= Bar::DELAY {
            self.shown = true;
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

/// `scan`'s inputs: `-` is standard input, a directory stands for every
/// file under it (in name order, not following links to directories); no
/// path means standard input. Each is opened and handed to the library's
/// scanner as a reader; one that cannot be opened is recorded as such.
fn scan_paths(scanner: &mut scan::Scanner, paths: &[PathBuf], bar: &mut Bar) {
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
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = match entry {
                Ok(e) if e.file_type().is_dir() => continue,
                Ok(e) => e,
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
                    scanner.scan(&name, &mut file, bar);
                }
                Err(e) => scanner.unreadable(&name, e.to_string()),
            }
        }
    }
}

/// `scan`: reads every input, then renders the report. The outcome is an
/// input error if a path could not be read, else found when errors were
/// found, nothing found when none.
fn scan_logs(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
    options: scan::Options,
) -> io::Result<()> {
    let mut scanner = scan::Scanner::new(options);
    let mut bar = Bar::new(terminal.stderr_tty);
    scan_paths(&mut scanner, paths, &mut bar);
    bar.bar.finish_and_clear();
    let report = scanner.finish();
    out.outcome = report.outcome();
    for message in obserr::render::scan::messages(&report) {
        out.say(&message);
    }
    if as_json {
        json::write(
            &mut out.stdout,
            &obserr::render::scan::ScanJson::new(&report),
        )
    } else {
        // The timeline is for a person at a terminal.
        let timeline = terminal.style.width.is_some();
        obserr::render::scan::human(&mut out.stdout, &terminal.style, &report, timeline)
    }
}

/// Writes the output where it belongs and returns the exit code. A closed pipe
/// is not an error: the reader has what it wanted.
pub fn emit(output: Output, terminal: &Terminal) -> ExitCode {
    let _ = io::stderr().write_all(output.stderr.as_bytes());
    let paged = match (&terminal.pager, terminal.height) {
        (Some(pager), Some(height))
            if !output.unpaged && rows(&output.stdout, terminal.style.width) >= height =>
        {
            page(pager, &output.stdout).is_ok()
        }
        _ => false,
    };
    if !paged {
        let mut stdout = io::stdout().lock();
        match stdout
            .write_all(&output.stdout)
            .and_then(|()| stdout.flush())
        {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(e) => {
                let _ = Message::CannotWrite(&e).write(&mut io::stderr());
                return ExitCode::from(Outcome::InputError.exit_status());
            }
        }
    }
    ExitCode::from(output.outcome.exit_status())
}

/// Reports what clap refused (or the help and version it was asked for).
/// clap echoes the offending argument, so the text is made visible first.
/// Under `--json` a usage error is also a JSON error object on stdout.
pub fn clap_failure(err: &clap::Error, json: bool) -> ExitCode {
    let text = err.render().to_string();
    let text = obserr::sanitize::visible_lines(&text);
    if !err.use_stderr() {
        // --help and --version go to stdout with status 0; a closed pipe is fine.
        drop(io::stdout().lock().write_all(text.as_bytes()));
        return ExitCode::from(Outcome::Found.exit_status());
    }
    // Same shape as obserr's own errors: `obserr: error: ...`.
    let prefix = if text.starts_with("error:") {
        "obserr: "
    } else {
        ""
    };
    drop(io::stderr().write_all(format!("{prefix}{text}").as_bytes()));
    if json {
        // The error paragraph, before the usage lines, on one line.
        let paragraph = text.split("\n\n").next().unwrap_or_default();
        let paragraph = paragraph.strip_prefix("error: ").unwrap_or(paragraph);
        let error = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut buf = Vec::new();
        json::write(&mut buf, &json::ErrorJson::new(error, None)).expect("memory");
        drop(io::stdout().lock().write_all(&buf));
    }
    ExitCode::from(Outcome::InputError.exit_status())
}

/// How many terminal rows `text` takes at `width` columns: long lines wrap.
/// Colour sequences take no room; every other character is taken as one column.
fn rows(text: &[u8], width: Option<usize>) -> usize {
    let text = String::from_utf8_lossy(text);
    text.lines()
        .map(|line| {
            let mut columns: usize = 0;
            let mut in_escape = false;
            for c in line.chars() {
                match (in_escape, c) {
                    (false, '\x1b') => in_escape = true,
                    (true, 'm') => in_escape = false,
                    (true, _) => {}
                    (false, _) => columns += 1,
                }
            }
            width.map_or(1, |w| columns.div_ceil(w.max(1)).max(1))
        })
        .sum()
}

/// Shows `text` through the user's pager (split on white space, no shell).
/// Fails, so the caller prints directly, when the pager is empty or cannot start.
fn page(pager: &str, text: &[u8]) -> io::Result<()> {
    let mut words = pager.split_whitespace();
    let program = words
        .next()
        .ok_or_else(|| io::Error::other("empty PAGER"))?;
    let mut child = std::process::Command::new(program)
        .args(words)
        .stdin(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // The user may quit the pager before reading everything.
        let _ = stdin.write_all(text);
    }
    child.wait()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn rows_count_wrapped_lines_and_ignore_colour() {
        assert_eq!(rows(b"a\nb\n", Some(80)), 2);
        assert_eq!(rows(&[b'x'; 200], Some(80)), 3);
        assert_eq!(rows(b"\x1b[1mbold\x1b[0m\n\n", Some(4)), 2);
        assert_eq!(rows(b"", Some(80)), 0);
    }

    #[test]
    fn colour_follows_the_conventions() {
        use ColorChoice::*;
        assert!(use_color(Auto, true, env(&[])));
        assert!(!use_color(Auto, false, env(&[])));
        assert!(!use_color(Auto, true, env(&[("NO_COLOR", "1")])));
        assert!(use_color(Auto, true, env(&[("NO_COLOR", "")])));
        assert!(!use_color(Auto, true, env(&[("TERM", "dumb")])));
        assert!(use_color(Auto, false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!use_color(Auto, false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(use_color(Always, false, env(&[("NO_COLOR", "1")])));
        assert!(!use_color(Never, true, env(&[("CLICOLOR_FORCE", "1")])));
    }
}
