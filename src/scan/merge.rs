//! `scan --merge`: the states of reports `scan --json` wrote (read back by
//! `render::scan`, which owns the format) merged in order into the report of
//! the whole ([`merge`]).

use super::report::{InputReport, Report};
use super::state::{Mismatch, State};

/// Merges the reports of consecutive parts of a log, in order, into the
/// report of the whole (`scan --merge`): their inputs one after the other,
/// their states merged. `None` when `parts` is empty.
///
/// # Errors
///
/// When two parts were not made with the same `--by` and window.
///
/// ```
/// use obserr::{merge, scan_bytes, By, ScanOptions};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let part = |by| { let r = scan_bytes(log.as_bytes(), ScanOptions { by, ..ScanOptions::default() }); (r.inputs, r.state) };
/// let whole = merge(vec![part(By::Code), part(By::Code)]).unwrap().unwrap();
/// assert_eq!((whole.inputs.len(), whole.requests, whole.groups[0].count), (2, 2, 2));
/// assert!(merge(vec![part(By::Code), part(By::Bucket)]).is_err());
/// assert!(merge(Vec::new()).unwrap().is_none());
/// ```
pub fn merge(parts: Vec<(Vec<InputReport>, State)>) -> Result<Option<Report>, Mismatch> {
    let Some((_, first)) = parts.first() else {
        return Ok(None);
    };
    let mut state = first.empty();
    let mut inputs = Vec::new();
    for (more, part) in parts {
        state.merge(&part)?;
        inputs.extend(more);
    }
    Ok(Some(Report::new(inputs, state)))
}
