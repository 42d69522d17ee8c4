//! obserr explains Huawei Cloud / Open Telekom Cloud OBS (Object Storage
//! Service) errors: what a code means, why it happens, what to do, whether to
//! retry, and which request id to give support. Offline: the catalogue is
//! compiled in.
//!
//! Data flows one way: bytes are [`decode`]d into [`Response`]s,
//! [`diagnose`]d against the catalogue into [`Diagnosis`]es (typed
//! [`Hint`]s, no sentences), and written only by the printers, [`Human`] for
//! people and [`Json`] for scripts. The library never prints and never opens
//! a file: the caller reads the bytes and decides where the output goes.
//!
//! ```
//! use obserr::{decode, diagnose, Human, Style};
//!
//! let d = diagnose(decode(
//!     b"HTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>AccessDenied</Code></Error>",
//! ));
//! assert_eq!(d.entry.map(|e| e.code), Some("AccessDenied"));
//! let mut text = Vec::new();
//! Human::new(&Style::default()).diagnosis(&mut text, &d).unwrap();
//! assert!(String::from_utf8(text).unwrap().starts_with("AccessDenied  403 Forbidden"));
//! ```
//!
//! The entry points, by what they answer:
//! - **One code**: [`lookup`], [`suggest`] for a typo, [`explain`] for any
//!   argument a user types (a code, a status, a pasted line), [`list`] and
//!   [`search`] over the whole catalogue ([`entries`]).
//! - **A pasted error**: [`decode`] (one response) or [`decode_all`] (every
//!   response of a paste), then [`diagnose`]; [`Decoded`] does both for one
//!   named input.
//! - **A log**: [`scan_bytes`], or a [`Scanner`] fed from readers and files,
//!   into a [`Report`]; reports of parts of a log [`merge`].
//! - **A signature mismatch**: [`check_signature`], with or without the
//!   [`SecretKey`].
//! - **How a run ends**: [`Outcome`] (0 found, 1 nothing found, 2 input
//!   error).
//!
//! The command line (its clap definition, completion scripts and man page)
//! belongs to the `obserr` binary and its default `cli` feature; a library
//! user can turn that off and build no clap.
#![warn(missing_docs)]
// clippy::pedantic is clean but for these, each allowed for a reason:
// search and suggestion scores divide counts that stay far below 2^52;
#![allow(clippy::cast_precision_loss)]
// sentences are built once per run, and write! to a String would add an unwrap per line;
#![allow(clippy::format_push_string)]
// the only errors renderers return are those of the io::Write the caller passes in.
#![allow(clippy::missing_errors_doc)]

mod catalogue;
mod decode;
mod decoded;
mod diagnose;
mod outcome;
mod query;
mod render;
mod sanitize;
mod scan;
mod search;
mod sigcheck;
mod text;
mod timestamp;

pub use catalogue::{
    entries, list, lookup, suggest, BadStatusFilter, Cause, Entry, Kind, ListFilter, Retry, Source,
    StatusFilter, StatusInfo,
};
pub use decode::{decode, decode_all, Body, Framing, Request, Response};
pub use decoded::{Decoded, Input, ReadError};
pub use diagnose::{diagnose, Diagnosis, Hint, Next};
pub use outcome::Outcome;
pub use query::{explain, Explained};
pub use render::{Human, Json, Message, Style};
pub use sanitize::visible;
pub use scan::{
    merge, scan_bytes, By, Feed, Group, InputReport, LogFinding, LogRecord, Progress, Report,
    ScanOptions, Scanner, State, Tail,
};
pub use search::{search, Hit};
pub use sigcheck::{
    check_inputs as check_signature, Difference, SecretKey, SignatureCheck, SignatureFinding,
    Verdict,
};

/// What obserr's own tests, fuzz targets, benchmarks and shell completions
/// reach beyond the stated API: hidden from the documentation, and free to
/// change in any release.
#[doc(hidden)]
pub mod internals;
