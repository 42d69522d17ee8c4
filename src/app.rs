//! Runs a parsed command: looks things up through the library, renders into
//! buffers, and decides where the bytes go (stdout, a pager, stderr). All
//! terminal and environment facts are gathered once in [`Terminal`].

use obserr::catalogue::{self, Entry};
use obserr::cli::{Cli, ColorChoice, Command};
use obserr::decode::{self, Response};
use obserr::diagnose::{self, Diagnosis};
use obserr::query::{self, Resolved};
use obserr::render::{diagnosis, human, json, Style};
use obserr::sanitize::visible;
use obserr::scan;
use obserr::search;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};

/// Exit statuses, as documented in the README.
pub const FOUND: u8 = 0;
pub const NOT_FOUND: u8 = 1;
pub const INPUT_ERROR: u8 = 2;

/// The most `decode` reads from one input: one response is far smaller, and
/// memory stays bounded whatever is piped in.
pub const MAX_INPUT: u64 = 8 * 1024 * 1024;

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
    pub status: u8,
    /// Written straight to stdout even when it is taller than the terminal.
    pub unpaged: bool,
}

/// Runs the command. Rendering into memory cannot fail; errors are reported
/// through [`Output::stderr`] and [`Output::status`].
pub fn run(cli: &Cli, terminal: &Terminal) -> Output {
    let mut out = Output {
        status: FOUND,
        ..Output::default()
    };
    let style = terminal.style;
    let result = match &cli.command {
        Command::Explain { codes } => explain(&mut out, cli.json, &style, codes),
        Command::List { status, source } => {
            let entries: Vec<&Entry> = catalogue::entries()
                .iter()
                .filter(|e| status.is_none_or(|f| e.has_status(f)))
                .filter(|e| source.as_deref().is_none_or(|id| e.documented_in(id)))
                .collect();
            if entries.is_empty() {
                out.stderr.push_str(if source.is_some() {
                    "obserr: no catalogued code has that status in that source\n"
                } else {
                    "obserr: no catalogued code has that status\n"
                });
            }
            list(&mut out, cli.json, &style, &entries)
        }
        Command::Decode { files } => decode_inputs(&mut out, cli.json, terminal, files),
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
        Command::Search { words, limit } => {
            let hits = search::search(&words.join(" "), *limit);
            if hits.is_empty() {
                out.stderr.push_str("obserr: nothing matches that search\nhint: try fewer or other words, or `obserr list`\n");
                out.status = NOT_FOUND;
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

fn list(
    out: &mut Output,
    as_json: bool,
    style: &Style,
    entries: &[&'static Entry],
) -> io::Result<()> {
    if entries.is_empty() {
        out.status = NOT_FOUND;
    }
    if as_json {
        let rows: Vec<json::EntryJson> =
            entries.iter().map(|e| json::EntryJson::from(*e)).collect();
        json::write(&mut out.stdout, &rows)
    } else {
        human::list(&mut out.stdout, style, entries)
    }
}

fn explain(out: &mut Output, as_json: bool, style: &Style, codes: &[String]) -> io::Result<()> {
    let mut values = Vec::new();
    for (n, arg) in codes.iter().enumerate() {
        if n > 0 && !as_json && !out.stdout.is_empty() {
            writeln!(out.stdout)?;
        }
        match query::resolve(arg) {
            Resolved::Code(entry) => {
                if as_json {
                    values.push(to_value(json::EntryJson::from(entry)));
                } else {
                    human::entry(&mut out.stdout, style, entry)?;
                }
            }
            Resolved::Status(status) => {
                let info = catalogue::status_info(status);
                let codes: Vec<&Entry> =
                    catalogue::by_status(catalogue::StatusFilter::Exact(status)).collect();
                if info.is_none() && codes.is_empty() {
                    out.status = NOT_FOUND;
                    out.stderr.push_str(&format!(
                        "obserr: error: OBS documents no error code with status {status}\n"
                    ));
                    values.push(to_value(json::UnknownJson::new(arg, &[])));
                    continue;
                }
                if as_json {
                    values.push(to_value(json::StatusJson::new(status, info, &codes)));
                } else {
                    human::status(&mut out.stdout, style, status, info, &codes)?;
                }
            }
            Resolved::Unknown { token, suggestions } => {
                out.status = NOT_FOUND;
                out.stderr.push_str(&human::unknown(&token, &suggestions));
                values.push(to_value(json::UnknownJson::new(arg, &suggestions)));
            }
        }
    }
    if as_json {
        match values.len() {
            1 => json::write(&mut out.stdout, &values[0])?,
            _ => json::write(&mut out.stdout, &values)?,
        }
    }
    Ok(())
}

/// Why an input could not be decoded.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    TooLarge,
    Empty,
}

/// Reads at most `cap` bytes; one byte more means the input is too large, and
/// the rest is never read.
pub fn read_capped(reader: impl Read, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    reader
        .take(cap + 1)
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > cap {
        return Err(ReadError::TooLarge);
    }
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    Ok(buf)
}

/// One `decode` input: a file, or standard input (`None`).
fn read_input(path: Option<&Path>, stdin_tty: bool) -> Result<Vec<u8>, ReadError> {
    match path {
        Some(path) => {
            let file = std::fs::File::open(path).map_err(ReadError::Io)?;
            read_capped(file, MAX_INPUT)
        }
        None => {
            if stdin_tty {
                // Said at once, not buffered: otherwise obserr seems to hang.
                let keys = if cfg!(windows) {
                    "Ctrl-Z, then Enter"
                } else {
                    "Ctrl-D on an empty line"
                };
                let _ = writeln!(
                    io::stderr(),
                    "obserr: paste the response, then press {keys}"
                );
            }
            read_capped(io::stdin().lock(), MAX_INPUT)
        }
    }
}

fn read_error_message(name: &str, err: &ReadError) -> String {
    match err {
        ReadError::Io(e) => format!("obserr: error: cannot read {name}: {e}\n"),
        ReadError::TooLarge => format!(
            "obserr: error: {name} is larger than {} MiB; no single error response is that big\n\
             hint: cut the failing response out of the log first\n",
            MAX_INPUT / 1024 / 1024
        ),
        ReadError::Empty => format!(
            "obserr: error: {name} is empty\n\
             hint: paste a response, or pipe one in: curl -si URL | obserr decode\n"
        ),
    }
}

/// `decode`: each input is read, decoded and diagnosed in turn. With several,
/// human output puts a `==> NAME <==` line before each; JSON prints an array
/// with a `file` key in each object (or an `error` for an unreadable one). The
/// exit status is the worst one: 2 if any input could not be read, else 1 if
/// any gave no catalogued code, else 0.
fn decode_inputs(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    files: &[PathBuf],
) -> io::Result<()> {
    let inputs: Vec<Option<&Path>> = if files.is_empty() {
        vec![None]
    } else {
        files
            .iter()
            .map(|f| (f.as_os_str() != "-").then_some(f.as_path()))
            .collect()
    };
    let several = inputs.len() > 1;
    // Each input: its name as given (for JSON), and the decoded response or
    // the error line.
    let mut decoded: Vec<(String, Result<Response, String>)> = Vec::new();
    for path in inputs {
        let name = path.map_or("-".to_string(), |p| p.to_string_lossy().into_owned());
        let result = match read_input(path, terminal.stdin_tty) {
            Ok(bytes) => Ok(decode::decode(&bytes)),
            Err(e) => {
                let shown = match path {
                    Some(_) => format!("'{}'", visible(&name)),
                    None => "standard input".to_string(),
                };
                let message = read_error_message(&shown, &e);
                out.stderr.push_str(&message);
                out.status = INPUT_ERROR;
                Err(message.lines().next().unwrap_or("").to_string())
            }
        };
        decoded.push((name, result));
    }
    let diagnoses: Vec<(&str, Result<Diagnosis, &str>)> = decoded
        .iter()
        .map(|(name, r)| match r {
            Ok(response) => (name.as_str(), Ok(diagnose::diagnose(response))),
            Err(e) => (name.as_str(), Err(e.as_str())),
        })
        .collect();
    for (name, d) in &diagnoses {
        let Ok(d) = d else { continue };
        if !d.found() && out.status != INPUT_ERROR {
            out.status = NOT_FOUND;
        }
        if d.response.is_empty() {
            let whose = if several {
                format!(" in {}", display_name(name))
            } else {
                String::new()
            };
            out.stderr.push_str(&format!(
                "obserr: no OBS error response found{whose}\n\
                 hint: pass the whole response: curl -si URL | obserr decode\n"
            ));
        }
    }
    if as_json {
        return decode_json(out, &diagnoses, several);
    }
    let mut first = true;
    for (name, d) in &diagnoses {
        let Ok(d) = d else { continue };
        if several {
            if !first {
                writeln!(out.stdout)?;
            }
            writeln!(out.stdout, "==> {} <==", display_name(name))?;
        }
        first = false;
        diagnosis::human(&mut out.stdout, &terminal.style, d)?;
    }
    Ok(())
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

    fn clear(&mut self) {
        self.bar.finish_and_clear();
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

/// `scan`: reads every input, then renders the report. The exit status is 2
/// if an input could not be read, else 0 when errors were found, 1 when none.
fn scan_logs(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
    options: scan::Options,
) -> io::Result<()> {
    let mut scanner = scan::Scanner::new(options);
    let mut bar = Bar::new(terminal.stderr_tty);
    scanner.scan_sources(scan::input::sources(paths), &mut bar);
    bar.clear();
    let report = scanner.finish();
    for note in obserr::render::scan::notes(&report) {
        out.stderr.push_str(&note);
        out.stderr.push('\n');
    }
    out.status = if report.input_error() {
        INPUT_ERROR
    } else if report.errors > 0 {
        FOUND
    } else {
        NOT_FOUND
    };
    if out.status == NOT_FOUND && !as_json {
        out.stderr.push_str("obserr: no errors found\n");
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

/// An input's name for people: the path made safe, or `standard input`.
fn display_name(name: &str) -> String {
    if name == "-" {
        "standard input".to_string()
    } else {
        visible(name).into_owned()
    }
}

fn decode_json(
    out: &mut Output,
    diagnoses: &[(&str, Result<Diagnosis, &str>)],
    several: bool,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    #[serde(untagged)]
    enum Item<'a> {
        Found(diagnosis::DiagnosisJson<'a>),
        Failed(diagnosis::FileErrorJson),
    }
    let items: Vec<Item> = diagnoses
        .iter()
        .map(|(name, d)| {
            let file = several.then(|| name.to_string());
            match d {
                Ok(d) => Item::Found(diagnosis::DiagnosisJson::new(d, file)),
                Err(e) => Item::Failed(diagnosis::FileErrorJson {
                    file: file.unwrap_or_default(),
                    error: e.trim_start_matches("obserr: error: ").to_string(),
                }),
            }
        })
        .collect();
    match (several, items.as_slice()) {
        (true, _) => json::write(&mut out.stdout, &items),
        (false, [Item::Found(one)]) => json::write(&mut out.stdout, one),
        // A single unreadable input: the error is on stderr, stdout stays empty.
        (false, _) => Ok(()),
    }
}

fn to_value(v: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(v).expect("catalogue values serialise")
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
                let _ = writeln!(io::stderr(), "obserr: error: cannot write output: {e}");
                return ExitCode::from(INPUT_ERROR);
            }
        }
    }
    ExitCode::from(output.status)
}

/// Reports what clap refused (or the help and version it was asked for).
/// clap echoes the offending argument, so the text is made visible first.
pub fn clap_failure(err: &clap::Error) -> ExitCode {
    let text = err.render().to_string();
    let text = obserr::sanitize::visible_lines(&text);
    let written = if err.use_stderr() {
        // Same shape as obserr's own errors: `obserr: error: ...`.
        let prefix = if text.starts_with("error:") {
            "obserr: "
        } else {
            ""
        };
        io::stderr().write_all(format!("{prefix}{text}").as_bytes())
    } else {
        io::stdout().lock().write_all(text.as_bytes())
    };
    // --help and --version go to stdout with status 0; a closed pipe is fine.
    drop(written);
    ExitCode::from(if err.use_stderr() { INPUT_ERROR } else { FOUND })
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
