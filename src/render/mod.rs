//! Every byte obserr writes to stdout is produced here, into any `io::Write`.
//! Renderers are pure: the colour decision and the terminal width are values
//! passed in ([`Style`]), never looked up, so output can be compared exactly.
//!
//! One module per command's output: [`human`] (`explain`, `list`, `search`),
//! [`diagnosis`] (`decode`), [`scan`], [`sigcheck`], and [`message`] (every
//! line on stderr). [`json`] writes JSON and holds the catalogue's shapes;
//! every JSON shape obserr writes (and the `scan --json` report it reads back
//! for `--merge`) is declared in this module's files, never on the domain
//! types.

pub mod diagnosis;
mod entry_words;
pub mod human;
pub mod json;
mod layout;
pub mod message;
mod names;
pub mod scan;
pub mod sigcheck;
mod style;

pub use entry_words::{cause_source_kind_tag, cause_source_tag, retry_advice};
pub use layout::columns;
pub use message::Message;
pub use style::Style;
