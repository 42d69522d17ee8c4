//! Runs a parsed command: looks things up through the library, renders into
//! buffers, and decides where the bytes go (stdout, a pager, stderr). All
//! terminal and environment facts are gathered once in [`Terminal`].

use crate::cli::{Cli, ColorChoice, Command};
use obserr::catalogue::{self, Entry};
use obserr::query::{self, Resolved};
use obserr::render::{human, json, Style};
use obserr::search;
use std::io::{self, IsTerminal, Write};
use std::process::{ExitCode, Stdio};

/// Exit statuses, as documented in the README.
pub const FOUND: u8 = 0;
pub const NOT_FOUND: u8 = 1;
pub const INPUT_ERROR: u8 = 2;

/// What the environment says about where output goes.
#[derive(Debug, Clone)]
pub struct Terminal {
    pub style: Style,
    pub height: Option<usize>,
    pub pager: Option<String>,
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
        Command::List { status } => {
            let entries: Vec<&Entry> = match status {
                Some(filter) => catalogue::by_status(*filter).collect(),
                None => catalogue::entries().iter().collect(),
            };
            if entries.is_empty() {
                out.stderr
                    .push_str("obserr: no catalogued code has that status\n");
            }
            list(&mut out, cli.json, &style, &entries)
        }
        Command::Decode { .. } => {
            // Issue 3 (decode) is in progress on its own branch.
            out.stderr
                .push_str("obserr: error: decode is not implemented yet\n");
            out.status = INPUT_ERROR;
            Ok(())
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

fn to_value(v: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(v).expect("catalogue values serialise")
}

/// Writes the output where it belongs and returns the exit code. A closed pipe
/// is not an error: the reader has what it wanted.
pub fn emit(output: Output, terminal: &Terminal) -> ExitCode {
    let _ = io::stderr().write_all(output.stderr.as_bytes());
    let lines = output.stdout.iter().filter(|&&b| b == b'\n').count();
    let paged = match (&terminal.pager, terminal.height) {
        (Some(pager), Some(height)) if lines >= height => page(pager, &output.stdout).is_ok(),
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
