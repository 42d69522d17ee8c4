//! obserr: explains Huawei Cloud / Open Telekom Cloud OBS error codes and
//! turns pasted OBS error responses into a diagnosis.
//!
//! Data flows one way: bytes -> [`decode::Response`] ->
//! [`diagnose::Diagnosis`] (typed [`diagnose::Hint`]s) -> [`render`], the
//! only place where words are written. The library holds the embedded
//! [`catalogue`], the [`search`] over it, the reading of user arguments
//! and what each `explain` argument names ([`query`]), the diagnoses of one
//! named input ([`decoded`]) and how a run ends ([`Outcome`]). It never
//! prints and never reads a file by itself: the `obserr` binary decides where
//! bytes come from and go.
//!
//! ```
//! let d = obserr::diagnose::diagnose(obserr::decode::decode(
//!     b"HTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>AccessDenied</Code></Error>",
//! ));
//! assert_eq!(d.entry.map(|e| e.code), Some("AccessDenied"));
//! let mut text = Vec::new();
//! obserr::render::diagnosis::human(&mut text, &obserr::render::Style::default(), &d).unwrap();
//! assert!(String::from_utf8(text).unwrap().starts_with("AccessDenied  403 Forbidden"));
//! ```
//!
//! The command line itself (its clap definition, the completion scripts and
//! the man page) belongs to the `obserr` binary, which needs the default
//! `cli` feature; a library user can turn it off and not build clap.
#![warn(missing_docs)]
// clippy::pedantic is clean but for these, each allowed for a reason:
// search and suggestion scores divide counts that stay far below 2^52;
#![allow(clippy::cast_precision_loss)]
// sentences are built once per run, and write! to a String would add an unwrap per line;
#![allow(clippy::format_push_string)]
// the only errors renderers return are those of the io::Write the caller passes in.
#![allow(clippy::missing_errors_doc)]

pub mod catalogue;
pub mod decode;
pub mod decoded;
pub mod diagnose;
mod outcome;
pub mod query;
pub mod render;
pub mod sanitize;
pub mod scan;
pub mod search;
pub mod sigcheck;
pub(crate) mod text;
pub(crate) mod timestamp;

pub use catalogue::retry;
pub use catalogue::{lookup, Entry};
pub use outcome::Outcome;
