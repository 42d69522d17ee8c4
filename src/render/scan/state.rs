//! The `state` of `scan --json`: what a report is computed from, written so
//! that `scan --merge` can read it back ([`super::read`]) and merge the
//! reports of the parts of a log into the report of the whole. One set of
//! types serves both ways, so the names are declared once.
//!
//! A tally (a [`Sketch`]) is `{"cap": N, "entries": [[value, data], ...]}`
//! in rank order; a sample is `[[time, value], ...]`; minutes are keys of
//! minutes since the epoch; times are milliseconds since the epoch.

use crate::scan::findings::Evidence;
use crate::scan::tally::{Counter, Sample, Sketch, Span};
use crate::scan::{By, GroupState, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What errors are grouped by, as `--by` names it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum ByJson {
    Code,
    Status,
    Operation,
    Bucket,
    Prefix,
    Key,
    Requester,
    Ip,
    Minute,
}

impl From<By> for ByJson {
    fn from(by: By) -> Self {
        match by {
            By::Code => ByJson::Code,
            By::Status => ByJson::Status,
            By::Operation => ByJson::Operation,
            By::Bucket => ByJson::Bucket,
            By::Prefix => ByJson::Prefix,
            By::Key => ByJson::Key,
            By::Requester => ByJson::Requester,
            By::Ip => ByJson::Ip,
            By::Minute => ByJson::Minute,
        }
    }
}

impl From<ByJson> for By {
    fn from(by: ByJson) -> Self {
        match by {
            ByJson::Code => By::Code,
            ByJson::Status => By::Status,
            ByJson::Operation => By::Operation,
            ByJson::Bucket => By::Bucket,
            ByJson::Prefix => By::Prefix,
            ByJson::Key => By::Key,
            ByJson::Requester => By::Requester,
            ByJson::Ip => By::Ip,
            ByJson::Minute => By::Minute,
        }
    }
}

/// [`State`] in JSON.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct StateJson {
    by: ByJson,
    since: Option<i64>,
    until: Option<i64>,
    requests: u64,
    errors: u64,
    untimed: u64,
    outside: u64,
    span: SpanJson,
    minutes: BTreeMap<i64, [u64; 2]>,
    groups: SketchJson<GroupStateJson>,
    ungrouped: u64,
    evidence: EvidenceJson,
}

impl From<&State> for StateJson {
    fn from(s: &State) -> Self {
        StateJson {
            by: s.by.into(),
            since: s.since,
            until: s.until,
            requests: s.requests,
            errors: s.errors,
            untimed: s.untimed,
            outside: s.outside,
            span: s.span.into(),
            minutes: s.minutes.clone(),
            groups: SketchJson::new(&s.groups, |g| GroupStateJson::from(g)),
            ungrouped: s.ungrouped,
            evidence: (&s.evidence).into(),
        }
    }
}

impl From<StateJson> for State {
    fn from(s: StateJson) -> Self {
        State {
            by: s.by.into(),
            since: s.since,
            until: s.until,
            requests: s.requests,
            errors: s.errors,
            untimed: s.untimed,
            outside: s.outside,
            span: s.span.into(),
            minutes: s.minutes,
            groups: s.groups.into_sketch(GroupState::from),
            ungrouped: s.ungrouped,
            evidence: s.evidence.into(),
        }
    }
}

/// A [`Sketch`]: its cap, and its entries by rank.
#[derive(Debug, Serialize, Deserialize)]
struct SketchJson<V> {
    cap: usize,
    entries: Vec<(String, V)>,
}

impl<V> SketchJson<V> {
    fn new<T>(sketch: &Sketch<T>, view: impl Fn(&T) -> V) -> Self {
        SketchJson {
            cap: sketch.cap(),
            entries: sketch
                .iter()
                .map(|(k, v)| (k.to_string(), view(v)))
                .collect(),
        }
    }

    /// The sketch read back: never more than the largest cap obserr uses
    /// (a report read back may have been written by hand), and what a scan
    /// would have kept of more entries than the cap, or of repeats.
    fn into_sketch<T>(self, value: impl Fn(V) -> T) -> Sketch<T> {
        let mut sketch = Sketch::new(self.cap.min(1 << 16));
        for (k, v) in self.entries {
            if !sketch.contains(&k) {
                sketch.insert(&k, value(v));
            }
        }
        sketch
    }
}

/// A [`Counter`]: the values kept and their counts, and the occurrences of
/// values not kept.
#[derive(Debug, Serialize, Deserialize)]
struct CounterJson {
    map: SketchJson<u64>,
    other: u64,
}

impl From<&Counter> for CounterJson {
    fn from(c: &Counter) -> Self {
        CounterJson {
            map: SketchJson::new(c.sketch(), |n| *n),
            other: c.other,
        }
    }
}

impl From<CounterJson> for Counter {
    fn from(c: CounterJson) -> Self {
        Counter::from_parts(c.map.into_sketch(|n| n), c.other)
    }
}

/// A [`Span`]: the first and last time.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct SpanJson {
    first: Option<i64>,
    last: Option<i64>,
}

impl From<Span> for SpanJson {
    fn from(s: Span) -> Self {
        SpanJson {
            first: s.first,
            last: s.last,
        }
    }
}

impl From<SpanJson> for Span {
    fn from(s: SpanJson) -> Self {
        Span {
            first: s.first,
            last: s.last,
        }
    }
}

/// A group as it is gathered: what it is, its count and span, its earliest
/// request IDs (a sample, `[time, id]`) and its tallies.
#[derive(Debug, Serialize, Deserialize)]
struct GroupStateJson {
    code: Option<String>,
    status: Option<u16>,
    value: Option<String>,
    client_failure: bool,
    count: u64,
    span: SpanJson,
    request_ids: Vec<(i64, String)>,
    codes: CounterJson,
    operations: CounterJson,
    buckets: CounterJson,
    prefixes: CounterJson,
    keys: CounterJson,
}

impl From<&GroupState> for GroupStateJson {
    fn from(g: &GroupState) -> Self {
        GroupStateJson {
            code: g.code.clone(),
            status: g.status,
            value: g.value.clone(),
            client_failure: g.client_failure,
            count: g.count,
            span: g.span.into(),
            request_ids: g.request_ids.entries().to_vec(),
            codes: (&g.codes).into(),
            operations: (&g.operations).into(),
            buckets: (&g.buckets).into(),
            prefixes: (&g.prefixes).into(),
            keys: (&g.keys).into(),
        }
    }
}

impl From<GroupStateJson> for GroupState {
    fn from(g: GroupStateJson) -> Self {
        GroupState {
            code: g.code,
            status: g.status,
            value: g.value,
            client_failure: g.client_failure,
            count: g.count,
            span: g.span.into(),
            request_ids: Sample::from_entries(g.request_ids),
            codes: g.codes.into(),
            operations: g.operations.into(),
            buckets: g.buckets.into(),
            prefixes: g.prefixes.into(),
            keys: g.keys.into(),
        }
    }
}

/// What findings are judged from: throttled responses per minute per
/// prefix, signature failures and their keys, clock-skew errors per address
/// (`[count, span]`), 403s by requester and operation, 5xx by minute and key.
#[derive(Debug, Serialize, Deserialize)]
struct EvidenceJson {
    throttled: SketchJson<BTreeMap<i64, u64>>,
    signature_total: u64,
    signature_encoded: u64,
    signature_keys: Vec<(i64, String)>,
    skew: SketchJson<(u64, SpanJson)>,
    forbidden: u64,
    forbidden_requesters: CounterJson,
    forbidden_operations: CounterJson,
    server: u64,
    server_minutes: BTreeMap<i64, u64>,
    server_keys: CounterJson,
    server_span: SpanJson,
}

impl From<&Evidence> for EvidenceJson {
    fn from(e: &Evidence) -> Self {
        EvidenceJson {
            throttled: SketchJson::new(&e.throttled, Clone::clone),
            signature_total: e.signature_total,
            signature_encoded: e.signature_encoded,
            signature_keys: e.signature_keys.entries().to_vec(),
            skew: SketchJson::new(&e.skew, |(n, span)| (*n, (*span).into())),
            forbidden: e.forbidden,
            forbidden_requesters: (&e.forbidden_requesters).into(),
            forbidden_operations: (&e.forbidden_operations).into(),
            server: e.server,
            server_minutes: e.server_minutes.clone(),
            server_keys: (&e.server_keys).into(),
            server_span: e.server_span.into(),
        }
    }
}

impl From<EvidenceJson> for Evidence {
    fn from(e: EvidenceJson) -> Self {
        Evidence {
            throttled: e.throttled.into_sketch(|series| series),
            signature_total: e.signature_total,
            signature_encoded: e.signature_encoded,
            signature_keys: Sample::from_entries(e.signature_keys),
            skew: e.skew.into_sketch(|(n, span)| (n, span.into())),
            forbidden: e.forbidden,
            forbidden_requesters: e.forbidden_requesters.into(),
            forbidden_operations: e.forbidden_operations.into(),
            server: e.server,
            server_minutes: e.server_minutes,
            server_keys: e.server_keys.into(),
            server_span: e.server_span.into(),
        }
    }
}
