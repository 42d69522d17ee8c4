//! `scan --failed-objects`: the objects of failed requests, to retry them.

use crate::sanitize::visible;
use crate::scan::Report;
use std::io::{self, Write};

/// `scan --failed-objects`: `obs://bucket/key`, one a line, in first-seen
/// order. A key is written as the log holds it; one with a control
/// character or a line break is made visible (it could not be fed to a
/// re-run as one line anyway).
pub fn failed_objects(out: &mut impl Write, r: &Report) -> io::Result<()> {
    for (bucket, key) in &r.failed_objects {
        writeln!(out, "obs://{}/{}", visible(bucket), visible(key))?;
    }
    Ok(())
}

/// `scan --failed-objects --json`: the same, as a JSON array of strings
/// (JSON escapes what needs it; nothing is replaced).
#[must_use]
pub fn failed_urls(r: &Report) -> Vec<String> {
    r.failed_objects
        .iter()
        .map(|(bucket, key)| format!("obs://{bucket}/{key}"))
        .collect()
}
