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
