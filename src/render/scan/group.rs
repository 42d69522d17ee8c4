//! A group of errors in words: what it is called, its most frequent values,
//! and whether a retry helps.

use super::format::n;
use crate::catalogue;
use crate::sanitize::visible;
use crate::scan::{By, Count, Group};

/// Values of a tally shown on one line.
const SHOWN: usize = 3;

/// What a group is, in a few words: `AccessDenied 403`, `404 (no code)`, or
/// the value grouped by.
pub(super) fn label(g: &Group, by: By) -> String {
    match by {
        By::Code | By::Status => match (&g.code, g.status) {
            _ if g.client_failure => "failed before any request (no status)".to_string(),
            (Some(code), Some(status)) => format!("{} {status}", visible(code)),
            (Some(code), None) => visible(code).into_owned(),
            (None, Some(status)) if by == By::Code => format!("{status} (no code)"),
            (None, Some(status)) => format!("{status} {}", catalogue::reason(status).unwrap_or("")),
            (None, None) => "(no status)".to_string(),
        },
        By::Minute => g.value.as_deref().map_or_else(
            || "(no time)".to_string(),
            |v| visible(v).replace('T', " ").replace('Z', " UTC"),
        ),
        _ => match g.value.as_deref() {
            Some("") | None => "(none)".to_string(),
            Some(v) => visible(v).into_owned(),
        },
    }
}

pub(super) fn counts(values: &[Count]) -> String {
    values
        .iter()
        .take(SHOWN)
        .map(|c| {
            let v = if c.value.is_empty() {
                "(none)"
            } else {
                &c.value
            };
            format!("{} ({})", visible(v), n(c.count))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a retry helps the group's requests: the catalogue's answer for a
/// code, the retry rule's (README) for a bare status.
pub fn retryable(g: &Group) -> Option<bool> {
    match (g.code.as_deref().and_then(catalogue::lookup), g.status) {
        (Some(entry), _) => Some(entry.retryable),
        (None, Some(status)) if g.code.is_none() => Some(status >= 500 || status == 429),
        _ => None,
    }
}
