//! obserr: explains Huawei Cloud / Open Telekom Cloud OBS error codes and
//! turns pasted OBS error responses into a diagnosis.
//!
//! The library holds the embedded catalogue ([`catalogue`]), the search over it
//! ([`search`]), the reading of user arguments ([`query`]) and pure renderers
//! ([`render`]) that write into any `io::Write`. It never prints: the `obserr`
//! binary decides where output goes.

pub mod catalogue;
pub mod query;
pub mod render;
pub mod sanitize;
pub mod search;
pub mod text;

pub use catalogue::{lookup, Entry};
