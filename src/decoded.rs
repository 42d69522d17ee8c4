//! The diagnoses of one named input: where a paste came from ([`Input`]),
//! what [`crate::decode`] and [`crate::diagnose`] made of its bytes, or why
//! it could not be read ([`ReadError`]). The caller reads the bytes (the
//! library does no I/O); [`crate::render::diagnosis`] writes the result.
//!
//! ```
//! use obserr::{Decoded, Input, Outcome};
//!
//! let bytes = b"<Error><Code>NoSuchKey</Code></Error>".to_vec();
//! let decoded = Decoded::new(Input::Stdin, Ok(bytes));
//! assert_eq!(decoded.outcome(), Outcome::Found);
//! ```

use crate::decode;
use crate::diagnose::{self, Diagnosis};
use crate::outcome::Outcome;
use std::io;
use std::path::PathBuf;

/// The most `decode` reads from one input: one response is far smaller, and
/// memory stays bounded whatever is piped in.
pub const MAX_INPUT: u64 = 8 * 1024 * 1024;

/// Where a `decode` input comes from: standard input or a named file. The
/// caller reads the bytes; the input names them in messages and JSON
/// ([`Input::name`]).
///
/// ```
/// use obserr::Input;
///
/// assert_eq!(Input::Stdin.name(), "-");
/// assert_eq!(Input::File("capture.txt".into()).name(), "capture.txt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (no argument, or `-`).
    Stdin,
    /// A file, as named on the command line.
    File(PathBuf),
}

impl Input {
    /// The most `decode` reads from one input (`MAX_INPUT`).
    pub const MAX_BYTES: u64 = MAX_INPUT;

    /// Where binary data starts in bytes read from an input, if they hold
    /// any: decode reads text before it and stops there, and a list of codes
    /// piped to `explain` is refused.
    ///
    /// ```
    /// use obserr::Input;
    ///
    /// assert_eq!(Input::binary_at(b"NoSuchKey\n"), None);
    /// assert_eq!(Input::binary_at(b"PK\x03\x04\x00\x00"), Some(4));
    /// ```
    #[must_use]
    pub fn binary_at(bytes: &[u8]) -> Option<usize> {
        decode::binary_at(bytes)
    }

    /// The inputs a `decode` command line names: standard input without
    /// arguments, and `-` among them.
    ///
    /// ```
    /// use obserr::Input;
    /// use std::path::PathBuf;
    ///
    /// assert_eq!(Input::from_args(&[]), [Input::Stdin]);
    /// let named = Input::from_args(&[PathBuf::from("a.txt"), PathBuf::from("-")]);
    /// assert_eq!(named, [Input::File("a.txt".into()), Input::Stdin]);
    /// ```
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

/// Why an input could not be decoded: the caller reads the bytes and, when
/// that fails, passes the reason to [`Decoded::new`], which reports an input
/// error (exit status 2) and a [`Message`](crate::Message) that says so.
///
/// ```
/// use obserr::{Decoded, Input, Message, Outcome, ReadError};
///
/// let bytes = std::fs::read("/nonexistent/capture.txt").map_err(ReadError::Io);
/// assert!(matches!(bytes, Err(ReadError::Io(_))));
/// let d = Decoded::new(Input::File("capture.txt".into()), Err(ReadError::Empty));
/// assert_eq!(d.outcome(), Outcome::InputError);
/// let m = Message::Unreadable { input: d.input, error: ReadError::Empty };
/// assert_eq!(m.error(), "'capture.txt' is empty");
/// ```
#[derive(Debug)]
pub enum ReadError {
    /// The operating system could not read it.
    Io(io::Error),
    /// It is larger than `MAX_INPUT`.
    TooLarge,
    /// It holds nothing but white space.
    Empty,
}

/// One `decode` input and what came of it: a diagnosis per response it
/// holds, or why it could not be read. What `obserr decode` computes for each
/// input, and what [`Human::decoded`](crate::Human::decoded) and
/// [`Json::decoded`](crate::Json::decoded) print.
///
/// ```
/// use obserr::{Decoded, Input, Outcome};
///
/// let paste = b"<Error><Code>NoSuchKey</Code><RequestId>0000018C0650265B41EC8BDC</RequestId></Error>";
/// let d = Decoded::new(Input::File("capture.txt".into()), Ok(paste.to_vec()));
/// let diagnoses = d.result.as_ref().unwrap();
/// assert_eq!(diagnoses[0].entry.unwrap().code, "NoSuchKey");
/// assert_eq!(d.outcome(), Outcome::Found);
/// assert!(Decoded::new(Input::Stdin, Ok(b"hello".to_vec())).is_blank());
/// ```
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
        let name = input.name();
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
    #[must_use]
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
