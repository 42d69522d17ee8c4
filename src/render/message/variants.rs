//! The [`Message`] type: one variant for each thing obserr tells the user
//! on stderr, owning what it names (an argument, a file name, an error), so
//! that it is written only when the run's output is; and how its lines are
//! put together ([`Message::prefix`], `Display`).

use crate::catalogue::Entry;
use crate::decoded::{Input, ReadError};
use std::fmt;
use std::io::{self, Write};

/// Something obserr tells the user on stderr: an error, a note or a prompt,
/// with a hint where one helps. The caller makes one (or gets it from
/// [`Message::scan_notes`] and [`Json::read_report`](crate::Json::read_report))
/// and writes it where it likes; `Display` gives the lines,
/// [`Json::error`](crate::Json::error) the JSON.
///
/// ```
/// use obserr::Message;
///
/// let m = Message::NoResponse { input: None };
/// assert_eq!(m.prefix(), "error: ");
/// assert_eq!(m.error(), "no OBS error response found");
/// assert!(m.to_string().starts_with("obserr: error: no OBS error response found\nhint: paste the error itself"));
/// ```
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
    /// The command line was refused: the argument parser's error, on one
    /// line (made visible). The binary prints the parser's own text with its
    /// usage lines; this is what `--json` says of it.
    Refused(String),
}

impl Message {
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
