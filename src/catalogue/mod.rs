//! The embedded catalogue of OBS error codes: its types, exact lookup (any case,
//! aliases), filters by status or class, "did you mean" suggestions, and what
//! a client and the official SDKs do about retrying.
//!
//! The data itself is `data/*.json`, validated and turned into statics by
//! `build.rs`; nothing is parsed at run time. Each child has one job, and the
//! [`Entry`] methods that need more than the entry sit with that job:
//!
//! - `entry`: [`Entry`] and the types of its fields, and what an entry says
//!   about itself (its tool, primary row, cause for a message);
//! - `data`: the generated statics, [`entries`], [`sources`], [`updated`];
//! - `lookup`: [`lookup`], [`lookup_all`], [`lookup_tool`], [`status_info`],
//!   [`reason`] (and [`Entry::reason`]);
//! - `filter`: `list`'s filters, [`by_status`] (and [`Entry::has_status`]);
//! - `suggest`: [`suggest`] and `Entry::completion_words`;
//! - [`retry`]: [`Retry`] advice ([`Entry::retry`]) and what each SDK
//!   retries by itself ([`Entry::sdk_retries`]); `sdk`: the [`Sdk`]s.
//!
//! Children import their siblings, never this file; the graph is
//! `sdk <- entry <- data <- lookup <- filter, suggest` and `retry -> entry,
//! sdk`.

mod data;
mod entry;
mod filter;
mod lookup;
pub mod retry;
mod sdk;
mod suggest;

pub(crate) use data::VOCAB;
pub use data::{entries, sources, Term};
pub use entry::{
    Cause, CauseSource, CauseSourceKind, Check, Documented, Entry, Kind, Source, SourceKind,
    StatusInfo, TOOL_WORDS,
};
pub use filter::{by_status, list, BadStatusFilter, ListFilter, StatusFilter};
pub use lookup::{lookup, lookup_all, lookup_tool, reason, status_info};
pub use retry::Retry;
pub use sdk::Sdk;
pub use suggest::suggest;
