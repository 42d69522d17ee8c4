//! Hooks for obserr's own tests, fuzz targets and benchmarks: pieces of the
//! readers and renderers they exercise one at a time. Hidden from the
//! documentation and outside the stated API (the crate root): any release
//! may change them.

pub use crate::catalogue::{
    by_status, lookup_all, lookup_tool, sources, status_info, CauseSourceKind,
};
pub use crate::decode::{
    binary_at, is_catalogue_key, is_catalogued_code, may_hold_error, record_spans, MAX_RESPONSES,
};
pub use crate::query::{resolve, Resolved};
pub use crate::render::hooks::*;
pub use crate::sanitize::is_unsafe;
pub use crate::scan::input::MAX_LINE;
pub use crate::scan::{access, other, Dimension, Mapping, Mismatch, FORMAT};
pub use crate::sigcheck::{canon, check, parse, server_string, ClientSource, Component, Scheme};
