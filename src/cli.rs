//! The command line, declared once with clap's derive API: the doc comments are
//! the help text, and the same definition feeds the shell completions and the
//! man page ([`crate::assets`]). It lives in the library so that the tests can
//! regenerate those files from it.
//!
//! The values a shell offers come from the embedded catalogue through two value
//! parsers, [`CodeValues`] and [`StatusValues`]: they list the catalogue's codes
//! and statuses as possible values (hidden from `--help`, which would otherwise
//! print every code) and still parse exactly what they did before.
// Doc comments here are clap's help text; fields and variants that need
// none for --help stay undocumented rather than change it.
#![allow(missing_docs)]
// The same doc comments are terminal help, where rustdoc backticks would show.
#![allow(clippy::doc_markdown)]
// The doc comments below are help text for people, not rustdoc: brackets in
// pasted forms like 'error code [NoSuchKey]' are not links.
#![allow(rustdoc::broken_intra_doc_links)]

use crate::catalogue::{self, StatusFilter};
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, ValueEnum};
use std::ffi::{OsStr, OsString};

/// The long help's closing text. The man page's EXAMPLES section is read from
/// it too, so the two cannot disagree: one example a line, two spaces before
/// the command, two or more after it, continuation lines indented further.
pub const EXAMPLES: &str = "\
Examples:
  obserr explain NoSuchKey              explain one code (any case, aliases, typos get suggestions)
  obserr explain 'error code [AccessDenied]' 403
  obserr explain --open SlowDown        open the code's documentation page in the browser
  obserr explain obsutil 8              a tool's code: obsutil's return codes (255 is -1),
                                        console Obs.0012, browser Obs.0012, or Obs.0012 for both
  obserr list --status 4xx              codes by status or class (--status 403,404: several)
  obserr list --source s3api            codes documented in one page (obs_21_2002, api-ref, s3api, ...)
  obserr list --kind client             codes an SDK raises without a server response
  obserr list --retryable --status 5xx  codes a client should retry
  obserr search signature mismatch      fuzzy search over codes, messages and solutions
  obserr --json explain SlowDown        machine-readable output
  curl -si URL | obserr decode          diagnose a pasted error response (also curl -v, XML,
                                        JSON, HTML, obsutil/SDK log lines)
  obserr scan logs/                     triage every error in access logs, obsutil logs and
                                        result lists (.gz too), most frequent first
  curl -sv URL 2>&1 | obserr sigcheck   why a signature does not match (key from
                                        OBS_SECRET_ACCESS_KEY, --secret-key-file or a prompt)
  obserr completions bash               print the completion script for bash (or zsh, fish,
                                        powershell, elvish); the guide says where it goes
  obserr man > obserr.1                 print the man page (roff)

Exit status: 0 found, 1 nothing found, 2 usage or input error.";

/// The exit statuses, for the man page (README.md's and GUIDE.md's tables say the same).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "found: every code or status asked for is catalogued, the list or search is not empty, scan found errors; sigcheck reached a verdict that says why",
    ),
    (
        1,
        "nothing found: an unknown code, a status with no catalogued code, an empty list or search, a scan without errors; sigcheck without a key and nothing to compare, or no signature error",
    ),
    (
        2,
        "usage or input error: a bad option or filter; for decode and sigcheck, empty, unreadable, missing or over-8-MiB input; for scan, a path that cannot be read; a secret key given as an argument",
    ),
];

/// Each subcommand's own examples, shown by `obserr help SUBCOMMAND` and
/// `obserr SUBCOMMAND --help`.
const EXPLAIN_EXAMPLES: &str = "\
Examples:
  obserr explain NoSuchKey              one code
  obserr explain nosuchky               a typo: the one close code is explained (exit status 1)
  obserr explain 'x-obs-error-code: AccessDenied' 'NoSuchKey (404)'
  obserr explain 403                    a status and the codes that come with it
  obserr explain --open SlowDown        open the page that documents the code
  echo NoSuchKey | obserr explain       codes read from standard input
  obserr --json explain SlowDown        machine-readable (always an array)";

const LIST_EXAMPLES: &str = "\
Examples:
  obserr list                           every code
  obserr list --status 403,404          codes of either status
  obserr list --status 5xx              codes of a class
  obserr list --source s3api            codes documented in the S3-compatible API
  obserr list | grep -i bucket          piped: tab-separated code, status, tool, message";

const SEARCH_EXAMPLES: &str = "\
Examples:
  obserr search signature mismatch
  obserr search acces denid --limit 3   typos are forgiven
  obserr --json search clock skew";

const DECODE_EXAMPLES: &str = "\
Examples:
  curl -si URL | obserr decode          the response as curl -i prints it
  curl -sv URL 2>&1 | obserr decode     or curl -v
  obserr decode response.txt other.txt  several files, each decoded in turn
  obserr --json decode response.txt";

const SCAN_EXAMPLES: &str = "\
Examples:
  obserr scan access-2026-11-26.log     one log (.gz read transparently)
  obserr scan logs/ ~/.obsutil_output   directories, read recursively
  obserr scan --by prefix logs/         errors by key prefix (or status, operation, bucket,
                                        requester, ip, minute)
  obserr scan --since 2026-11-26T08:00 --until 2026-11-26T09:00 logs/
  zcat old.log.gz | obserr scan         standard input
  obserr --json scan logs/              one JSON document";

const SIGCHECK_EXAMPLES: &str = "\
Examples:
  curl -sv URL 2>&1 | obserr sigcheck   the exchange as curl -v prints it (request and error)
  obserr sigcheck capture.txt sdk.log   the client's string to sign from an SDK debug log
  obserr sigcheck --secret-key-file ~/.obs-sk capture.txt
  OBS_SECRET_ACCESS_KEY=... obserr --json sigcheck capture.txt";
const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  obserr completions bash > ~/.local/share/bash-completion/completions/obserr
  obserr completions zsh > ~/.zfunc/_obserr
  obserr completions fish > ~/.config/fish/completions/obserr.fish";

const MAN_EXAMPLES: &str = "\
Examples:
  mkdir -p ~/.cargo/share/man/man1 && obserr man > ~/.cargo/share/man/man1/obserr.1
  obserr man | man -l -                 read it without installing it";

/// The help of `man` and `completions`: the global options mean nothing to
/// them (they are refused, see [`try_parse_from`]), so their help shows only
/// what they take.
const MAN_HELP: &str = "\
{about-with-newline}
{usage-heading} {usage}

Options:
  -h, --help  Print help{after-help}";

const COMPLETIONS_HELP: &str = "\
{about-with-newline}
{usage-heading} {usage}

Arguments:
{positionals}

Options:
  -h, --help  Print help{after-help}";

/// The environment variables obserr reads, for the man page's ENVIRONMENT
/// section (the guide says the same).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "Set and not empty: no colour (with --color auto).",
    ),
    (
        "CLICOLOR",
        "0: no colour (with --color auto).",
    ),
    (
        "CLICOLOR_FORCE",
        "Set, not empty and not 0: colour even when output is not a terminal (with --color auto).",
    ),
    (
        "OBSERR_PAGER",
        "The pager for long output on a terminal; beats PAGER. Split into words as a shell splits them (quotes group words), run without a shell.",
    ),
    (
        "PAGER",
        "The pager when OBSERR_PAGER is not set; the default is less -FRX.",
    ),
    (
        "COLUMNS",
        "The terminal width to fit tables and text to, instead of what the terminal reports.",
    ),
    (
        "LINES",
        "The terminal height that decides whether output is paged, instead of what the terminal reports.",
    ),
    (
        "LC_ALL, LC_CTYPE, LANG",
        "The first one set decides whether tables use box-drawing characters (a UTF-8 locale) or ASCII.",
    ),
    (
        "OBSERR_OPENER",
        "The command explain --open runs with the page's address, instead of xdg-open (open on macOS, start on Windows).",
    ),
    (
        "OBS_SECRET_ACCESS_KEY, AWS_SECRET_ACCESS_KEY",
        "The secret key sigcheck checks signatures with (the first one set). Never printed.",
    ),
];

/// Explain Huawei Cloud / Open Telekom Cloud OBS error codes, offline and instantly.
///
/// obserr knows every documented OBS error code (server, SDK and tool): what it
/// means, why it happens, what to do, whether to retry (and whether your SDK
/// already did), and where it is documented.
#[derive(Debug, Parser)]
#[command(
    name = "obserr",
    version = env!("OBSERR_VERSION"),
    after_long_help = EXAMPLES,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub options: GlobalArgs,

    #[command(subcommand)]
    pub command: Subcommand,

    /// A secret key was given as an option (`--secret-key`, see
    /// [`KEY_OPTIONS`]): the run is refused. Read before clap sees the line,
    /// so the option is neither in help nor in completions nor suggested
    /// for a misspelt option, and its value reaches no error message.
    #[arg(skip)]
    pub key_as_argument: bool,
}

/// The heading the global options have in help, after each command's own.
const GLOBAL_HEADING: &str = "Global options";

/// The options every subcommand takes (`global`: before or after the
/// subcommand's name).
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print machine-readable JSON (never coloured).
    #[arg(long, global = true, help_heading = GLOBAL_HEADING)]
    pub json: bool,

    /// When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or
    /// TERM is dumb; CLICOLOR_FORCE forces it.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, ignore_case = true, help_heading = GLOBAL_HEADING)]
    pub color: ColorChoice,

    /// When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages
    /// output taller than the terminal; --no-pager is --paging never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = Paging::Auto, ignore_case = true, help_heading = GLOBAL_HEADING)]
    pub paging: Paging,
}

/// Options a user might give a secret key with. None is obserr's: each is
/// taken out of the line with its value (the next argument, whatever it
/// looks like, when no `=` joins them) and the run refused.
pub const KEY_OPTIONS: &[&str] = &[
    "--secret-key",
    "--sk",
    "--secret-access-key",
    "--aws-secret-access-key",
    "--secret",
];

/// `--no-pager`, obserr's older spelling of `--paging never`. It is read as
/// that before clap sees the line rather than declared as a hidden option:
/// clap copies every global option into every subcommand at start-up, which
/// costs more than the whole lookup of `explain` (CONTRIBUTING: Performance).
const NO_PAGER: &str = "--no-pager";

/// The subcommands that print a file to redirect (never JSON, coloured or
/// paged).
pub const FILE_COMMANDS: &[&str] = &["man", "completions"];

/// The command line as obserr shows it in help and errors; the completion
/// scripts and the man page are built from it too.
#[must_use]
pub fn command() -> clap::Command {
    decorate(Cli::command())
}

/// Adds what only help and error messages show: each subcommand's examples,
/// and the help of `man` and `completions` without the global options they
/// refuse. A run that prints neither never builds these (clap builds every
/// subcommand at start-up; CONTRIBUTING: Performance).
fn decorate(cmd: clap::Command) -> clap::Command {
    let examples = [
        ("explain", EXPLAIN_EXAMPLES),
        ("list", LIST_EXAMPLES),
        ("search", SEARCH_EXAMPLES),
        ("decode", DECODE_EXAMPLES),
        ("scan", SCAN_EXAMPLES),
        ("sigcheck", SIGCHECK_EXAMPLES),
        ("completions", COMPLETIONS_EXAMPLES),
        ("man", MAN_EXAMPLES),
    ];
    let mut cmd = examples.iter().fold(cmd, |cmd, (name, text)| {
        cmd.mut_subcommand(*name, |sub| sub.after_long_help(*text))
    });
    cmd = cmd.mut_subcommand("completions", |sub| {
        sub.help_template(COMPLETIONS_HELP)
            .override_usage("obserr completions <SHELL>")
    });
    cmd.mut_subcommand("man", |sub| {
        sub.help_template(MAN_HELP).override_usage("obserr man")
    })
}

/// Parses `args` (the program name first): clap's checks, then a clear refusal
/// of an option that means nothing to the subcommand (`obserr man --json`).
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    parse(args).map(|parsed| parsed.cli)
}

/// [`try_parse_from`] for a process that exits once the command has run:
/// clap's definition of the command line and its matches are left for the
/// operating system to reclaim instead of being freed one allocation at a
/// time, which costs about a tenth of a whole `explain` (CONTRIBUTING:
/// Performance). Each call leaks them: not for a loop.
pub fn try_parse_from_at_exit<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    parse(args).map(|parsed| {
        std::mem::forget(parsed.definition);
        std::mem::forget(parsed.matches);
        parsed.cli
    })
}

/// The options every subcommand takes, declared `global` on [`Cli`]
/// ([`GlobalArgs`]). They mean nothing to [`FILE_COMMANDS`]: refused when
/// given to one, and left out of their help and completions.
const GLOBAL_OPTIONS: [&str; 3] = ["json", "color", "paging"];

/// Parses `args` with the global options made top-level ones, moved before
/// the subcommand, so that clap copies none of them into every subcommand at
/// start-up (about 50k instructions, more than `explain`'s lookup). `None`
/// when that definition does not take the line as it is: the caller then
/// parses it with the full one, whose reading is the only one obserr has, so
/// the result never differs from it.
fn parse_lean(args: &[OsString]) -> Option<(clap::Command, clap::ArgMatches)> {
    let mut front = Vec::with_capacity(4);
    let mut rest = Vec::with_capacity(args.len());
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if arg == "--" {
            rest.push(arg.clone());
            rest.extend(iter.cloned());
            break;
        }
        let text = arg.to_str()?;
        let name = text.split_once('=').map_or(text, |(name, _)| name);
        match name.strip_prefix("--") {
            Some("json") if name == text => front.push(arg.clone()),
            Some(id @ ("color" | "paging")) => {
                front.push(arg.clone());
                if name == text {
                    // `--color WHEN`: its value too; without one, clap's
                    // error comes from the full definition.
                    front.push(iter.next()?.clone());
                }
                debug_assert!(GLOBAL_OPTIONS.contains(&id));
            }
            _ => rest.push(arg.clone()),
        }
    }
    let mut cmd = lean_definition(rest.first()?.to_str()?)?;
    let line = args.iter().take(1).chain(&front).chain(&rest).cloned();
    let matches = cmd.try_get_matches_from_mut(line).ok()?;
    Some((cmd, matches))
}

/// The command line as [`parse_lean`] reads it: the global options as
/// top-level ones, and the one subcommand named, alone. clap's derive builds
/// every subcommand's arguments before it parses anything (about 40k
/// instructions, a sixth of `explain NoSuchKey`); [`FromArgMatches`] for
/// [`Cli`] needs only the ids the line used. `None` for any other first word
/// (`help`, an option, a typo): the full definition reads those.
fn lean_definition(subcommand: &str) -> Option<clap::Command> {
    use clap::Command as C;
    let sub = match subcommand {
        "explain" => ExplainArgs::augment_args(C::new("explain")),
        "list" => ListArgs::augment_args(C::new("list")),
        "search" => SearchArgs::augment_args(C::new("search")),
        "decode" => DecodeArgs::augment_args(C::new("decode")),
        "scan" => ScanArgs::augment_args(C::new("scan")),
        "sigcheck" => SigcheckArgs::augment_args(C::new("sigcheck")),
        "completions" => CompletionsArgs::augment_args(C::new("completions")),
        "man" => C::new("man"),
        _ => return None,
    };
    let top = GlobalArgs::augment_args(C::new("obserr"))
        .subcommand(sub)
        .subcommand_required(true);
    Some(
        GLOBAL_OPTIONS
            .iter()
            .fold(top, |cmd, id| cmd.mut_arg(*id, |a| a.global(false))),
    )
}

/// The subcommands' names, `help` included.
const SUBCOMMANDS: [&str; 9] = [
    "explain",
    "list",
    "search",
    "decode",
    "scan",
    "sigcheck",
    "completions",
    "man",
    "help",
];

/// `obserr NoSuchKey`, `obserr 403`, `obserr 'An error occurred
/// (AccessDenied) ...'`: a first word (after the global options) that names
/// no subcommand but a code, a status or a pasted error is read as if
/// `explain` came before it. A subcommand's name costs one comparison here,
/// so `explain NoSuchKey` stays as cheap as it was; anything else that names
/// nothing is left to clap, whose error gets a tip naming `obserr explain`
/// ([`explain_tip`]).
fn implied_explain(args: &mut Vec<OsString>) {
    let mut i = 1;
    while let Some(text) = args.get(i).and_then(|a| a.to_str()) {
        match text {
            "--json" => i += 1,
            "--color" | "--paging" => i += 2,
            t if t.starts_with("--color=") || t.starts_with("--paging=") => i += 1,
            _ => break,
        }
    }
    let Some(word) = args.get(i).and_then(|a| a.to_str()) else {
        return;
    };
    if word.starts_with('-') || SUBCOMMANDS.contains(&word) {
        return;
    }
    // A tool's name reads its code from the next word (`obserr obsutil 8`).
    let words: Vec<String> = args[i..]
        .iter()
        .take(2)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let explained = match crate::query::resolve_args(&words).into_iter().next() {
        None => false,
        // A typo of a code is explained (explain says what it guessed),
        // unless it is closer to a subcommand's name: clap's tip names that.
        Some((_, crate::query::Resolved::Unknown { suggestions, .. })) => {
            let lower = word.to_ascii_lowercase();
            !suggestions.is_empty()
                && SUBCOMMANDS
                    .iter()
                    .all(|name| strsim::jaro(&lower, name) < 0.7)
        }
        Some(_) => true,
    };
    if explained {
        args.insert(i, OsString::from("explain"));
    }
}

/// clap's error for a first word that is no subcommand, with a tip: what
/// to run to explain a code (the word was not one obserr knows, or it would
/// have been explained, see [`implied_explain`]).
fn explain_tip(mut err: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    if err.kind() != ErrorKind::InvalidSubcommand {
        return err;
    }
    let mut tips = match err.get(ContextKind::Suggested) {
        Some(ContextValue::StyledStrs(tips)) => tips.clone(),
        _ => Vec::new(),
    };
    tips.push(
        "to explain an error code, a status or a pasted error line, run 'obserr explain CODE' \
         (obserr search WORDS searches the catalogue)"
            .into(),
    );
    err.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    err
}

/// What [`parse`] returns: the options, and what clap built to read them.
struct Parsed {
    cli: Cli,
    definition: clap::Command,
    matches: clap::ArgMatches,
}

fn parse<I, T>(args: I) -> Result<Parsed, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut no_pager = false;
    let mut key_as_argument = false;
    let mut options = true;
    let mut given = args.into_iter().map(Into::into);
    let mut args: Vec<OsString> = Vec::new();
    while let Some(arg) = given.next() {
        options &= arg != "--";
        if !options {
            args.push(arg);
            continue;
        }
        let name = arg.as_encoded_bytes();
        let name = name.split(|&b| b == b'=').next().unwrap_or_default();
        if KEY_OPTIONS.iter().any(|o| o.as_bytes() == name) {
            key_as_argument = true;
            if name.len() == arg.len() {
                drop(given.next());
            }
        } else if arg == NO_PAGER {
            no_pager = true;
            args.push(OsString::from("--paging=never"));
        } else {
            args.push(arg);
        }
    }
    implied_explain(&mut args);
    // The lean definition first. Anything it does not take (help, --version,
    // every error, a line it cannot read the same way) goes to the decorated
    // one, which reads the same line again and alone decides what it means.
    let (mut cmd, mut matches) = if let Some(parsed) = parse_lean(&args) {
        parsed
    } else {
        let mut cmd = command();
        let matches = cmd.try_get_matches_from_mut(args).map_err(explain_tip)?;
        (cmd, matches)
    };
    let file_command = matches
        .subcommand()
        .filter(|(name, _)| FILE_COMMANDS.contains(name));
    if let Some((name, sub)) = file_command {
        // The subcommand knows the option only when the full definition
        // (global options) read the line.
        let given = |id: &str| {
            [&matches, sub].iter().any(|m| {
                m.try_contains_id(id).is_ok()
                    && m.value_source(id) == Some(ValueSource::CommandLine)
            })
        };
        if let Some(id) = GLOBAL_OPTIONS.iter().find(|id| given(id)) {
            let flag = if *id == "paging" && no_pager {
                NO_PAGER.to_string()
            } else {
                format!("--{id}")
            };
            let message = format!(
                "'{flag}' means nothing to 'obserr {name}': it prints a file to redirect, \
                 never JSON, coloured or paged"
            );
            // The subcommand's usage line, when clap still has it.
            let mut cmd = command();
            cmd.build();
            return Err(match cmd.find_subcommand_mut(name) {
                Some(sub) => sub.error(ErrorKind::ArgumentConflict, message),
                None => cmd.error(ErrorKind::ArgumentConflict, message),
            });
        }
    }
    let mut cli = Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))?;
    cli.key_as_argument = key_as_argument;
    // Checked here, not with clap's conflicts_with: a global --json given after
    // the subcommand reaches it too late for that check.
    if cli.options.json
        && matches!(
            cli.command,
            Subcommand::Explain(ExplainArgs { open: true, .. })
        )
    {
        let message = "'--open' opens a page in the browser: it prints nothing, JSON or not";
        let mut cmd = command();
        cmd.build();
        return Err(match cmd.find_subcommand_mut("explain") {
            Some(sub) => sub.error(ErrorKind::ArgumentConflict, message),
            None => cmd.error(ErrorKind::ArgumentConflict, message),
        });
    }
    Ok(Parsed {
        cli,
        definition: cmd,
        matches,
    })
}

/// `list --source` accepts the ids of `data/sources.json` in any case, so
/// clap lists them in help and in the error for an unknown one, and fish
/// shows each page's title beside it.
fn source_ids() -> impl TypedValueParser<Value = String> {
    clap::builder::PossibleValuesParser::new(
        catalogue::sources()
            .iter()
            .map(|s| PossibleValue::new(s.id).help(s.title)),
    )
    .map(|given: String| {
        catalogue::sources()
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(&given))
            .map_or(given, |s| s.id.to_string())
    })
}

/// `list --kind`: the names of [`catalogue::Kind`].
fn kind_values() -> impl TypedValueParser<Value = catalogue::Kind> {
    clap::builder::PossibleValuesParser::new(catalogue::Kind::ALL.map(catalogue::Kind::name)).map(
        |name| {
            catalogue::Kind::ALL
                .into_iter()
                .find(|k| k.name().eq_ignore_ascii_case(&name))
                .expect("a possible value")
        },
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paging {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
    /// Explain error codes or HTTP statuses: meaning, causes, solution, retry advice.
    ///
    /// Accepts codes in any case, documented aliases, bare statuses (403) and the
    /// forms pasted from logs: 'NoSuchKey (404)', 'error code [NoSuchKey]',
    /// 'x-obs-error-code: NoSuchKey'. A tool's code follows the tool's name:
    /// 'obsutil 8' (a shell shows obsutil's -1 as 255), 'console Obs.0012',
    /// 'browser Obs.0012'; a bare Obs.0012 shows both tools' meanings.
    Explain(ExplainArgs),
    /// List catalogued codes, optionally by status (403) or class (4xx), or by
    /// the documentation page that documents them.
    List(ListArgs),
    /// Fuzzy search over codes, messages and solutions, best match first.
    Search(SearchArgs),
    /// Decode a pasted OBS error response into a diagnosis: what went wrong, why,
    /// what to do, whether to retry, and the ids support needs.
    ///
    /// Reads curl -i and curl -v output (HTTP/1.0 to HTTP/3, 100 Continue, followed
    /// redirects: the last response counts), bare XML or JSON error bodies, header
    /// blocks of HEAD responses, HTML error pages, obsutil/SDK log lines, and the
    /// error text SDKs and tools print (exception messages, stack traces, log
    /// lines); each error an input holds is diagnosed in turn. Reads standard input when no file is given; at most 8 MiB per input. With
    /// several files each is decoded in turn.
    Decode(DecodeArgs),
    /// Triage the errors in OBS logs: what failed, how often, since when, and what to do.
    ///
    /// Reads OBS bucket access logs, obsutil logs and failure result lists
    /// (cp_failed_report_*.txt), SDK log lines, and curl -i/-v captures, line
    /// by line, at disk speed and in bounded memory; .gz files are read
    /// transparently. Errors are grouped by code and status, most frequent
    /// first, with their share of all requests, first and last time seen,
    /// sample request IDs, top operations, buckets and key prefixes, and the
    /// retry advice and fix from the catalogue. Findings point out throttling,
    /// clock skew, signature failures on keys that need encoding, concentrated
    /// 403s, and whether 5xx errors are spread (the service) or on one key.
    /// --follow watches a live log as tail -F does; --merge combines the
    /// --json reports of parts of a log into the report of the whole;
    /// --failed-objects lists the objects to retry.
    /// Exit status 0 when errors were found, 1 when none, 2 when an input could
    /// not be read.
    Scan(ScanArgs),
    /// Say exactly why a signature does not match (SignatureDoesNotMatch).
    ///
    /// Reads what decode reads (curl -v output with the request, an SDK debug log,
    /// or the error body alone) and, in another file, the client's own string to
    /// sign if an SDK log printed it. Compares the server's StringToSign with the
    /// client's, component by component, and with the secret key tells a wrong key
    /// from a wrong string. The key comes only from OBS_SECRET_ACCESS_KEY, then
    /// AWS_SECRET_ACCESS_KEY, then --secret-key-file, then a prompt without echo
    /// on a terminal; never from an argument. It is never printed.
    Sigcheck(SigcheckArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    ///
    /// The script completes subcommands, options, every catalogued code for
    /// explain, the catalogued statuses and classes for list --status, and file
    /// names for decode. The guide says where each shell looks for it.
    Completions(CompletionsArgs),
    /// Print the man page (roff), to install where man finds it.
    Man,
}

/// What `obserr explain` takes.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Error codes or HTTP statuses. Without any, they are read from standard input, one a
    /// line (echo NoSuchKey | obserr explain), unless it is a terminal.
    #[arg(value_name = "CODE", value_parser = CodeValues, hide_possible_values = true, allow_negative_numbers = true)]
    pub codes: Vec<String>,
    /// Open the page that documents the code in the browser (OBSERR_OPENER names
    /// another command to run with its address) instead of explaining it.
    #[arg(long)]
    pub open: bool,
}

/// What `obserr list` takes.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx); a comma-separated
    /// list (403,404) or the option repeated gives codes of any of them.
    #[arg(long, short, value_name = "STATUS", value_parser = StatusValues, hide_possible_values = true, value_delimiter = ',')]
    pub status: Vec<StatusFilter>,
    /// Only codes documented in this page: obs_21_2002 (OBS Server-side Error
    /// Codes), api-ref (API Reference), s3api (S3-compatible API), swiftapi,
    /// a per-operation page, an SDK, obsutil, console or browser.
    #[arg(long, value_name = "ID", value_parser = source_ids(), ignore_case = true)]
    pub source: Option<String>,
    /// Only codes of this kind: server (in a server response), client (an
    /// SDK raised it without one), tool (obsutil, OBS Console, OBS Browser+)
    /// or sdk-status (an SDK's name for a server's HTTP status).
    #[arg(long, value_name = "KIND", value_parser = kind_values(), ignore_case = true)]
    pub kind: Option<catalogue::Kind>,
    /// Only codes a client should retry.
    #[arg(long)]
    pub retryable: bool,
}

/// What `obserr search` takes.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for; typos and paraphrases are forgiven.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,
    /// Show at most this many results (at least 1).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u16).range(1..).map(usize::from))]
    pub limit: usize,
}

/// What `obserr decode` takes.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// Files holding the response; '-' is standard input.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<std::path::PathBuf>,
    /// Show everything: the server's message, every detail, how the input was
    /// read, every finding and every cause (the default shows the likely one).
    #[arg(long, short)]
    pub verbose: bool,
}

/// What `obserr scan` takes.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Log files or directories (read recursively); '-' or nothing is standard input.
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<std::path::PathBuf>,
    /// Group errors by this instead of code and status.
    #[arg(long, value_enum, value_name = "FIELD", default_value_t = crate::scan::By::Code, ignore_case = true)]
    pub by: crate::scan::By,
    /// Only requests at or after this time: a UTC time (2026-11-26,
    /// 2026-11-26T08:00 or 2026-11-26T08:00:00Z) or a time ago (30m, 1h, 2d).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<i64>,
    /// Only requests before this time (same forms as --since).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<i64>,
    /// Read files with read() instead of mapping them into memory, which is
    /// slower but safe from a file truncated while it is scanned (see GUIDE.md).
    #[arg(long)]
    pub no_mmap: bool,
    /// Follow symbolic links to directories inside the folders scanned
    /// (loops are skipped); without it they are skipped, as rg does.
    #[arg(long, short = 'L')]
    pub follow_links: bool,
    /// Print the objects of failed requests as obs://bucket/key, one a line,
    /// in first-seen order without repeats, instead of the summary.
    #[arg(long, conflicts_with_all = ["merge", "follow"])]
    pub failed_objects: bool,
    /// PATHs are `scan --json` reports of parts of a log: print the report of
    /// the whole, as one scan of all the parts would.
    #[arg(long, requires = "paths",
          conflicts_with_all = ["since", "until", "by", "follow", "no_mmap", "follow_links"])]
    pub merge: bool,
    /// Keep reading the one FILE (or '-') as it grows, surviving rotation and
    /// truncation like tail -F; Ctrl-C prints the summary.
    #[arg(long)]
    pub follow: bool,
}

/// What `obserr sigcheck` takes.
#[derive(Debug, Args)]
pub struct SigcheckArgs {
    /// Files holding the exchange and, optionally, the SDK's log; '-' is standard input.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<std::path::PathBuf>,
    /// Read the secret key from this file (one trailing line break is ignored).
    #[arg(long, value_name = "KEYFILE", value_hint = clap::ValueHint::FilePath)]
    pub secret_key_file: Option<std::path::PathBuf>,
}

/// What `obserr completions` takes.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", ignore_case = true)]
    pub shell: clap_complete::Shell,
}

/// `--since`/`--until`: a UTC date, date and minute, or full timestamp; or
/// a time ago, `30m`, `1h`, `2d` (seconds, minutes, hours, days, weeks).
fn parse_time(s: &str) -> Result<i64, String> {
    let s = s.trim();
    if let Some(ago) = ago_millis(s) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        return Ok(now.saturating_sub(ago));
    }
    [
        s.to_string(),
        format!("{s}Z"),
        format!("{s}:00Z"),
        format!("{s}T00:00:00Z"),
    ]
    .iter()
    .find_map(|t| crate::timestamp::parse_millis(t))
    .ok_or_else(|| {
        "expected a UTC time such as 2026-11-26, 2026-11-26T08:00 or 2026-11-26T08:00:00Z, \
         or a time ago such as 30m, 1h or 2d"
            .to_string()
    })
}

/// `30m`, `1h`, `2d`: the milliseconds it stands for.
fn ago_millis(s: &str) -> Option<i64> {
    let unit = s.chars().last()?;
    let ms: i64 = match unit {
        's' => 1_000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        'w' => 7 * 86_400_000,
        _ => return None,
    };
    let digits = &s[..s.len() - 1];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok()?.checked_mul(ms)
}

/// `explain`'s arguments: any string (pasted forms, statuses and typos are read
/// later, by [`crate::query`]), with the catalogue's codes and one-word aliases
/// as possible values for completion.
#[derive(Debug, Clone, Copy)]
pub struct CodeValues;

impl TypedValueParser for CodeValues {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let tools = catalogue::TOOL_WORDS.iter().map(|t| {
            PossibleValue::new(*t).help(match *t {
                "obsutil" => "obsutil's return code follows: obsutil 8, obsutil 255",
                "console" => "an OBS Console code follows: console Obs.0012",
                _ => "an OBS Browser+ code follows: browser Obs.0012",
            })
        });
        Some(Box::new(tools.chain(catalogue::completion_words().map(
            |(word, entry)| PossibleValue::new(word).help(entry.message()),
        ))))
    }
}

/// `list --status`: parses into a [`StatusFilter`] (a malformed value is a
/// usage error), with the catalogued statuses and their classes as possible
/// values for completion.
#[derive(Debug, Clone, Copy)]
pub struct StatusValues;

impl TypedValueParser for StatusValues {
    type Value = StatusFilter;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<StatusFilter, clap::Error> {
        StringValueParser::new()
            .try_map(|s| s.parse::<StatusFilter>())
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            catalogue::status_filter_words()
                .into_iter()
                .map(|(word, about)| PossibleValue::new(word).help(about)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    #[test]
    fn global_flags_work_before_and_after_the_subcommand() {
        for args in [
            &["obserr", "--json", "--color", "never", "list"][..],
            &["obserr", "list", "--json", "--color", "never"][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert!(cli.options.json);
            assert_eq!(cli.options.color, ColorChoice::Never);
        }
    }

    #[test]
    fn list_source_accepts_the_catalogue_ids_only() {
        for id in ["obs_21_2002", "api-ref", "s3api"] {
            assert!(Cli::try_parse_from(["obserr", "list", "--source", id]).is_ok());
        }
        let err = Cli::try_parse_from(["obserr", "list", "--source", "aws"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.to_string().contains("obs_21_2002, api-ref, s3api"),
            "{err}"
        );
    }

    #[test]
    fn list_filters_by_kind_and_retryable_and_search_needs_a_limit() {
        let cli = try_parse_from(["obserr", "list", "--kind", "client", "--retryable"]).unwrap();
        assert!(matches!(
            cli.command,
            Subcommand::List(ListArgs {
                kind: Some(catalogue::Kind::Client),
                retryable: true,
                ..
            })
        ));
        for bad in [
            &["obserr", "list", "--kind", "sdk"][..],
            &["obserr", "search", "-n", "0", "x"],
        ] {
            let err = try_parse_from(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        let cli = try_parse_from(["obserr", "explain", "obsutil", "-1"]).unwrap();
        assert!(
            matches!(cli.command, Subcommand::Explain(ExplainArgs { ref codes, .. }) if codes == &["obsutil", "-1"])
        );
    }

    #[test]
    fn scan_times_take_a_date_a_minute_or_a_timestamp() {
        assert_eq!(parse_time("2026-11-26"), Ok(1_795_651_200_000));
        assert_eq!(parse_time("2026-11-26T08:00"), Ok(1_795_680_000_000));
        assert_eq!(parse_time("2026-11-26T08:00:00Z"), Ok(1_795_680_000_000));
        assert!(parse_time("yesterday").is_err());
        let err = try_parse_from(["obserr", "scan", "--since", "soon"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn values_are_case_insensitive_and_statuses_a_list() {
        let cli =
            try_parse_from(["obserr", "list", "--source", "S3API", "--status", "403,4XX"]).unwrap();
        let Subcommand::List(ListArgs { status, source, .. }) = cli.command else {
            panic!("not list")
        };
        assert_eq!(source.as_deref(), Some("s3api"));
        assert_eq!(status.len(), 2);
        let cli = try_parse_from(["obserr", "--color", "NEVER", "--paging", "Always", "list"]);
        let cli = cli.unwrap();
        assert_eq!(
            (cli.options.color, cli.options.paging),
            (ColorChoice::Never, Paging::Always)
        );
        assert!(try_parse_from(["obserr", "completions", "ZSH"]).is_ok());
    }

    #[test]
    fn help_shows_each_subcommand_examples_and_errors_their_usage() {
        for sub in [
            "explain",
            "list",
            "search",
            "decode",
            "scan",
            "completions",
            "man",
        ] {
            let help = try_parse_from(["obserr", sub, "--help"])
                .unwrap_err()
                .to_string();
            assert!(help.contains("Examples:\n  "), "{sub}: {help}");
        }
        // The global options come last, under their own heading, after
        // the command's own (`-h` as well as `--help`).
        for flag in ["-h", "--help"] {
            let help = try_parse_from(["obserr", "list", flag])
                .unwrap_err()
                .to_string();
            let own = help.find("--retryable").unwrap();
            let global = help.find("\nGlobal options:\n").unwrap();
            let json = help.find("--json").unwrap();
            assert!(own < global && global < json, "{help}");
        }
        let help = try_parse_from(["obserr", "help", "man"])
            .unwrap_err()
            .to_string();
        assert!(!help.contains("--json"), "{help}");
        let err = try_parse_from(["obserr", "completions"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("Usage: obserr completions <SHELL>"), "{err}");
    }

    /// `man` and `completions` have help of their own, without the global
    /// options they refuse: their one option under clap's usual heading.
    #[test]
    fn file_commands_help_lists_help_under_options() {
        for sub in ["man", "completions"] {
            let help = try_parse_from(["obserr", sub, "--help"])
                .unwrap_err()
                .to_string();
            assert!(
                help.contains("\nOptions:\n  -h, --help  Print help"),
                "{help}"
            );
        }
    }

    /// A code, a status or a pasted error where a subcommand belongs is
    /// explained; anything else is clap's error with a tip naming explain.
    #[test]
    fn a_code_as_the_first_word_is_explained() {
        for line in [
            &["obserr", "NoSuchKey"][..],
            &["obserr", "--json", "403"],
            &["obserr", "--color", "never", "nosuchkey", "AccessDenied"],
            &["obserr", "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied"],
            &["obserr", "obsutil", "8"],
            &["obserr", "Obs.0012"],
        ] {
            let cli = try_parse_from(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            let Subcommand::Explain(ExplainArgs { codes, .. }) = cli.command else {
                panic!("{line:?} is not explain")
            };
            assert_eq!(codes.first().map(String::as_str), line.iter().copied().find(|w| !w.starts_with('-') && *w != "obserr" && *w != "never"), "{line:?}");
        }
        // A code's typo is explain's to guess; a subcommand's is clap's.
        let cli = try_parse_from(["obserr", "NoSuchKy"]).unwrap();
        assert!(matches!(cli.command, Subcommand::Explain(_)));
        let cli = try_parse_from(["obserr", "--json", "403"]).unwrap();
        assert!(cli.options.json);
        for line in [&["obserr", "frobnicate"][..], &["obserr", "lsit"]] {
            let err = try_parse_from(line).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidSubcommand, "{line:?}");
            assert!(err.to_string().contains("'obserr explain CODE'"), "{err}");
        }
        // A subcommand typo keeps clap's own tip too.
        let err = try_parse_from(["obserr", "lsit"]).unwrap_err().to_string();
        assert!(err.contains("'list'"), "{err}");
    }

    #[test]
    fn no_pager_is_paging_never() {
        for args in [
            &["obserr", "--no-pager", "list"][..],
            &["obserr", "list", "--no-pager"],
        ] {
            assert_eq!(try_parse_from(args).unwrap().options.paging, Paging::Never);
        }
        // After `--` it is an argument like any other.
        let cli = try_parse_from(["obserr", "explain", "--", "--no-pager"]).unwrap();
        assert_eq!(cli.options.paging, Paging::Auto);
    }

    #[test]
    fn file_printing_commands_refuse_what_means_nothing_to_them() {
        for args in [
            &["obserr", "man", "--json"][..],
            &["obserr", "--json", "man"],
            &["obserr", "completions", "bash", "--paging", "never"],
            &["obserr", "--no-pager", "completions", "bash"],
            &["obserr", "man", "--color", "always"],
        ] {
            let err = try_parse_from(args).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{args:?}");
            assert!(err.to_string().contains("means nothing to"), "{err}");
        }
        assert!(try_parse_from(["obserr", "man"]).is_ok());
        for args in [
            &["obserr", "--json", "explain", "--open", "x"][..],
            &["obserr", "explain", "--open", "x", "--json"],
        ] {
            let err = try_parse_from(args).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{args:?}");
        }
        assert!(try_parse_from(["obserr", "completions", "fish"]).is_ok());
    }

    #[test]
    fn version_names_the_catalogue_date_and_size() {
        let version = Cli::command().get_version().unwrap().to_string();
        let expected = format!(
            "{} (catalogue {}, {} codes)",
            env!("CARGO_PKG_VERSION"),
            catalogue::updated(),
            catalogue::entries().len()
        );
        assert_eq!(version, expected);
    }

    #[test]
    fn malformed_status_filters_are_usage_errors() {
        for bad in ["abc", "4x", "6xx"] {
            let err = Cli::try_parse_from(["obserr", "list", "--status", bad]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
    }

    /// The lean reading (global options moved before the subcommand) takes
    /// the usual lines, and whatever it takes it reads as the full
    /// definition does; what it cannot take it leaves to the full one.
    #[test]
    fn the_lean_reading_agrees_with_the_full_one() {
        let full = |line: &[&str]| {
            let mut cmd = command();
            let args = line.iter().map(OsString::from);
            cmd.try_get_matches_from_mut(args)
                .and_then(|mut m| Cli::from_arg_matches_mut(&mut m))
                .map(|cli| format!("{cli:?}"))
        };
        let lean = |line: &[&str]| {
            let args: Vec<OsString> = line.iter().map(OsString::from).collect();
            parse_lean(&args)
                .map(|(_, mut m)| format!("{:?}", Cli::from_arg_matches_mut(&mut m).unwrap()))
        };
        let taken: &[&[&str]] = &[
            &["obserr", "explain", "NoSuchKey"],
            &["obserr", "explain", "NoSuchKey", "--json"],
            &["obserr", "--json", "explain", "NoSuchKey"],
            &[
                "obserr",
                "explain",
                "--color",
                "never",
                "NoSuchKey",
                "--paging=always",
            ],
            &[
                "obserr",
                "--color=always",
                "list",
                "--status",
                "403",
                "--json",
            ],
            &[
                "obserr", "search", "slow", "down", "--color", "Never", "-n", "3",
            ],
            &["obserr", "explain", "obsutil", "-1", "--json"],
            &["obserr", "decode", "--json", "-", "--", "--json"],
            &["obserr", "explain", "--", "--color", "never"],
            &["obserr", "scan", "--by", "minute", "--json", "x.log"],
            &["obserr", "sigcheck", "--json", "capture.txt"],
            &["obserr", "completions", "bash"],
            &["obserr", "man", "--json"],
            &[
                "obserr",
                "scan",
                "--since",
                "2026-11-26",
                "--no-mmap",
                "--by=prefix",
                "-",
            ],
            &[
                "obserr",
                "list",
                "--source",
                "S3API",
                "--kind",
                "server",
                "--retryable",
            ],
            &["obserr", "search", "-n", "3", "no", "such", "key"],
            &["obserr", "list", "--kind", "SERVER"],
            &["obserr", "decode", "-v", "x.txt", "--json"],
            &["obserr", "decode", "--verbose"],
            &["obserr", "scan", "--by", "IP", "x.log"],
            &["obserr", "scan", "--by=Code", "x.log"],
            &[
                "obserr",
                "sigcheck",
                "--secret-key-file",
                "k.txt",
                "c.txt",
                "--json",
            ],
        ];
        // Every subcommand has its lean definition (`help` is clap's own).
        let full_definition = command();
        for sub in full_definition.get_subcommands() {
            assert!(
                lean_definition(sub.get_name()).is_some(),
                "{}",
                sub.get_name()
            );
        }
        for line in taken {
            let lean = lean(line).unwrap_or_else(|| panic!("not taken: {line:?}"));
            assert_eq!(Ok(lean), full(line).map_err(|e| e.kind()), "{line:?}");
        }
        let left: &[&[&str]] = &[
            &["obserr", "explain", "NoSuchKey", "--color"],
            &["obserr", "explain", "--json", "--json", "NoSuchKey"],
            &["obserr", "explain", "--help"],
            &["obserr", "--version"],
            &["obserr", "list", "--kind", "nonsense"],
        ];
        for line in left {
            assert_eq!(lean(line), None, "{line:?}");
        }
    }

    /// A secret key given as an option is taken out of the line with its
    /// value before clap sees it, whatever the subcommand; after `--` it is
    /// a file name like any other.
    #[test]
    fn key_options_are_taken_out_with_their_value() {
        let cli = try_parse_from(["obserr", "sigcheck", "--sk", "--json", "x.txt"]).unwrap();
        assert!(cli.key_as_argument);
        assert!(!cli.options.json, "--json was the option's value");
        assert!(
            matches!(&cli.command, Subcommand::Sigcheck(SigcheckArgs { files, .. }) if files == &[std::path::PathBuf::from("x.txt")])
        );
        for line in [
            &["obserr", "sigcheck", "--secret-key=abc", "x.txt"][..],
            &["obserr", "decode", "--aws-secret-access-key", "abc"],
            &["obserr", "--secret", "abc", "explain", "NoSuchKey"],
        ] {
            assert!(try_parse_from(line).unwrap().key_as_argument, "{line:?}");
        }
        let cli = try_parse_from(["obserr", "sigcheck", "--", "--sk"]).unwrap();
        assert!(!cli.key_as_argument);
        let cli = try_parse_from(["obserr", "sigcheck", "--secret-key-file", "k", "x"]).unwrap();
        assert!(!cli.key_as_argument);
        // Not offered anywhere clap would show it.
        let mut cmd = command();
        cmd.build();
        let sigcheck = cmd.find_subcommand("sigcheck").unwrap();
        assert!(sigcheck
            .get_arguments()
            .all(|a| a.get_long() != Some("secret-key")));
    }
}
