//! Machine-readable output: typed `Serialize` structs whose declaration order
//! is the key order. Shapes are documented in GUIDE.md; they never carry
//! colour, and `serde_json` escapes every control character.
//!
//! Here: the writer ([`write()`], [`write_line`]), a catalogue entry as every
//! command prints it ([`EntryJson`]), what `explain`, `list` and `search`
//! print, and the error object of a run that failed. Each command's own
//! shapes are beside its renderer (`diagnosis`, `scan`, `sigcheck`).

mod entry;
mod error;
mod lookup;
mod write;

pub use entry::{CauseJson, EntryJson};
pub use error::ErrorJson;
pub use lookup::{ExplainedJson, HitJson, StatusJson, UnknownJson};
pub use write::{write, write_line};
