//! Every byte obserr writes to stdout is produced here, into any `io::Write`.
//! Renderers are pure: the colour decision and the terminal width are values
//! passed in ([`Style`]), never looked up, so output can be compared exactly.
//!
//! Callers use two printers ([`Human`], [`Json`]) and [`Message`] (every
//! line on stderr). Behind them, one module per command's output: `human`
//! (`explain`, `list`, `search`), `diagnosis` (`decode`), `scan`,
//! `sigcheck`; `json` writes JSON and holds the catalogue's shapes;
//! every JSON shape obserr writes (and the `scan --json` report it reads back
//! for `--merge`) is declared in this module's files, never on the domain
//! types.

mod diagnosis;
mod entry_words;
pub mod hooks;
mod human;
mod json;
mod layout;
mod message;
mod names;
mod printers;
mod scan;
mod sigcheck;
mod style;
#[cfg(test)]
mod testing;

pub use message::Message;
pub use printers::{Human, Json};
pub use style::Style;
