//! `scan --merge`: reports `scan --json` wrote, read back ([`read_report`])
//! and merged in order into the report of the whole ([`merge`]).

use super::report::{InputReport, Report};
use super::state::{Mismatch, State, FORMAT};
use super::timeline::minute_in_range;
use serde::Deserialize;

/// Why a file cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartError {
    /// Not a `scan --json` report: what the JSON reader said.
    NotReport(String),
    /// A report of another [`FORMAT`] (0: one without, written before
    /// reports merged).
    Version(u32),
}

/// Reads a `scan --json` report back: its inputs and its state.
///
/// # Errors
///
/// When it is not such a report, or one of another [`FORMAT`].
pub fn read_report(bytes: &[u8]) -> Result<(Vec<InputReport>, State), PartError> {
    // The version first, alone: another version's state may not parse.
    #[derive(Deserialize)]
    struct Head {
        format: Option<u32>,
        groups: Option<serde::de::IgnoredAny>,
    }
    #[derive(Deserialize)]
    struct Part {
        inputs: Vec<InputReport>,
        state: State,
    }
    let why = |e: serde_json::Error| {
        PartError::NotReport(match e.classify() {
            serde_json::error::Category::Data => "JSON of another shape".to_string(),
            _ => format!("not JSON at line {}, column {}", e.line(), e.column()),
        })
    };
    let head: Head = serde_json::from_slice(bytes).map_err(why)?;
    match (head.format, head.groups) {
        (Some(FORMAT), _) => {}
        (Some(other), _) => return Err(PartError::Version(other)),
        (None, Some(_)) => return Err(PartError::Version(0)),
        (None, None) => return Err(PartError::NotReport("JSON of another shape".into())),
    }
    let part: Part = serde_json::from_slice(bytes).map_err(why)?;
    let state = part.state;
    if !(state.minutes.keys().all(|m| minute_in_range(*m)) && state.evidence.minutes_in_range()) {
        return Err(PartError::NotReport("a minute out of range".into()));
    }
    Ok((part.inputs, state))
}

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
