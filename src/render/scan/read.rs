//! `scan --merge` reads back what `scan --json` wrote: a report's inputs and
//! its [`State`], in the shapes [`super::report`] and [`super::state`]
//! declare.

use super::report::InputJson;
use super::state::StateJson;
use crate::scan::{minute_in_range, InputReport, State, FORMAT};
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

/// Reads a `scan --json` report back: its inputs and its state, as
/// [`crate::scan::merge`] takes them.
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
        inputs: Vec<InputJson>,
        state: StateJson,
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
    let state = State::from(part.state);
    if !(state.minutes.keys().all(|m| minute_in_range(*m)) && state.evidence.minutes_in_range()) {
        return Err(PartError::NotReport("a minute out of range".into()));
    }
    Ok((
        part.inputs.into_iter().map(InputReport::from).collect(),
        state,
    ))
}
