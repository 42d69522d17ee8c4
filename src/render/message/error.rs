//! What went wrong, in one line: the text after `obserr: error: ` (or
//! `note: `), which a usage error's JSON object carries too. Text from
//! outside (an argument, a file name) is made visible first.

use super::variants::Message;
use crate::decoded::{Input, ReadError, MAX_INPUT};
use crate::render::names::input_name;
use crate::sanitize::visible;

/// How much of an unknown argument the error message echoes.
const ECHO_CHARS: usize = 80;

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
    /// The line after `obserr: error: ` (or `note: `): what went wrong, as
    /// data; a usage error's JSON object carries it as its `error`.
    #[must_use]
    // One arm per message: the table reads best whole.
    #[allow(clippy::too_many_lines)]
    pub fn error(&self) -> String {
        match self {
            Message::Refused(error) => visible(error).into_owned(),
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
