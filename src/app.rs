//! The binary's I/O: gathers every terminal and environment fact once
//! ([`Terminal`]), reads `decode` inputs, hands the parsed command to the
//! library ([`obserr::query`], [`obserr::decoded`]) and the renderers, and decides where the
//! bytes go (stdout, a pager, stderr) and which exit status ends the run.

use crate::cli::{
    Cli, ColorChoice, CompletionsArgs, DecodeArgs, ExplainArgs, ListArgs, Paging, ScanArgs,
    SearchArgs, SigcheckArgs, Subcommand,
};
use obserr::catalogue::{self, Entry};
use obserr::decoded::{Decoded, Input, ReadError, MAX_INPUT};
use obserr::query::{self, Explained};
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
    pub pager: Option<Pager>,
    /// Standard input is a terminal: `decode` says how to end a paste.
    pub stdin_tty: bool,
    /// Standard error is a terminal: `scan` may draw a progress bar there.
    pub stderr_tty: bool,
}

/// The pager command, and whether output goes through it even when short
/// (`--paging always`).
#[derive(Debug, Clone)]
pub struct Pager {
    pub command: String,
    pub always: bool,
}

impl Terminal {
    pub fn detect(cli: &Cli) -> Terminal {
        let tty = io::stdout().is_terminal();
        let var = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        let color_env = ColorEnv::read();
        let color = !cli.options.json && use_color(cli.options.color, tty, color_env);
        let size = if tty {
            terminal_size::terminal_size()
        } else {
            None
        };
        let (columns, rows) = size.map_or((0, 0), |(w, h)| (w.0, h.0));
        let pager = match cli.options.paging {
            Paging::Never => None,
            Paging::Auto if !tty || cli.options.json => None,
            paging => Some(Pager {
                command: pager_command(var),
                always: paging == Paging::Always,
            }),
        };
        Terminal {
            style: Style {
                color,
                width: tty.then(|| dimension(columns, var("COLUMNS"), 80)),
                // Only tables care, and only terminals get tables.
                ascii: tty && !unicode_locale(var),
                hyperlinks: tty
                    && !cli.options.json
                    && cli.options.color != ColorChoice::Never
                    && !color_env.dumb_term,
            },
            // Unknown on a terminal that reports no height and no LINES: then
            // nothing is paged (`--paging always` aside), as nothing can be
            // known to be too tall.
            height: tty.then(|| known_dimension(rows, var("LINES"))).flatten(),
            pager,
            stdin_tty: io::stdin().is_terminal(),
            stderr_tty: io::stderr().is_terminal(),
        }
    }
}

/// A terminal dimension: the environment variable (`COLUMNS`, `LINES`) when
/// it holds a positive number, else what the terminal reports unless that is
/// zero (a pseudo-terminal nobody sized), else `fallback`.
pub fn dimension(reported: u16, env: Option<String>, fallback: usize) -> usize {
    known_dimension(reported, env).unwrap_or(fallback)
}

/// [`dimension`] without a fallback: `None` when neither says.
pub fn known_dimension(reported: u16, env: Option<String>) -> Option<usize> {
    env.and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .or((reported > 0).then_some(usize::from(reported)))
}

/// The pager: `OBSERR_PAGER`, else `PAGER`, else `less -FRX` (an empty
/// variable counts as unset).
pub fn pager_command(var: impl Fn(&str) -> Option<String>) -> String {
    ["OBSERR_PAGER", "PAGER"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "less -FRX".to_string())
}

/// Whether the terminal can show box-drawing characters: the locale
/// (`LC_ALL`, else `LC_CTYPE`, else `LANG`, the first one set) names UTF-8.
/// Windows terminals always can.
pub fn unicode_locale(var: impl Fn(&str) -> Option<String>) -> bool {
    if cfg!(windows) {
        return true;
    }
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .is_some_and(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

/// What the environment says about colour. The conventions (`NO_COLOR`,
/// `CLICOLOR`, `CLICOLOR_FORCE`) are read by anstyle-query, the crate clap and
/// anstream read them with; `TERM` is only asked whether it is `dumb`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `CLICOLOR`, when set: `Some(false)` when it is `0`.
    pub clicolor: Option<bool>,
    /// `CLICOLOR_FORCE` is set, not empty and not `0`.
    pub clicolor_force: bool,
    /// `TERM` is `dumb`.
    pub dumb_term: bool,
}

impl ColorEnv {
    pub fn read() -> ColorEnv {
        ColorEnv {
            no_color: anstyle_query::no_color(),
            clicolor: anstyle_query::clicolor(),
            // anstyle-query takes any value but the empty one, `0` too; the
            // convention (bixense.com/clicolors) forces colour when it is not
            // `0`, and `CLICOLOR_FORCE=0` turns forcing off (the CLI cases run so).
            clicolor_force: anstyle_query::clicolor_force()
                && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
            // Not anstyle_query::term_supports_color, which also refuses an
            // unset TERM: obserr colours a terminal that names no TERM.
            dumb_term: std::env::var_os("TERM").is_some_and(|t| t == "dumb"),
        }
    }
}

/// The colour decision: `always`/`never` win; `auto` means stdout is a terminal,
/// `NO_COLOR` unset or empty, `CLICOLOR` not `0` and `TERM` not `dumb`, unless
/// `CLICOLOR_FORCE` (set, not empty, not `0`) forces colour.
pub fn use_color(choice: ColorChoice, tty: bool, env: ColorEnv) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            env.clicolor_force
                || (tty && !env.no_color && env.clicolor != Some(false) && !env.dumb_term)
        }
    }
}

/// Everything one run produces.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: Vec<u8>,
    /// What goes to stderr, each message with how much of stdout came before
    /// it, so that the two streams are written in the order things happened
    /// (`explain A B C` reports B's error between A's and C's explanations).
    /// Written as text only then, by [`emit`].
    pub messages: Vec<(usize, Message)>,
    pub outcome: Outcome,
    /// Written straight to stdout even when it is taller than the terminal.
    pub unpaged: bool,
}

impl Output {
    fn say(&mut self, message: Message) {
        self.messages.push((self.stdout.len(), message));
    }
}

/// Runs the command: the library computes, `render` writes into memory, and
/// only the input is read here. Rendering into memory cannot fail; errors are
/// reported through [`Output::stderr`] and [`Output::outcome`].
pub fn run(cli: &Cli, terminal: &Terminal) -> Output {
    let mut out = Output::default();
    let style = terminal.style;
    let result = match &cli.command {
        _ if cli.key_as_argument => usage_error(&mut out, cli.options.json, Message::KeyAsArgument),
        Subcommand::Explain(ExplainArgs { codes, open }) => match explain_args(codes, terminal) {
            Ok(codes) if *open => open_docs(&mut out, &codes),
            Ok(codes) => explain(&mut out, cli.options.json, &style, &codes),
            Err(message) => usage_error(&mut out, cli.options.json, message),
        },
        Subcommand::List(ListArgs {
            status,
            source,
            kind,
            retryable,
        }) => {
            let entries = catalogue::list(&catalogue::ListFilter {
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
            if cli.options.json {
                let rows: Vec<json::EntryJson> =
                    entries.iter().map(|e| json::EntryJson::from(*e)).collect();
                json::write(&mut out.stdout, &rows)
            } else {
                human::list(&mut out.stdout, &style, &entries)
            }
        }
        Subcommand::Decode(DecodeArgs { files, verbose }) => {
            let inputs = Input::from_args(files);
            let decoded = decode_inputs(inputs, |input| read_input(input, terminal));
            decode(&mut out, cli.options.json, &style, decoded, *verbose)
        }
        Subcommand::Sigcheck(SigcheckArgs {
            files,
            secret_key_file,
        }) => sigcheck(
            &mut out,
            cli.options.json,
            &style,
            files,
            secret_key_file.as_deref(),
            terminal,
        ),
        // Generated files are meant to be redirected: never paged or coloured.
        Subcommand::Completions(CompletionsArgs { shell }) => {
            out.unpaged = true;
            crate::assets::completions(*shell, &mut out.stdout);
            Ok(())
        }
        Subcommand::Man => {
            out.unpaged = true;
            crate::assets::man_page(&mut out.stdout)
        }
        Subcommand::Scan(args) => scan_command(&mut out, cli.options.json, terminal, args),
        Subcommand::Search(SearchArgs { words, limit }) => {
            let hits = search::search(&words.join(" "), *limit);
            if hits.is_empty() {
                out.say(Message::NoSearchHits);
                out.outcome = Outcome::NothingFound;
            }
            if cli.options.json {
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

/// `explain`'s codes: its arguments, or without any, the lines of standard
/// input unless it is a terminal (nobody would know obserr waits for a paste).
fn explain_args(codes: &[String], terminal: &Terminal) -> Result<Vec<String>, Message> {
    if codes.iter().any(|c| c.trim().is_empty()) {
        return Err(Message::EmptyArgument);
    }
    if !codes.is_empty() {
        return Ok(codes.to_vec());
    }
    if terminal.stdin_tty {
        return Err(Message::NoCodes);
    }
    let codes = match read_capped(io::stdin().lock(), MAX_INPUT) {
        // A binary file piped in holds no codes: said once, not per line.
        Ok(bytes) if obserr::decode::binary_at(&bytes).is_some() => {
            return Err(Message::BinaryCodes);
        }
        Ok(bytes) => codes_from(&bytes),
        Err(ReadError::Empty) => Vec::new(),
        Err(error) => {
            return Err(Message::Unreadable {
                input: Input::Stdin,
                error,
            });
        }
    };
    match codes.len() {
        0 => Err(Message::NoCodes),
        n if n > MAX_STDIN_CODES => Err(Message::TooManyCodes {
            count: n,
            limit: MAX_STDIN_CODES,
        }),
        _ => Ok(codes),
    }
}

/// A usage or input error that ends the run before anything is looked up:
/// its message on stderr, and under `--json` the same as a JSON error object.
fn usage_error(out: &mut Output, as_json: bool, message: Message) -> io::Result<()> {
    usage_error_about(out, as_json, message, None)
}

/// A scan input (a report to merge, a file to follow) that could not be
/// opened or read: a usage error naming it.
fn unreadable(out: &mut Output, as_json: bool, name: &str, e: &io::Error) -> io::Result<()> {
    let message = Message::ScanUnreadable {
        name: name.to_string(),
        error: e.to_string(),
    };
    usage_error(out, as_json, message)
}

/// [`usage_error`] about one input: the JSON error object names it. Its
/// `error` is the message's error line, as the renderer gives it
/// ([`Message::error`]).
fn usage_error_about(
    out: &mut Output,
    as_json: bool,
    message: Message,
    input: Option<String>,
) -> io::Result<()> {
    out.outcome = Outcome::InputError;
    if as_json {
        json::write(
            &mut out.stdout,
            &json::ErrorJson::new(message.error(), input),
        )?;
    }
    // Before anything else: nothing was written when the run ended.
    out.messages.push((0, message));
    Ok(())
}

/// `explain`: each argument in turn, its explanation on stdout or its error on
/// stderr, in argument order, with a blank line between explanations. A typo
/// with exactly one close code explains that code too, after saying so; the
/// outcome stays "nothing found", so a script never takes a guess for a match.
fn explain(out: &mut Output, as_json: bool, style: &Style, codes: &[String]) -> io::Result<()> {
    let explained = query::explain(codes);
    out.outcome = Outcome::of_all(explained.iter().map(Explained::outcome));
    if as_json {
        // JSON keeps a guess a suggestion: the script decides.
        for x in &explained {
            match x {
                Explained::Unknown {
                    token, suggestions, ..
                } => out.say(Message::UnknownCode {
                    token: token.clone(),
                    suggestions: suggestions.clone(),
                }),
                x => explain_message(x).into_iter().for_each(|m| out.say(m)),
            }
        }
        let items: Vec<json::ExplainedJson> =
            explained.iter().map(json::ExplainedJson::from).collect();
        return json::write(&mut out.stdout, &items);
    }
    for x in &explained {
        let message = explain_message(x);
        // A guess's message belongs to the explanation after it: the blank
        // line goes before both.
        let guess = matches!(message, Some(Message::Guessed { .. }));
        if guess && !out.stdout.is_empty() {
            out.stdout.push(b'\n');
        }
        if let Some(message) = message {
            out.say(message);
        }
        let at = out.stdout.len();
        match x {
            Explained::Code(entry) => human::entry(&mut out.stdout, style, entry)?,
            // One code, two tools: every meaning, each in full.
            Explained::Shared { entries, .. } => {
                for (i, entry) in entries.iter().enumerate() {
                    if i > 0 {
                        out.stdout.push(b'\n');
                    }
                    human::entry(&mut out.stdout, style, entry)?;
                }
            }
            Explained::Unknown { suggestions, .. } if suggestions.len() == 1 => {
                human::entry(&mut out.stdout, style, suggestions[0])?;
            }
            Explained::Status {
                status,
                info,
                codes,
            } => human::status(&mut out.stdout, style, *status, *info, codes)?,
            // `explain 4xx` lists the class, as `list --status 4xx` does.
            Explained::Class { codes, .. } if !codes.is_empty() => {
                human::list(&mut out.stdout, style, codes)?;
            }
            Explained::Class { .. }
            | Explained::UnknownStatus { .. }
            | Explained::Unknown { .. } => continue,
        }
        // A blank line between explanations.
        if at > 0 && !guess {
            out.stdout.insert(at, b'\n');
        }
    }
    Ok(())
}

/// What `explain` says on stderr about one argument, if anything.
fn explain_message(x: &Explained) -> Option<Message> {
    match x {
        Explained::UnknownStatus { status, .. } => Some(Message::UnknownStatus(*status)),
        Explained::Unknown {
            token, suggestions, ..
        } => Some(match suggestions.as_slice() {
            [guess] => Message::Guessed {
                token: token.clone(),
                guess,
            },
            _ => Message::UnknownCode {
                token: token.clone(),
                suggestions: suggestions.clone(),
            },
        }),
        Explained::Class { codes, class } if codes.is_empty() => {
            let (obserr::catalogue::StatusFilter::Class(digit)
            | obserr::catalogue::StatusFilter::Exact(digit)) = *class;
            Some(Message::EmptyClass(digit))
        }
        Explained::Shared { input, entries } => Some(Message::SharedCode {
            code: input.clone(),
            entries: entries.clone(),
        }),
        Explained::Code(_) | Explained::Status { .. } | Explained::Class { .. } => None,
    }
}

/// `explain --open`: opens the page that documents each code
/// ([`Entry::doc_page`]) with the
/// command in `OBSERR_OPENER`, else the platform's opener, and says so on
/// stderr; stdout stays empty. A status has no page of its own; an unknown
/// code is reported as `explain` reports it.
fn open_docs(out: &mut Output, codes: &[String]) -> io::Result<()> {
    let explained = query::explain(codes);
    out.outcome = Outcome::of_all(explained.iter().map(Explained::outcome));
    for x in &explained {
        match x {
            Explained::Code(entry) => open_page(out, entry),
            Explained::Shared { entries, .. } => {
                entries.iter().for_each(|entry| open_page(out, entry));
            }
            Explained::Status { status, .. } => {
                out.say(Message::NoPageForStatus(*status));
                out.outcome = out.outcome.worst(Outcome::NothingFound);
            }
            Explained::Class { class, .. } => {
                let digit = match class {
                    obserr::catalogue::StatusFilter::Class(c)
                    | obserr::catalogue::StatusFilter::Exact(c) => *c,
                };
                out.say(Message::NoPageForClass(digit));
                out.outcome = out.outcome.worst(Outcome::NothingFound);
            }
            Explained::UnknownStatus { status, .. } => out.say(Message::UnknownStatus(*status)),
            Explained::Unknown {
                token, suggestions, ..
            } => out.say(Message::UnknownCode {
                token: token.clone(),
                suggestions: suggestions.clone(),
            }),
        }
    }
    Ok(())
}

/// Opens the page that documents an entry and says so on stderr.
fn open_page(out: &mut Output, entry: &Entry) {
    let page = entry.doc_page();
    let url = page.url;
    let var = std::env::var("OBSERR_OPENER").ok();
    let opener = var.as_deref().filter(|v| !v.trim().is_empty());
    let opener = opener.unwrap_or(DEFAULT_OPENER);
    out.say(Message::Opening {
        title: page.title,
        url,
    });
    if let Err(error) = open_url(opener, url) {
        out.say(Message::CannotOpen {
            url,
            opener: opener.to_string(),
            error,
        });
        out.outcome = Outcome::InputError;
    }
}

/// What opens a web page here: `xdg-open` (freedesktop), `open` (macOS),
/// `start` through `cmd` (Windows; the empty argument is the window title).
const DEFAULT_OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else if cfg!(windows) {
    "cmd /C start \"\""
} else {
    "xdg-open"
};

/// Runs `opener` (split into words as a shell would, but no shell runs)
/// with `url` as its last argument and waits for it.
fn open_url(opener: &str, url: &str) -> io::Result<()> {
    let (program, args) = command_words(opener, "empty command")?;
    let status = std::process::Command::new(program)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("it exited with {status}")))
    }
}

/// The most codes `explain` reads from standard input: each unknown one costs
/// a search for suggestions, so a stray file piped in ends with an error, not
/// minutes later.
const MAX_STDIN_CODES: usize = 1000;

/// `explain`'s arguments read from standard input: one a line, trimmed, blank
/// lines skipped, invalid UTF-8 replaced.
fn codes_from(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads at most `cap` bytes; one byte more means the input is too large, and
/// the rest is never read. Nothing but white space is [`ReadError::Empty`].
fn read_capped(reader: impl io::Read, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    io::Read::read_to_end(&mut io::Read::take(reader, cap + 1), &mut buf).map_err(ReadError::Io)?;
    if buf.len() as u64 > cap {
        return Err(ReadError::TooLarge);
    }
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    Ok(buf)
}

/// `decode`: each input is read (by `read`, in order, so that a prompt for
/// standard input comes when it is its turn), decoded and diagnosed.
fn decode_inputs(
    inputs: Vec<Input>,
    mut read: impl FnMut(&Input) -> Result<Vec<u8>, ReadError>,
) -> Vec<Decoded> {
    inputs
        .into_iter()
        .map(|input| {
            let bytes = read(&input);
            Decoded::new(input, bytes)
        })
        .collect()
}

/// One `decode` input's bytes, at most [`MAX_INPUT`] of them.
fn read_input(input: &Input, terminal: &Terminal) -> Result<Vec<u8>, ReadError> {
    match input {
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(ReadError::Io)?;
            read_capped(file, MAX_INPUT)
        }
        Input::Stdin => {
            if terminal.stdin_tty {
                // Said at once, not buffered: otherwise obserr seems to hang.
                let _ = Message::PastePrompt.write(&mut io::stderr());
            }
            read_capped(io::stdin().lock(), MAX_INPUT)
        }
    }
}

/// `decode`: the diagnoses of every input, then the messages about those
/// that could not be read or held nothing. The worst outcome wins.
fn decode(
    out: &mut Output,
    as_json: bool,
    style: &Style,
    decoded: Vec<Decoded>,
    verbose: bool,
) -> io::Result<()> {
    out.outcome = Outcome::of_all(decoded.iter().map(Decoded::outcome));
    let mut rendered = Vec::new();
    if as_json {
        json::write(&mut rendered, &diagnosis::json_all(&decoded))?;
    } else {
        diagnosis::human_all(&mut rendered, style, &decoded, verbose)?;
    }
    // The messages come before the diagnoses; each takes its input's error.
    let several = decoded.len() > 1;
    for item in decoded {
        match item.result {
            Err(error) => out.say(Message::Unreadable {
                input: item.input,
                error,
            }),
            Ok(diagnoses) if diagnoses.is_empty() => out.say(Message::NoResponse {
                input: several.then_some(item.input),
            }),
            Ok(_) => {}
        }
    }
    out.stdout.extend(rendered);
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

/// `scan`: a usage error first (an empty window, `--follow` of more than
/// one input), then `--merge`, `--follow` or the one-pass scan.
fn scan_command(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    args: &ScanArgs,
) -> io::Result<()> {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since >= until {
            return usage_error(out, as_json, Message::InvertedWindow);
        }
    }
    let options = scan::ScanOptions {
        by: args.by,
        since: args.since,
        until: args.until,
        failed_objects: args.failed_objects,
    };
    if args.merge {
        return merge_reports(out, as_json, terminal, &args.paths);
    }
    if args.follow {
        return follow(out, as_json, terminal, &args.paths, options);
    }
    scan_logs(
        out,
        as_json,
        terminal,
        &args.paths,
        options,
        !args.no_mmap,
        args.follow_links,
    )
}

/// `scan`'s inputs: `-` is standard input, a directory stands for every
/// file under it (in name order); no path means standard input. A link to a
/// directory found inside one is skipped, as rg does, or with
/// `follow_links` followed (a loop back to a directory above it is skipped).
/// Each is opened and handed to the library's scanner (which maps a regular
/// file unless told not to); one that cannot be opened is recorded as such.
fn scan_paths(scanner: &mut scan::Scanner, paths: &[PathBuf], bar: &mut Bar, follow_links: bool) {
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

/// `scan`: reads every input, then renders the report. The outcome is an
/// input error if a path could not be read, else found when errors were
/// found, nothing found when none.
fn scan_logs(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
    options: scan::ScanOptions,
    map: bool,
    follow_links: bool,
) -> io::Result<()> {
    let mut scanner = scan::Scanner::new(options);
    if !map {
        scanner.set_mapping(None);
    }
    let mut bar = Bar::new(terminal.stderr_tty);
    scan_paths(&mut scanner, paths, &mut bar, follow_links);
    bar.bar.finish_and_clear();
    let report = scanner.finish();
    if options.failed_objects {
        out.outcome = report.outcome();
        for message in obserr::render::scan::messages(&report) {
            out.say(message);
        }
        // A list to feed a re-run: never paged.
        out.unpaged = true;
        if as_json {
            let urls = obserr::render::scan::failed_urls(&report);
            return json::write(&mut out.stdout, &urls);
        }
        return obserr::render::scan::failed_objects(&mut out.stdout, &report);
    }
    report_scan(out, as_json, terminal, &report)
}

/// `scan --merge`: reads the reports one at a time, each merged into the
/// ones before it and dropped (memory holds one merged state and one
/// report, however many there are), and renders the result as a scan would.
/// A file that cannot be read, is not a report, is of another format or was
/// made with other options ends the run (exit 2).
fn merge_reports(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
) -> io::Result<()> {
    let mut merged: Option<(Vec<scan::InputReport>, scan::State)> = None;
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
        let (inputs, state) = match scan::read_report(&bytes) {
            Ok(part) => part,
            Err(scan::PartError::NotReport(error)) => {
                let name = name.into_owned();
                return usage_error(out, as_json, Message::MergeNotReport { name, error });
            }
            Err(scan::PartError::Version(found)) => {
                let name = name.into_owned();
                return usage_error(out, as_json, Message::MergeVersion { name, found });
            }
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
        Some((inputs, state)) => {
            report_scan(out, as_json, terminal, &scan::Report::new(inputs, state))
        }
        // clap requires a path.
        None => Ok(()),
    }
}

/// Renders a scan's report: the notes on stderr, then the summary or JSON.
fn report_scan(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    report: &scan::Report,
) -> io::Result<()> {
    out.outcome = report.outcome();
    for message in obserr::render::scan::messages(report) {
        out.say(message);
    }
    if as_json {
        json::write(
            &mut out.stdout,
            &obserr::render::scan::ScanJson::new(report),
        )
    } else {
        // The timeline is for a person at a terminal.
        let timeline = terminal.style.width.is_some();
        obserr::render::scan::human(&mut out.stdout, &terminal.style, report, timeline)
    }
}

/// How often `scan --follow` looks for new lines.
const FOLLOW_POLL: std::time::Duration = std::time::Duration::from_millis(200);
/// The least time between two redraws of the live summary.
const FOLLOW_REDRAW: std::time::Duration = std::time::Duration::from_millis(250);

/// Where `scan --follow` reads: a file by name, or standard input through a
/// thread (a read from a pipe blocks; the loop must still see Ctrl-C).
enum Followed {
    File(scan::follow::Tail),
    Stdin(
        scan::follow::Feed,
        std::sync::mpsc::Receiver<io::Result<Vec<u8>>>,
    ),
}

/// `scan --follow FILE|-`: reads to the end, then what is appended, until
/// Ctrl-C or SIGTERM (or the end of standard input). Piped, each new error
/// is written at once, a line each (`--json`: a JSON object each); on a
/// terminal a summary is redrawn at most four times a second. The final
/// summary goes through [`Output`] as a scan's does; the exit status is a
/// scan's: 0 when it saw errors, 1 when not.
fn follow(
    out: &mut Output,
    as_json: bool,
    terminal: &Terminal,
    paths: &[PathBuf],
    options: scan::ScanOptions,
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
    let mut scanner = scan::Scanner::new(options);
    scanner.watch(true);
    let name = path.to_string_lossy().into_owned();
    let mut source = if name == "-" {
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        std::thread::spawn(move || {
            let mut stdin = io::stdin().lock();
            let mut buf = vec![0; scan::input::CHUNK];
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
        Followed::Stdin(scan::follow::Feed::new("-"), rx)
    } else {
        match scan::follow::Tail::open(&path, &name) {
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
                obserr::render::scan::live(
                    &mut screen,
                    &terminal.style,
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
                    json::write_line(&mut lines, &obserr::render::scan::FollowJson::new(e))?;
                } else {
                    writeln!(lines, "{}", obserr::render::scan::follow_line(e))?;
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
        let _ = stdout.write_all(obserr::render::scan::CLEAR.as_bytes());
        let _ = stdout.flush();
    }
    if let Some(error) = stopped {
        out.say(Message::FollowStopped { name, error });
    }
    out.unpaged = true;
    if as_json {
        out.outcome = report.outcome();
        for message in obserr::render::scan::messages(&report) {
            out.say(message);
        }
        // One line, like the errors before it.
        return json::write_line(
            &mut out.stdout,
            &obserr::render::scan::ScanJson::new(&report),
        );
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

/// `sigcheck`: reads every input, then the key (environment, key file or a
/// prompt), and reports the verdict (a key given as an option was refused
/// before, by [`run`], and never echoed); an unreadable input whose name looks like a key is reported
/// without its name.
fn sigcheck(
    out: &mut Output,
    as_json: bool,
    style: &Style,
    files: &[std::path::PathBuf],
    key_file: Option<&std::path::Path>,
    terminal: &Terminal,
) -> io::Result<()> {
    use obserr::sigcheck::{self, key::looks_like_a_key};
    let inputs = Input::from_args(files);
    let mut read = Vec::new();
    for input in &inputs {
        match read_input(input, terminal) {
            Ok(bytes) => read.push(bytes),
            Err(error) => {
                let keylike =
                    matches!(input, Input::File(p) if looks_like_a_key(&p.to_string_lossy()));
                // JSON names the input, as decode's error objects do.
                let name = (!keylike).then(|| input.name());
                let message = if keylike {
                    Message::UnreadableKeyLike(error)
                } else {
                    Message::SigcheckUnreadable {
                        input: input.clone(),
                        error,
                    }
                };
                return usage_error_about(out, as_json, message, name);
            }
        }
    }
    let key = match secret_key(key_file, &inputs, terminal) {
        Ok(key) => key,
        Err(message) => {
            let name = key_file
                .map(|p| p.to_string_lossy().into_owned())
                .filter(|name| !looks_like_a_key(name));
            return usage_error_about(out, as_json, message, name);
        }
    };
    let slices: Vec<&[u8]> = read.iter().map(Vec::as_slice).collect();
    let check = sigcheck::check_inputs(&slices, key.as_ref());
    drop(key);
    out.outcome = check.verdict.outcome();
    if check.verdict == sigcheck::Verdict::NotASignatureError {
        out.say(Message::NoSignatureError);
    }
    if as_json {
        obserr::render::sigcheck::json(&mut out.stdout, &check)
    } else {
        obserr::render::sigcheck::human(&mut out.stdout, style, &check)
    }
}

/// The secret key: `OBS_SECRET_ACCESS_KEY`, then `AWS_SECRET_ACCESS_KEY` (set
/// and not empty), then
/// the key file (one trailing line break dropped), then a prompt without echo
/// when standard input (not read as an input) and stderr are terminals.
fn secret_key(
    key_file: Option<&std::path::Path>,
    inputs: &[Input],
    terminal: &Terminal,
) -> Result<Option<obserr::sigcheck::SecretKey>, Message> {
    use obserr::sigcheck::SecretKey;
    use zeroize::Zeroizing;
    for name in ["OBS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"] {
        // An empty variable counts as unset, as for the pager variables.
        if let Some(value) = std::env::var_os(name).filter(|v| !v.is_empty()) {
            return Ok(Some(SecretKey::new(value.into_encoded_bytes())));
        }
    }
    if let Some(path) = key_file {
        let mut bytes = Zeroizing::new(Vec::new());
        // The file's name is shown unless a key was typed in its place.
        let shown =
            Some(path).filter(|p| !obserr::sigcheck::key::looks_like_a_key(&p.to_string_lossy()));
        let unreadable = |error: io::Error| Message::KeyFileUnreadable {
            path: shown.map(std::path::Path::to_path_buf),
            error,
        };
        let file = std::fs::File::open(path).map_err(unreadable)?;
        io::Read::read_to_end(&mut io::Read::take(file, 4096), &mut bytes).map_err(unreadable)?;
        let mut end = bytes.len();
        if bytes[..end].ends_with(b"\n") {
            end -= 1;
            if bytes[..end].ends_with(b"\r") {
                end -= 1;
            }
        }
        if end == 0 {
            return Err(Message::EmptyKey);
        }
        return Ok(Some(SecretKey::new(bytes[..end].to_vec())));
    }
    let stdin_read = inputs.contains(&Input::Stdin);
    if !stdin_read && terminal.stdin_tty && io::stderr().is_terminal() {
        let typed =
            rpassword::prompt_password("obserr: secret access key (not echoed, Enter for none): ")
                .map(Zeroizing::new)
                .map_err(Message::KeyPromptFailed)?;
        if typed.is_empty() {
            return Ok(None);
        }
        return Ok(Some(SecretKey::new(typed.as_bytes().to_vec())));
    }
    Ok(None)
}

/// Writes the output where it belongs and returns the exit code. A closed pipe
/// is not an error: the reader has what it wanted.
pub fn emit(output: Output, terminal: &Terminal) -> ExitCode {
    let tall = |height: usize| rows(&output.stdout, terminal.style.width) >= height;
    let pager = match &terminal.pager {
        Some(pager) if !output.unpaged && (pager.always || terminal.height.is_some_and(tall)) => {
            Some(pager)
        }
        _ => None,
    };
    // The pager takes all of stdout: the messages come first.
    let paged = pager.is_some_and(|pager| {
        for (_, message) in &output.messages {
            let _ = message.write(&mut io::stderr());
        }
        page(&pager.command, &output.stdout).is_ok()
    });
    if paged {
        return ExitCode::from(output.outcome.exit_status());
    }
    let said = if pager.is_some() {
        &[][..]
    } else {
        &output.messages[..]
    };
    match interleave(&output.stdout, said) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            let _ = Message::CannotWrite(e).write(&mut io::stderr());
            return ExitCode::from(Outcome::InputError.exit_status());
        }
    }
    ExitCode::from(output.outcome.exit_status())
}

/// Writes stdout, and each message to stderr where it came in stdout, so that
/// a terminal shows both in the order they happened. A closed stdout ends the
/// stdout part only: the messages are still written.
fn interleave(stdout_bytes: &[u8], said: &[(usize, Message)]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    let mut written = 0;
    let mut result = Ok(());
    for (at, message) in said {
        let at = (*at).min(stdout_bytes.len());
        if result.is_ok() && at > written {
            result = stdout
                .write_all(&stdout_bytes[written..at])
                .and_then(|()| stdout.flush());
            written = at;
        }
        let _ = message.write(&mut io::stderr());
    }
    result?;
    stdout.write_all(&stdout_bytes[written..])?;
    stdout.flush()
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

/// A command line from the environment (a pager, an opener) as a program and
/// its arguments, split as a POSIX shell splits words (shell-words): quotes
/// and backslashes group and escape, `""` is an empty argument, and nothing
/// is expanded or run by a shell. `less -R "+/x y"` is `less`, `-R`, `+/x y`.
fn command_words(line: &str, empty: &str) -> io::Result<(String, Vec<String>)> {
    let mut words = shell_words::split(line)
        .map_err(|e| io::Error::other(e.to_string()))?
        .into_iter();
    let program = words
        .next()
        .ok_or_else(|| io::Error::other(empty.to_string()))?;
    Ok((program, words.collect()))
}

/// How many terminal rows `text` takes at `width` columns: long lines wrap.
/// Escape sequences (colour, hyperlinks) take no room; wide characters two
/// columns.
fn rows(text: &[u8], width: Option<usize>) -> usize {
    let text = String::from_utf8_lossy(text);
    text.lines()
        .map(|line| {
            let visible = anstream::adapter::strip_str(line).to_string();
            let columns = obserr::render::columns(&visible);
            width.map_or(1, |w| columns.div_ceil(w.max(1)).max(1))
        })
        .sum()
}

/// Shows `text` through the user's pager (split into words as a shell would,
/// but no shell runs). Fails, so the caller prints directly, when the pager
/// is empty, unbalanced in its quotes or cannot start.
fn page(pager: &str, text: &[u8]) -> io::Result<()> {
    let (program, args) = command_words(pager, "empty PAGER")?;
    let mut child = std::process::Command::new(program)
        .args(args)
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
    use rusty_fork::rusty_fork_test;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn codes_from_standard_input_are_trimmed_lines() {
        let codes = codes_from(b"NoSuchKey\r\n\n  error code [SlowDown]  \n");
        assert_eq!(codes, ["NoSuchKey", "error code [SlowDown]"]);
    }

    #[test]
    fn reading_stops_one_byte_past_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(matches!(
            read_capped(&b"abcd"[..], 3),
            Err(ReadError::TooLarge)
        ));
        assert!(matches!(
            read_capped(&b" \n\t"[..], 3),
            Err(ReadError::Empty)
        ));
    }

    #[test]
    fn each_input_is_read_in_turn_and_diagnosed() {
        let mut asked = Vec::new();
        let got = decode_inputs(vec![Input::Stdin, Input::File("x".into())], |input| {
            asked.push(input.clone());
            Ok(b"<Error><Code>NoSuchKey</Code></Error>".to_vec())
        });
        assert_eq!(asked, [Input::Stdin, Input::File("x".into())]);
        assert_eq!(
            Outcome::of_all(got.iter().map(Decoded::outcome)),
            Outcome::Found
        );
    }

    #[test]
    fn rows_count_wrapped_lines_and_ignore_colour() {
        assert_eq!(rows(b"a\nb\n", Some(80)), 2);
        assert_eq!(rows(&[b'x'; 200], Some(80)), 3);
        assert_eq!(rows(b"\x1b[1mbold\x1b[0m\n\n", Some(4)), 2);
        assert_eq!(rows(b"", Some(80)), 0);
        let link = "\x1b]8;;https://example.com/m\x1b\\docs\x1b]8;;\x1b\\\n";
        assert_eq!(rows(link.as_bytes(), Some(4)), 1);
        assert_eq!(rows("日本語".as_bytes(), Some(4)), 2);
    }

    #[test]
    fn columns_and_lines_beat_the_reported_size_and_zero_means_unknown() {
        assert_eq!(dimension(120, Some("60".into()), 80), 60);
        assert_eq!(dimension(120, None, 80), 120);
        assert_eq!(dimension(0, None, 80), 80);
        assert_eq!(dimension(0, Some("0".into()), 80), 80);
        assert_eq!(dimension(0, Some("wide".into()), 80), 80);
        assert_eq!(dimension(0, Some("70".into()), 80), 70);
        assert_eq!(known_dimension(0, None), None);
        assert_eq!(known_dimension(0, Some("30".into())), Some(30));
    }

    #[test]
    fn obserr_pager_beats_pager() {
        assert_eq!(pager_command(env(&[])), "less -FRX");
        assert_eq!(pager_command(env(&[("PAGER", "more")])), "more");
        let both = [("PAGER", "more"), ("OBSERR_PAGER", "most")];
        assert_eq!(pager_command(env(&both)), "most");
        let empty = [("PAGER", "more"), ("OBSERR_PAGER", "")];
        assert_eq!(pager_command(env(&empty)), "more");
    }

    #[test]
    fn command_lines_split_as_a_shell_splits_words() {
        let split = |line: &str| command_words(line, "empty").map_err(|e| e.to_string());
        let words = |program: &str, args: &[&str]| {
            Ok((
                program.to_string(),
                args.iter().map(|a| a.to_string()).collect(),
            ))
        };
        assert_eq!(split("less -FRX"), words("less", &["-FRX"]));
        assert_eq!(split(r#"less -R "+/x y""#), words("less", &["-R", "+/x y"]));
        assert_eq!(split("sed 's/^/paged: /'"), words("sed", &["s/^/paged: /"]));
        assert_eq!(split(r"my\ pager --flag"), words("my pager", &["--flag"]));
        // Windows' default opener: the empty argument is start's window title.
        assert_eq!(
            split(r#"cmd /C start """#),
            words("cmd", &["/C", "start", ""])
        );
        // Nothing is expanded: no shell runs.
        assert_eq!(split("echo $HOME *"), words("echo", &["$HOME", "*"]));
        assert_eq!(split("  "), Err("empty".to_string()));
        assert!(split(r#"less "+/x"#).is_err(), "an unbalanced quote");
    }

    #[test]
    fn box_drawing_needs_a_utf8_locale() {
        assert!(unicode_locale(env(&[("LANG", "en_US.UTF-8")])));
        assert!(unicode_locale(env(&[("LC_CTYPE", "C.utf8")])));
        let c = [("LC_ALL", "C"), ("LANG", "en_US.UTF-8")];
        assert!(!unicode_locale(env(&c)));
        assert!(!unicode_locale(env(&[("LANG", "POSIX")])));
        assert!(!unicode_locale(env(&[])));
    }

    rusty_fork_test! {
        /// Through the real environment, as anstyle-query reads it: in a
        /// process of its own (rusty-fork), as setting variables is not safe
        /// beside other threads.
        #[test]
        fn colour_follows_the_conventions() {
            use ColorChoice::*;
            /// [`ColorEnv::read`] with exactly these of the four variables set.
            fn read(pairs: &[(&str, &str)]) -> ColorEnv {
                for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
                    std::env::remove_var(name);
                }
                for (name, value) in pairs {
                    std::env::set_var(name, value);
                }
                ColorEnv::read()
            }
            assert!(use_color(Auto, true, read(&[])));
            assert!(!use_color(Auto, false, read(&[])));
            assert!(!use_color(Auto, true, read(&[("NO_COLOR", "1")])));
            assert!(use_color(Auto, true, read(&[("NO_COLOR", "")])));
            assert!(!use_color(Auto, true, read(&[("TERM", "dumb")])));
            assert!(use_color(Auto, false, read(&[("CLICOLOR_FORCE", "1")])));
            assert!(!use_color(Auto, false, read(&[("CLICOLOR_FORCE", "0")])));
            assert!(use_color(Always, false, read(&[("NO_COLOR", "1")])));
            assert!(!use_color(Never, true, read(&[("CLICOLOR_FORCE", "1")])));
            assert!(!use_color(Auto, true, read(&[("CLICOLOR", "0")])));
            assert!(use_color(Auto, true, read(&[("CLICOLOR", "1")])));
            let forced = [("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")];
            assert!(use_color(Auto, false, read(&forced)));
            // The rules this reading keeps where anstyle-query or anstream
            // differ: forcing beats NO_COLOR, an empty CLICOLOR_FORCE forces
            // nothing, and a terminal without TERM gets colour.
            let both = [("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")];
            assert!(use_color(Auto, false, read(&both)));
            assert!(!use_color(Auto, false, read(&[("CLICOLOR_FORCE", "")])));
            assert!(use_color(Auto, true, read(&[("TERM", "xterm")])));
            assert!(use_color(Auto, true, read(&[("CLICOLOR", "")])));
        }
    }
}
