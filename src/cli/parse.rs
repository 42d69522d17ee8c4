//! Reading the command line: a secret key given as an option is taken out
//! and `--no-pager` read as `--paging never` before clap sees the line; a
//! code where a subcommand belongs is read as `explain` ([`implied_explain`]);
//! then a lean definition reads the usual lines, the full one everything
//! else ([`parse_lean`]), and options that mean nothing to a subcommand are
//! refused.

use super::args::{command, Cli, ExplainArgs, GlobalArgs, SigcheckArgs, Subcommand};
use super::args::{CompletionsArgs, DecodeArgs, ListArgs, ScanArgs, SearchArgs};
use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{Args, FromArgMatches};
use std::ffi::OsString;

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

/// Parses `args` (the program name first): clap's checks, then a clear refusal
/// of an option that means nothing to the subcommand (`obserr man --json`).
#[cfg(test)]
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    parse(args).map(|parsed| parsed.cli)
}

/// `try_parse_from` for a process that exits once the command has run:
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
pub(super) fn parse_lean(args: &[OsString]) -> Option<(clap::Command, clap::ArgMatches)> {
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
pub(super) fn lean_definition(subcommand: &str) -> Option<clap::Command> {
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
    let explained = match obserr::explain(&words).into_iter().next() {
        None => false,
        // A typo of a code is explained (explain says what it guessed),
        // unless it is closer to a subcommand's name: clap's tip names that.
        Some(obserr::Explained::Unknown { suggestions, .. }) => {
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
