//! What to do about a message, when there is something to say: the
//! `hint: ` line under it.

use super::variants::Message;
use crate::decoded::{Input, ReadError};
use crate::render::names::shell_word;
use crate::sanitize::visible;
use std::io;

/// How to give `sigcheck` a key safely.
const KEY_HINT: &str = "set OBS_SECRET_ACCESS_KEY, or use --secret-key-file FILE, or run on a terminal to be asked for it without echo";

/// What `sigcheck` reads, as a hint.
const SIGCHECK_INPUT_HINT: &str =
    "pass the whole exchange: curl -v URL 2>&1 | obserr sigcheck (for another error, obserr decode)";

impl Message {
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
}
