//! What each command computes, as data: the entries `list` shows, what each
//! `explain` argument names, and the diagnoses of every `decode` input. No
//! I/O beyond the reader a caller hands in, and no words: the binary reads
//! files and the terminal, [`crate::render`] writes the results.

use crate::catalogue::{self, Entry, StatusFilter, StatusInfo};
use crate::decode;
use crate::diagnose::{self, Diagnosis};
use crate::query::{self, Resolved};
use crate::Outcome;
use std::io::{self, Read};
use std::path::PathBuf;

/// `list`: the catalogued entries that match every filter set (all entries
/// when none is), in catalogue order.
///
/// ```
/// use obserr::catalogue::{Kind, ListFilter};
///
/// let all = obserr::command::list(&ListFilter::default());
/// let statuses = ["403".parse().unwrap()];
/// let forbidden = obserr::command::list(&ListFilter { status: &statuses, ..ListFilter::default() });
/// assert!(forbidden.len() < all.len());
/// assert!(forbidden.iter().any(|e| e.code == "AccessDenied"));
/// let tools = obserr::command::list(&ListFilter { kind: Some(Kind::Tool), ..ListFilter::default() });
/// assert!(tools.iter().all(|e| e.kind == Kind::Tool));
/// ```
#[must_use]
pub fn list(filter: &catalogue::ListFilter) -> Vec<&'static Entry> {
    catalogue::entries()
        .iter()
        .filter(|e| filter.matches(e))
        .collect()
}

/// What one `explain` argument turned out to name.
#[derive(Debug)]
pub enum Explained {
    /// A catalogued code.
    Code(&'static Entry),
    /// A code two tools use with different meanings (`Obs.0012`).
    Shared {
        /// The argument(s) as given.
        input: String,
        /// Every entry it names, one per tool.
        entries: Vec<&'static Entry>,
    },
    /// A bare HTTP status the catalogue knows, and its codes.
    Status {
        /// The status.
        status: u16,
        /// What it means for OBS, when the catalogue says.
        info: Option<&'static StatusInfo>,
        /// The catalogued codes documented with it.
        codes: Vec<&'static Entry>,
    },
    /// A class of statuses (`4xx`) and the catalogued codes in it.
    Class {
        /// The class.
        class: StatusFilter,
        /// The codes with a documented status in it, in catalogue order.
        codes: Vec<&'static Entry>,
    },
    /// A status no table documents.
    UnknownStatus {
        /// The argument as given.
        input: String,
        /// The status.
        status: u16,
    },
    /// Nothing catalogued.
    Unknown {
        /// The argument as given.
        input: String,
        /// The part of it that looked like a code.
        token: String,
        /// The nearest catalogued codes, best first.
        suggestions: Vec<&'static Entry>,
    },
}

impl Explained {
    /// Found for a code or a known status; nothing found otherwise.
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        match self {
            Explained::Code(_) | Explained::Shared { .. } | Explained::Status { .. } => {
                Outcome::Found
            }
            Explained::Class { codes, .. } if !codes.is_empty() => Outcome::Found,
            Explained::Class { .. }
            | Explained::UnknownStatus { .. }
            | Explained::Unknown { .. } => Outcome::NothingFound,
        }
    }
}

/// `explain`: what each argument names, in order.
///
/// ```
/// use obserr::command::{explain, Explained};
///
/// let out = explain(&["nosuchkey", "403", "NoSuchKy"]);
/// assert!(matches!(out[0], Explained::Code(e) if e.code == "NoSuchKey"));
/// assert!(matches!(out[1], Explained::Status { status: 403, .. }));
/// assert!(matches!(&out[2], Explained::Unknown { suggestions, .. } if suggestions[0].code == "NoSuchKey"));
/// ```
///
/// A tool's name and the argument after it are one code:
///
/// ```
/// use obserr::command::{explain, Explained};
///
/// let out = explain(&["obsutil", "255", "Obs.0012"]);
/// assert!(matches!(out[0], Explained::Code(e) if e.code == "obsutil -1"));
/// assert!(matches!(&out[1], Explained::Shared { entries, .. } if entries.len() == 2));
/// ```
pub fn explain(args: &[impl AsRef<str>]) -> Vec<Explained> {
    let args: Vec<String> = args.iter().map(|a| a.as_ref().to_string()).collect();
    query::resolve_args(&args)
        .into_iter()
        .map(|(arg, resolved)| explained(&arg, resolved))
        .collect()
}

fn explained(arg: &str, resolved: Resolved) -> Explained {
    match resolved {
        Resolved::Code(entry) => Explained::Code(entry),
        Resolved::Shared(entries) => Explained::Shared {
            input: arg.to_string(),
            entries,
        },
        Resolved::Status(status) => {
            let info = catalogue::status_info(status);
            let codes: Vec<&Entry> = catalogue::by_status(StatusFilter::Exact(status)).collect();
            if info.is_none() && codes.is_empty() {
                Explained::UnknownStatus {
                    input: arg.to_string(),
                    status,
                }
            } else {
                Explained::Status {
                    status,
                    info,
                    codes,
                }
            }
        }
        Resolved::Class(class) => Explained::Class {
            class,
            codes: catalogue::by_status(class).collect(),
        },
        Resolved::Unknown { token, suggestions } => Explained::Unknown {
            input: arg.to_string(),
            token,
            suggestions,
        },
    }
}

/// The most codes `explain` reads from standard input: each unknown one costs
/// a search for suggestions, so a stray file piped in ends with an error, not
/// minutes later.
pub const MAX_STDIN_CODES: usize = 1000;

/// `explain`'s arguments read from standard input: one a line, trimmed, blank
/// lines skipped, invalid UTF-8 replaced.
///
/// ```
/// let codes = obserr::command::codes_from(b"NoSuchKey\r\n\n  error code [SlowDown]  \n");
/// assert_eq!(codes, ["NoSuchKey", "error code [SlowDown]"]);
/// ```
#[must_use]
pub fn codes_from(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The most `decode` reads from one input: one response is far smaller, and
/// memory stays bounded whatever is piped in.
pub const MAX_INPUT: u64 = 8 * 1024 * 1024;

/// Where a `decode` input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (no argument, or `-`).
    Stdin,
    /// A file, as named on the command line.
    File(PathBuf),
}

impl Input {
    /// The inputs a `decode` command line names: standard input without
    /// arguments, and `-` among them.
    #[must_use]
    pub fn from_args(files: &[PathBuf]) -> Vec<Input> {
        if files.is_empty() {
            return vec![Input::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(f.clone())
                }
            })
            .collect()
    }

    /// The name JSON gives it: the file name as given (lossy UTF-8), or `-`.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.to_string_lossy().into_owned(),
        }
    }
}

/// Why an input could not be decoded.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system could not read it.
    Io(io::Error),
    /// It is larger than [`MAX_INPUT`].
    TooLarge,
    /// It holds nothing but white space.
    Empty,
}

/// Reads at most `cap` bytes; one byte more means the input is too large, and
/// the rest is never read.
///
/// # Errors
///
/// [`ReadError::Io`] when reading fails, [`ReadError::TooLarge`] past `cap`,
/// [`ReadError::Empty`] for nothing but white space.
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

/// One `decode` input and what came of it: a diagnosis per response it
/// holds, or why it could not be read.
#[derive(Debug)]
pub struct Decoded {
    /// Where it came from.
    pub input: Input,
    /// Its diagnoses, in the order of the responses, or the read error.
    pub result: Result<Vec<Diagnosis>, ReadError>,
}

impl Decoded {
    /// Decodes and diagnoses one input's bytes (or passes its read error on).
    #[must_use]
    pub fn new(input: Input, bytes: Result<Vec<u8>, ReadError>) -> Decoded {
        let name = match &input {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.to_string_lossy().into_owned(),
        };
        let result = bytes.map(|b| {
            decode::decode_all(&b)
                .into_iter()
                .map(|r| {
                    let mut d = diagnose::diagnose(r);
                    // sigcheck reads the same input: name it as given.
                    if let diagnose::Next::Sigcheck(input) = &mut d.next {
                        *input = Some(name.clone());
                    }
                    d
                })
                .collect()
        });
        Decoded { input, result }
    }

    /// An input error when unreadable; else found only when every response
    /// named a catalogued code.
    pub fn outcome(&self) -> Outcome {
        match &self.result {
            Err(_) => Outcome::InputError,
            Ok(ds) if ds.is_empty() => Outcome::NothingFound,
            Ok(ds) => Outcome::of_all(ds.iter().map(Diagnosis::outcome)),
        }
    }

    /// Whether the input was read but held no recognisable response at all.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.result.as_ref().is_ok_and(Vec::is_empty)
    }
}

/// `decode`: each input is read (by `read`, in order, so that a prompt for
/// standard input comes when it is its turn), decoded and diagnosed.
///
/// ```
/// use obserr::command::{decode_inputs, Input};
/// use obserr::Outcome;
///
/// let got = decode_inputs(vec![Input::Stdin], |_| Ok(b"<Error><Code>NoSuchKey</Code></Error>".to_vec()));
/// assert_eq!(Outcome::of_all(got.iter().map(|d| d.outcome())), Outcome::Found);
/// ```
pub fn decode_inputs(
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
