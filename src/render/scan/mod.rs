//! `obserr scan`'s output: a summary a person reads in ten seconds (totals,
//! findings, the groups most frequent first with what to do), a per-minute
//! timeline on a terminal, the notes about skipped input for stderr, the
//! lines of `--follow`, and the `--json` document with the state `--merge`
//! reads back. Every string from the log is made visible before it is
//! written.

mod failed;
mod finding;
mod follow;
mod format;
mod group;
mod notes;
mod read;
mod report;
mod state;
mod summary;

pub use failed::{failed_objects, failed_urls};
pub use follow::{follow_line, live, FollowJson, CLEAR};
pub use format::utc;
pub use notes::messages;
pub use read::{read_report, PartError};
pub use report::{LogFindingJson, ScanJson};
pub use summary::human;
