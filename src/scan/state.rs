//! The [`State`] a report is computed from: what `scan --json` carries so that
//! the reports of consecutive parts of a log merge ([`State::merge`]) into the
//! report of the whole.

use super::findings;
use super::group::{GroupState, MAX_GROUPS};
use super::options::By;
use super::tally::{Sketch, Span};
use super::timeline::{earliest, MAX_TIMELINE};
use std::collections::BTreeMap;

/// The version of `scan --json`'s `state`: reports merge (`scan --merge`)
/// only with reports of the same version.
pub const FORMAT: u32 = 1;

/// The state a report is computed from, which `scan --json` carries so that
/// the reports of consecutive parts of a log merge ([`State::merge`]) into
/// the report of the whole. [`Json::read_report`](crate::Json::read_report)
/// reads it back from what [`Json::scan_report`](crate::Json::scan_report)
/// wrote.
///
/// ```
/// use obserr::{scan_bytes, Json, Report, ScanOptions};
///
/// let log = "2026/11/26 08:02:30 obs: service returned error: Status=403 Forbidden, Code=AccessDenied, \
///     Message=Access Denied, RequestId=00000190ABCDEF\n";
/// let part = scan_bytes(log.as_bytes(), ScanOptions::default());
/// let mut json = Vec::new();
/// Json::scan_report(&mut json, &part).unwrap();
/// let (inputs, state) = Json::read_report(&json, "part-1.json").unwrap();
/// let mut whole = state.empty();
/// whole.merge(&state).unwrap();
/// whole.merge(&part.state).unwrap();
/// assert_eq!(Report::new(inputs, whole).errors, 2);
/// ```
#[derive(Debug, Clone)]
pub struct State {
    /// What errors are grouped by.
    pub by: By,
    /// The window asked for (`--since`).
    pub since: Option<i64>,
    /// The window asked for (`--until`).
    pub until: Option<i64>,
    /// Requests counted.
    pub requests: u64,
    /// Errors counted.
    pub errors: u64,
    /// Requests left out of the window for want of a time.
    pub untimed: u64,
    /// Requests with a time outside the window.
    pub outside: u64,
    /// First and last request.
    pub span: Span,
    /// Requests and errors per minute (minutes since the epoch).
    pub minutes: BTreeMap<i64, [u64; 2]>,
    /// The groups (a `Sketch` of at most `MAX_GROUPS`).
    pub groups: Sketch<GroupState>,
    /// Errors beyond the groups kept.
    pub ungrouped: u64,
    /// What findings are judged from.
    pub evidence: findings::Evidence,
}

/// Two reports that cannot be merged: they were not made with the same
/// options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// Grouped by different fields.
    By(By, By),
    /// Different `--since`/`--until` windows.
    Window,
}

impl State {
    /// A state with nothing counted, grouped `by`, for the window from
    /// `since` to `until`, with this obserr's caps.
    pub(super) fn new(by: By, since: Option<i64>, until: Option<i64>) -> State {
        State {
            by,
            since,
            until,
            requests: 0,
            errors: 0,
            untimed: 0,
            outside: 0,
            span: Span::default(),
            minutes: BTreeMap::new(),
            groups: Sketch::new(MAX_GROUPS),
            ungrouped: 0,
            evidence: findings::Evidence::default(),
        }
    }

    /// A state with nothing counted, made with the same options, and this
    /// obserr's caps: what merging starts from (a report read back says
    /// what caps it had, and may have been written by hand).
    #[must_use]
    pub fn empty(&self) -> State {
        State::new(self.by, self.since, self.until)
    }

    /// Takes in the state of the input that came after this one's, as if
    /// this had read it too. Exact but for tallies that a part filled
    /// (CONTRIBUTING.md: scan, merging).
    ///
    /// # Errors
    ///
    /// When the two were not made with the same `--by` and window.
    pub fn merge(&mut self, other: &State) -> Result<(), Mismatch> {
        if self.by != other.by {
            return Err(Mismatch::By(self.by, other.by));
        }
        if (self.since, self.until) != (other.since, other.until) {
            return Err(Mismatch::Window);
        }
        self.requests = self.requests.saturating_add(other.requests);
        self.errors = self.errors.saturating_add(other.errors);
        self.untimed = self.untimed.saturating_add(other.untimed);
        self.outside = self.outside.saturating_add(other.outside);
        self.span.merge(other.span);
        for (minute, [requests, errors]) in &other.minutes {
            if let Some(slot) = earliest(&mut self.minutes, *minute, MAX_TIMELINE) {
                slot[0] = slot[0].saturating_add(*requests);
                slot[1] = slot[1].saturating_add(*errors);
            }
        }
        for (key, g) in other.groups.iter() {
            if let Some(mine) = self.groups.get_mut(key) {
                mine.merge(g);
            } else {
                // Built anew and merged, so that its tallies have this
                // obserr's caps, whatever the report said.
                let mut fresh = g.empty_like();
                fresh.merge(g);
                if let Some((_, dropped)) = self.groups.insert(key, fresh) {
                    self.ungrouped = self.ungrouped.saturating_add(dropped.count());
                }
            }
        }
        self.ungrouped = self.ungrouped.saturating_add(other.ungrouped);
        self.evidence.merge(&other.evidence);
        Ok(())
    }
}
