//! Human-readable output: entries, statuses, lists and search results, in
//! colour when [`Style::color`] says so, fitted to [`Style::width`] when set.
//!
//! [`Style::color`]: crate::render::Style::color
//! [`Style::width`]: crate::render::Style::width

mod entry;
mod label;
mod list;
mod status;

pub use entry::{entry, solution};
pub use list::{hits, list};
pub use status::status;
