//! The shapes and single renderers behind the printers, for obserr's own
//! tests and fuzz targets (re-exported, hidden, as `obserr::internals`).

pub use super::diagnosis::{human as diagnosis_human, human_verbose as diagnosis_verbose};
pub use super::diagnosis::{ResponseJson, SHORT_LINES};
pub use super::json::{write as write_json, EntryJson, HitJson, StatusJson, UnknownJson};
pub use super::scan::{read_report, utc, LogFindingJson, PartError, ScanJson};
pub use super::sigcheck::SigcheckJson;
