//! `obserr explain`: what each argument names ([`obserr::explain`]),
//! explained on stdout in argument order with its message on stderr, or as
//! one JSON array; the codes read from standard input when no argument is
//! given; and `--open`, which opens each code's documentation page with
//! `OBSERR_OPENER` or the platform's opener.

use super::output::{usage_error, Output};
use super::read::read_capped;
use super::terminal::{command_words, Terminal};
use crate::cli::ExplainArgs;
use obserr::Outcome;
use obserr::{Entry, Explained, Human, Input, Json, Message, ReadError, StatusFilter, Style};
use std::io;
use std::process::Stdio;

/// `explain`: its codes (the arguments, or the lines of standard input),
/// explained on stdout, or with `--open` their pages opened; a usage error
/// when there are none.
pub fn run(
    out: &mut Output,
    args: &ExplainArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    match explain_args(&args.codes, terminal) {
        Ok(codes) if args.open => open_docs(out, &codes),
        Ok(codes) => explain(out, as_json, &terminal.style, &codes),
        Err(message) => usage_error(out, as_json, message),
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
    let codes = match read_capped(io::stdin().lock(), Input::MAX_BYTES) {
        // A binary file piped in holds no codes: said once, not per line.
        Ok(bytes) if Input::binary_at(&bytes).is_some() => {
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

/// `explain`: each argument in turn, its explanation on stdout or its error on
/// stderr, in argument order, with a blank line between explanations. A typo
/// with exactly one close code explains that code too, after saying so; the
/// outcome stays "nothing found", so a script never takes a guess for a match.
fn explain(out: &mut Output, as_json: bool, style: &Style, codes: &[String]) -> io::Result<()> {
    let explained = obserr::explain(codes);
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
        return Json::explained(&mut out.stdout, &explained);
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
        let mut text = Vec::new();
        explanation(&mut text, style, x)?;
        // A blank line between explanations (a guess's is above its message).
        if !guess && !text.is_empty() && !out.stdout.is_empty() {
            out.stdout.push(b'\n');
        }
        out.stdout.extend(text);
    }
    Ok(())
}

/// What `explain` writes on stdout for one argument: the entry (every
/// entry of a code two tools share, the one close code of a typo), the
/// status and its codes, or the codes of a class; nothing for what names
/// nothing.
fn explanation(out: &mut Vec<u8>, style: &Style, x: &Explained) -> io::Result<()> {
    match x {
        Explained::Code(entry) => Human::new(style).entry(out, entry),
        // One code, two tools: every meaning, each in full.
        Explained::Shared { entries, .. } => {
            for (i, entry) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                Human::new(style).entry(out, entry)?;
            }
            Ok(())
        }
        Explained::Unknown { suggestions, .. } if suggestions.len() == 1 => {
            Human::new(style).entry(out, suggestions[0])
        }
        Explained::Status {
            status,
            info,
            codes,
        } => Human::new(style).status(out, *status, *info, codes),
        // `explain 4xx` lists the class, as `list --status 4xx` does.
        Explained::Class { codes, .. } if !codes.is_empty() => Human::new(style).list(out, codes),
        Explained::Class { .. } | Explained::UnknownStatus { .. } | Explained::Unknown { .. } => {
            Ok(())
        }
    }
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
            let (StatusFilter::Class(digit) | StatusFilter::Exact(digit)) = *class;
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
    let explained = obserr::explain(codes);
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
                    StatusFilter::Class(c) | StatusFilter::Exact(c) => *c,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_from_standard_input_are_trimmed_lines() {
        let codes = codes_from(b"NoSuchKey\r\n\n  error code [SlowDown]  \n");
        assert_eq!(codes, ["NoSuchKey", "error code [SlowDown]"]);
    }
}
