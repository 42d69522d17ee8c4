//! Every line obserr writes to stderr, as one [`Message`] type with one
//! shape: `obserr: error: WHAT`, then an optional `hint: WHAT TO DO` line.
//! Text from outside (an argument, a file name) is made visible first.

use super::names::{input_name, shell_word};
use crate::catalogue::Entry;
use crate::decoded::{Input, ReadError, MAX_INPUT};
use crate::sanitize::visible;
use std::fmt;
use std::io::{self, Write};

/// How to give `sigcheck` a key safely.
const KEY_HINT: &str = "set OBS_SECRET_ACCESS_KEY, or use --secret-key-file FILE, or run on a terminal to be asked for it without echo";

/// What `sigcheck` reads, as a hint.
const SIGCHECK_INPUT_HINT: &str =
    "pass the whole exchange: curl -v URL 2>&1 | obserr sigcheck (for another error, obserr decode)";

/// How much of an unknown argument the error message echoes.
const ECHO_CHARS: usize = 80;

/// Something obserr tells the user on stderr.
#[derive(Debug)]
pub enum Message {
    /// An `explain` argument names no catalogued code.
    UnknownCode {
        /// The part of the argument that looked like a code.
        token: String,
        /// The nearest catalogued codes.
        suggestions: Vec<&'static Entry>,
    },
    /// An `explain` argument names no catalogued code, but exactly one code is
    /// close: it is explained instead (the exit status still says "nothing
    /// found").
    Guessed {
        /// The part of the argument that looked like a code.
        token: String,
        /// The one close code.
        guess: &'static Entry,
    },
    /// An `explain` status no table documents (a 2xx one means success).
    UnknownStatus(u16),
    /// `explain` of a class with no catalogued code (`2xx`: success): the
    /// class digit.
    EmptyClass(u16),
    /// `explain` read binary data from standard input: a usage error.
    BinaryCodes,
    /// An `explain` argument is empty or only white space: a usage error.
    EmptyArgument,
    /// An `explain` code two tools use with different meanings: both follow
    /// (a note).
    SharedCode {
        /// The code as given.
        code: String,
        /// The entries, one per tool.
        entries: Vec<&'static Entry>,
    },
    /// `list` matched nothing.
    EmptyList {
        /// `--source` was given too.
        by_source: bool,
    },
    /// `search` matched nothing.
    NoSearchHits,
    /// A `decode` input could not be read.
    Unreadable {
        /// Which input.
        input: Input,
        /// Why.
        error: ReadError,
    },
    /// A `decode` input held no OBS error response.
    NoResponse {
        /// Which input, named when there were several.
        input: Option<Input>,
    },
    /// Writing the output failed.
    CannotWrite(io::Error),
    /// `explain` got no argument, and standard input is a terminal or holds
    /// nothing.
    NoCodes,
    /// `explain` read more lines from standard input than it takes.
    TooManyCodes {
        /// The lines read.
        count: usize,
        /// The most it takes.
        limit: usize,
    },
    /// `explain --open` is opening a page. Not an error.
    Opening {
        /// The page's title.
        title: &'static str,
        /// Its address.
        url: &'static str,
    },
    /// `explain --open`: the opener could not run or failed.
    CannotOpen {
        /// The page.
        url: &'static str,
        /// The command that was to open it.
        opener: String,
        /// Why it did not.
        error: io::Error,
    },
    /// `explain --open` was given a status, which has no page of its own.
    NoPageForStatus(u16),
    /// `explain --open` of a class of statuses (`4xx`): the class digit.
    NoPageForClass(u16),
    /// Standard input is a terminal: how to end a paste. Not an error, so it
    /// has no `error:` in it.
    PastePrompt,
    /// A `scan` input could not be opened or read.
    ScanUnreadable {
        /// The input's name (`-` for standard input).
        name: String,
        /// Why.
        error: String,
    },
    /// A `scan` input started with binary data and was skipped (a note).
    ScanBinary {
        /// The input's name.
        name: String,
    },
    /// A `scan` input ended in a read error; what came before counts (a note).
    ScanCutShort {
        /// The input's name.
        name: String,
        /// It was a gzip (so: truncated or corrupt).
        gzip: bool,
        /// The error.
        error: String,
        /// Bytes read before it.
        bytes: u64,
    },
    /// Lines of a `scan` input over the length limit, skipped (a note).
    ScanLongLines {
        /// The input's name.
        name: String,
        /// How many.
        count: u64,
    },
    /// Lines of a `scan` input with invalid UTF-8, read lossily (a note).
    ScanInvalidUtf8 {
        /// The input's name.
        name: String,
        /// How many.
        count: u64,
    },
    /// `scan` reads standard input, which is a terminal. Not an error.
    ScanStdinPrompt,
    /// `scan` found no error among this many requests. Not an error.
    ScanNoErrors {
        /// Requests read (in the window, if one was asked for).
        requests: u64,
        /// Requests read outside the window (or with no time to place them).
        outside: u64,
    },
    /// `scan --since/--until`: requests with no time, left out (a note).
    ScanUntimed {
        /// How many.
        count: u64,
    },
    /// `scan --failed-objects`: distinct objects beyond the cap (a note).
    ScanFailedDropped {
        /// How many.
        count: u64,
    },
    /// `scan --merge`: a file that is not a `scan --json` report.
    MergeNotReport {
        /// The file.
        name: String,
        /// What the JSON reader said.
        error: String,
    },
    /// `scan --merge`: a report of another format version.
    MergeVersion {
        /// The file.
        name: String,
        /// Its version (0 when it has none: written before reports merged).
        found: u32,
    },
    /// `scan --merge`: reports made with different `--by` or window.
    MergeMismatch {
        /// The file that differs from the ones before it.
        name: String,
        /// What differs.
        mismatch: crate::scan::Mismatch,
    },
    /// `scan --since` after `--until`.
    InvertedWindow,
    /// `scan --follow` of more than one path.
    FollowOne,
    /// `scan --follow`: errors read in one poll beyond those shown (a note).
    FollowMore {
        /// How many.
        count: u64,
    },
    /// `scan --follow` stopped reading: why.
    FollowStopped {
        /// The input.
        name: String,
        /// Why.
        error: String,
    },
    /// `sigcheck` was given a secret key as an option: refused, never echoed.
    KeyAsArgument,
    /// `sigcheck --secret-key-file`: the file could not be read. Its name is
    /// echoed unless it looks like a key (typed in its place): `None`.
    KeyFileUnreadable {
        /// The file, unless its name looks like a key.
        path: Option<std::path::PathBuf>,
        /// Why.
        error: io::Error,
    },
    /// The secret key could not be read from the terminal.
    KeyPromptFailed(io::Error),
    /// A `sigcheck` input could not be read (the hint is sigcheck's own).
    SigcheckUnreadable {
        /// Which input.
        input: Input,
        /// Why.
        error: ReadError,
    },
    /// `sigcheck`: the key file or variable holds nothing.
    EmptyKey,
    /// A `sigcheck` input that could not be read and whose name looks like a
    /// secret key: the name is not echoed.
    UnreadableKeyLike(ReadError),
    /// `sigcheck` found no `SignatureDoesNotMatch` with a string to sign.
    NoSignatureError,
}

/// A `scan` input's name for people: quoted and made visible, or `standard input`.
fn scan_input(name: &str) -> String {
    if name == "-" {
        "standard input".to_string()
    } else {
        format!("'{}'", visible(name))
    }
}

/// `n` with its noun, singular or plural.
fn count(n: u64, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

impl Message {
    /// The line after `obserr: error: `.
    #[must_use]
    // One arm per message: the table reads best whole.
    #[allow(clippy::too_many_lines)]
    pub fn error(&self) -> String {
        match self {
            Message::UnknownCode { token, .. } | Message::Guessed { token, .. } => {
                // A pasted page is not echoed whole: its start names it well enough.
                let shown: String = token.chars().take(ECHO_CHARS).collect();
                let more = if shown.len() < token.len() { "…" } else { "" };
                format!("unknown error code '{}'{more}", visible(&shown))
            }
            Message::UnknownStatus(status) if (200..300).contains(status) => format!(
                "HTTP {status} is a success status (2xx means the request worked): there is no error to explain"
            ),
            Message::UnknownStatus(status) => {
                format!("OBS documents no error code with status {status}")
            }
            Message::EmptyClass(2) => {
                "2xx statuses mean the request worked: there is no error to explain".to_string()
            }
            Message::EmptyClass(class) => {
                format!("no catalogued code has a {class}xx status")
            }
            Message::EmptyArgument => "an empty argument is not a code".to_string(),
            Message::BinaryCodes => {
                "standard input holds binary data, not error codes".to_string()
            }
            Message::SharedCode { code, entries } => {
                let tools: Vec<&str> = entries
                    .iter()
                    .map(|e| e.sources[0].title.split(':').next().unwrap_or_default())
                    .collect();
                format!(
                    "{} is a code of {} tools, {}, with different meanings: each follows",
                    visible(code.trim()),
                    tools.len(),
                    tools.join(" and ")
                )
            }
            Message::EmptyList { by_source: true } => {
                "no catalogued code has that status in that source".to_string()
            }
            Message::EmptyList { by_source: false } => {
                "no catalogued code has that status".to_string()
            }
            Message::NoSearchHits => "nothing matches that search".to_string(),
            Message::Unreadable { input, error } => read_error(input, error),
            Message::NoResponse { input: None } => "no OBS error response found".to_string(),
            Message::NoResponse { input: Some(input) } => format!(
                "no OBS error response found in {}",
                input_name(input)
            ),
            Message::CannotWrite(e) => format!("cannot write output: {e}"),
            Message::ScanUnreadable { name, error } => {
                format!("cannot read {}: {}", scan_input(name), visible(error))
            }
            Message::ScanBinary { name } => {
                format!("skipped {}: binary data, not a log", scan_input(name))
            }
            Message::ScanCutShort {
                name,
                gzip,
                error,
                bytes,
            } => format!(
                "{} ends early ({}: {}); the {bytes} bytes read before it are counted",
                scan_input(name),
                if *gzip {
                    "truncated or corrupt gzip"
                } else {
                    "read error"
                },
                visible(error),
            ),
            Message::ScanLongLines { name, count: n } => format!(
                "skipped {} longer than {} MiB in {}",
                count(*n, "line"),
                crate::scan::input::MAX_LINE >> 20,
                scan_input(name)
            ),
            Message::ScanInvalidUtf8 { name, count: n } => format!(
                "{} in {} held invalid UTF-8 (read with U+FFFD in place of the bad bytes)",
                count(*n, "line"),
                scan_input(name)
            ),
            Message::ScanStdinPrompt => {
                let keys = if cfg!(windows) {
                    "Ctrl-Z, then Enter"
                } else {
                    "Ctrl-D"
                };
                format!("reading log lines from standard input until {keys}; to scan files, name them: obserr scan PATH...")
            }
            Message::ScanNoErrors {
                requests: 0,
                outside: outside @ 1..,
            } => format!("{} read, none in the window", count(*outside, "request")),
            Message::ScanNoErrors { requests, .. } => {
                format!("no errors in {}", count(*requests, "request"))
            }
            Message::Opening { title, url } => format!("opening {title} <{url}>"),
            Message::ScanUntimed { count: n } => format!(
                "left out {} with no time: --since and --until cannot place {}",
                count(*n, "request"),
                if *n == 1 { "it" } else { "them" }
            ),
            Message::ScanFailedDropped { count: n } => format!(
                "{} beyond the first {} were not listed",
                count(*n, "failed object"),
                crate::scan::MAX_FAILED
            ),
            Message::MergeNotReport { name, error } => format!(
                "{} is not a `scan --json` report ({})",
                scan_input(name),
                visible(error)
            ),
            Message::MergeVersion { name, found: 0 } => format!(
                "{} is a report from an obserr whose reports did not merge yet (it has no \"format\")",
                scan_input(name)
            ),
            Message::MergeVersion { name, found } => format!(
                "{} is a report of format {found}; this obserr merges format {} only",
                scan_input(name),
                crate::scan::FORMAT
            ),
            Message::MergeMismatch { name, mismatch } => match mismatch {
                crate::scan::Mismatch::By(_, _) => format!(
                    "{} was grouped with another --by than the reports before it",
                    scan_input(name)
                ),
                crate::scan::Mismatch::Window => format!(
                    "{} was scanned with another --since/--until than the reports before it",
                    scan_input(name)
                ),
            },
            Message::InvertedWindow => "--since is not before --until: the window is empty".to_string(),
            Message::FollowOne => {
                "--follow reads one file, or '-' for standard input".to_string()
            }
            Message::FollowMore { count: n } => {
                format!("{} more read at once, not shown", count(*n, "error"))
            }
            Message::FollowStopped { name, error } => {
                format!("stopped following {}: {}", scan_input(name), visible(error))
            }
            Message::NoCodes => "no error code given".to_string(),
            Message::TooManyCodes { count, limit } => format!(
                "standard input holds {count} lines; explain takes at most {limit} codes at once"
            ),
            Message::CannotOpen { url, opener, error } => {
                format!("cannot open {url} with `{}`: {error}", visible(opener))
            }
            Message::NoPageForStatus(status) => {
                format!("HTTP {status} has no documentation page of its own")
            }
            Message::NoPageForClass(class) => {
                format!("the {class}xx statuses have no documentation page of their own")
            }
            Message::KeyAsArgument => {
                "a secret key is never taken as an argument: it would stay in ps and the shell history"
                    .to_string()
            }
            Message::KeyFileUnreadable {
                path: Some(path),
                error,
            } => format!(
                "cannot read the secret key file '{}': {error}",
                visible(&path.to_string_lossy())
            ),
            Message::KeyFileUnreadable { path: None, error } => format!(
                "cannot read the secret key file (its name looks like a key: not shown): {error}"
            ),
            Message::KeyPromptFailed(e) => format!("cannot read the secret key: {e}"),
            Message::SigcheckUnreadable { input, error } => read_error(input, error),
            Message::EmptyKey => "the secret key given is empty".to_string(),
            Message::UnreadableKeyLike(error) => match error {
                ReadError::Io(e) => format!(
                    "cannot read an input whose name looks like a secret key (not shown): {e}"
                ),
                _ => "an input whose name looks like a secret key (not shown) holds no response"
                    .to_string(),
            },
            Message::NoSignatureError => {
                "no SignatureDoesNotMatch response with the server's string to sign found".to_string()
            }
            Message::PastePrompt => {
                let keys = if cfg!(windows) {
                    "Ctrl-Z, then Enter"
                } else {
                    "Ctrl-D on an empty line"
                };
                format!("paste the response, then press {keys}")
            }
        }
    }

    /// What to do about it, when there is something to say.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Message::UnknownCode { suggestions, .. } if suggestions.is_empty() => {
                "try `obserr search <words>` or `obserr list`".to_string()
            }
            Message::UnknownCode { suggestions, .. } => {
                let names: Vec<&str> = suggestions.iter().map(|e| e.code).collect();
                format!("did you mean {}?", names.join(", "))
            }
            Message::Guessed { guess, .. } => format!(
                "did you mean {}? It is the only close code, so here it is",
                guess.code
            ),
            Message::NoSearchHits => "try fewer or other words, or `obserr list`".to_string(),
            // What is too big or a directory to decode is what scan reads.
            Message::Unreadable {
                error: ReadError::TooLarge,
                input: Input::Stdin,
            } => "cut the failing response out of the log first, or pipe the whole log to \
                `obserr scan`, which triages every error in it"
                .to_string(),
            Message::Unreadable {
                error: ReadError::TooLarge,
                input: Input::File(path),
            } => format!(
                "cut the failing response out of the log first, or triage every error in it \
                 with `obserr scan {}`",
                shell_word(&path.to_string_lossy())
            ),
            Message::Unreadable {
                error: ReadError::Io(e),
                input: Input::File(path),
            } if e.kind() == io::ErrorKind::IsADirectory => format!(
                "decode reads one response a file; to triage the logs in a directory, run \
                 `obserr scan {}`",
                shell_word(&path.to_string_lossy())
            ),
            Message::Unreadable {
                error: ReadError::Empty,
                ..
            } => "paste a response, or pipe one in: curl -si URL | obserr decode".to_string(),
            Message::NoResponse { .. } => "paste the error itself: the HTTP response, or the \
                message the SDK or tool printed with its status, code or request id"
                .to_string(),
            Message::ScanNoErrors {
                requests: 0,
                outside: 0,
            } => {
                "nothing read looked like a request: scan reads OBS access logs, obsutil logs and result lists, SDK log lines and curl captures".to_string()
            }
            Message::SharedCode { code, entries } => format!(
                "name the tool for one meaning: obserr explain {} {}",
                entries[0].tool().unwrap_or_default(),
                visible(code.trim())
            ),
            Message::BinaryCodes => "explain reads codes one a line; for a response or a log, \
                use `obserr decode` or `obserr scan`"
                .to_string(),
            Message::EmptyArgument => {
                "pass a code, a status or a pasted error line: obserr explain NoSuchKey".to_string()
            }
            Message::NoCodes => {
                "pass one (obserr explain NoSuchKey), or pipe them in, one a line (echo NoSuchKey | obserr explain)"
                    .to_string()
            }
            Message::TooManyCodes { .. } => {
                "for a whole response or log, use `obserr decode`".to_string()
            }
            Message::CannotOpen { .. } => {
                "set OBSERR_OPENER to a command that opens a web page".to_string()
            }
            Message::NoPageForStatus(status) => {
                format!("`obserr explain {status}` lists the codes that come with it")
            }
            Message::NoPageForClass(class) => {
                format!("`obserr explain {class}xx` lists their codes")
            }
            Message::KeyAsArgument | Message::UnreadableKeyLike(_) | Message::EmptyKey => {
                KEY_HINT.to_string()
            }
            Message::NoSignatureError
            | Message::SigcheckUnreadable {
                error: ReadError::Empty,
                ..
            } => SIGCHECK_INPUT_HINT.to_string(),
            Message::MergeVersion { .. } => {
                "scan the logs again with this obserr, then merge the new reports".to_string()
            }
            Message::MergeNotReport { .. } => {
                "merge what `obserr scan --json` wrote, one report a file".to_string()
            }
            Message::MergeMismatch { .. } => {
                "merge only reports scanned with the same --by, --since and --until".to_string()
            }
            _ => return None,
        })
    }

    /// What comes after `obserr: ` on the first line: `error: ` for an
    /// error, `note: ` for a note, nothing for what is neither (a prompt,
    /// what `explain --open` opens, a scan without errors).
    #[must_use]
    pub fn prefix(&self) -> &'static str {
        match self {
            Message::PastePrompt
            | Message::Opening { .. }
            | Message::ScanStdinPrompt
            | Message::ScanNoErrors { .. } => "",
            Message::ScanBinary { .. }
            | Message::ScanUntimed { .. }
            | Message::FollowMore { .. }
            | Message::ScanFailedDropped { .. }
            | Message::ScanCutShort { .. }
            | Message::ScanLongLines { .. }
            | Message::ScanInvalidUtf8 { .. }
            | Message::SharedCode { .. } => "note: ",
            _ => "error: ",
        }
    }

    /// Writes the message's lines (see [`Display`](#impl-Display-for-Message))
    /// with one write, so that it reaches a terminal whole.
    ///
    /// # Errors
    ///
    /// When `out` fails.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(self.to_string().as_bytes())
    }
}

/// The lines for stderr: `obserr: ` and the [`Message::prefix`], the
/// [`Message::error`] line, then `hint: ` and the [`Message::hint`] if it has one.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "obserr: {}{}", self.prefix(), self.error())?;
        match self.hint() {
            Some(hint) => writeln!(f, "hint: {hint}"),
            None => Ok(()),
        }
    }
}

/// Why `input` could not be read, in one line (no prefix).
#[must_use]
pub fn read_error(input: &Input, error: &ReadError) -> String {
    let name = match input {
        Input::Stdin => "standard input".to_string(),
        Input::File(path) => format!("'{}'", visible(&path.to_string_lossy())),
    };
    match error {
        ReadError::Io(e) => format!("cannot read {name}: {e}"),
        ReadError::TooLarge => format!(
            "{name} is larger than {} MiB; no single error response is that big",
            MAX_INPUT / 1024 / 1024
        ),
        ReadError::Empty => format!("{name} is empty"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_one_shape() {
        let nosuchkey = vec![crate::catalogue::lookup("NoSuchKey").unwrap()];
        let input = || Input::File("a\x1bb".into());
        for m in [
            Message::UnknownCode {
                token: "No\x1b[2JKey".into(),
                suggestions: nosuchkey.clone(),
            },
            Message::UnknownStatus(299),
            Message::EmptyList { by_source: true },
            Message::NoSearchHits,
            Message::Unreadable {
                input: input(),
                error: ReadError::Empty,
            },
            Message::NoResponse {
                input: Some(input()),
            },
            Message::CannotOpen {
                url: "https://x",
                opener: "open\x1b".into(),
                error: io::Error::other("gone"),
            },
            Message::NoPageForStatus(403),
            Message::NoCodes,
            Message::TooManyCodes {
                count: 5000,
                limit: 1000,
            },
            Message::Guessed {
                token: "NoSuchKy".into(),
                guess: nosuchkey[0],
            },
            Message::EmptyArgument,
            Message::BinaryCodes,
            Message::EmptyClass(2),
            Message::UnknownStatus(204),
            Message::KeyFileUnreadable {
                path: Some("k\x1b.txt".into()),
                error: io::Error::other("gone"),
            },
            Message::SigcheckUnreadable {
                input: Input::Stdin,
                error: ReadError::Empty,
            },
            Message::Unreadable {
                input: Input::File("logs dir".into()),
                error: ReadError::Io(io::Error::from(io::ErrorKind::IsADirectory)),
            },
        ] {
            let text = m.to_string();
            assert!(text.starts_with("obserr: error: "), "{text}");
            assert!(!text.contains('\x1b'), "{text}");
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines.len() == 1 || lines[1].starts_with("hint: "), "{text}");
            // The line after the prefix is the message's error, as data.
            assert_eq!(lines[0], format!("obserr: error: {}", m.error()));
        }
        let m = Message::UnknownCode {
            token: "x".into(),
            suggestions: nosuchkey,
        };
        assert!(m.to_string().ends_with("hint: did you mean NoSuchKey?\n"));
        assert!(Message::PastePrompt
            .to_string()
            .starts_with("obserr: paste"));
        // What decode cannot read but scan can is pointed to scan, the path
        // quoted for a shell when it needs it.
        let text = Message::Unreadable {
            input: Input::File("logs dir".into()),
            error: ReadError::Io(io::Error::from(io::ErrorKind::IsADirectory)),
        }
        .to_string();
        assert!(text.contains("run `obserr scan 'logs dir'`"), "{text}");
        let stdin_empty = Message::SigcheckUnreadable {
            input: Input::Stdin,
            error: ReadError::Empty,
        };
        assert!(stdin_empty.to_string().contains("| obserr sigcheck"));
        let note = Message::SharedCode {
            code: "obs.0012".into(),
            entries: crate::catalogue::lookup_all("Obs.0012"),
        }
        .to_string();
        assert!(
            note.starts_with("obserr: note: obs.0012 is a code of 2 tools"),
            "{note}"
        );
    }

    #[test]
    fn write_writes_the_displayed_lines() {
        let mut out = Vec::new();
        Message::NoSearchHits.write(&mut out).unwrap();
        assert_eq!(out, Message::NoSearchHits.to_string().as_bytes());
    }
}
