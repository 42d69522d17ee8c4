//! obserr: explains Huawei Cloud / Open Telekom Cloud OBS error codes and
//! turns pasted OBS error responses into a diagnosis.
//!
//! The library holds the embedded catalogue ([`catalogue`]), the search over it
//! ([`search`]), the reading of user arguments ([`query`]), the decoding of
//! pasted responses ([`decode`]) and their diagnosis ([`diagnose`]), and pure
//! renderers ([`render`]) that write into any `io::Write`. The command line
//! ([`cli`]) is declared here too, so that the completion scripts and the man
//! page ([`assets`]) are generated from it by pure functions. Data flows one way:
//! bytes -> [`decode::Response`] -> [`diagnose::Diagnosis`] -> render. It never
//! prints: the `obserr` binary decides where output goes.

pub mod assets;
pub mod catalogue;
pub mod cli;
pub mod decode;
pub mod diagnose;
pub mod query;
pub mod render;
pub mod sanitize;
pub mod scan;
pub mod search;
pub mod text;
pub mod timestamp;

pub use catalogue::{lookup, Entry};
