//! Across records: when the first response of a record is the last one
//! before it told again, the two become one ([`coalesce`]). The records are
//! read apart, so this is the only place two of them meet.

use super::http::Framing;
use super::response::{absorb, Response};

/// Records are read apart; the first response of a record that starts at
/// `first` is the last one before it told again when both carry the same
/// request id (an SDK's exception and the body it quotes, pasted apart; the
/// same JSON error logged twice), or when it is one line that names the code
/// or status of an identified response and nothing more (a tool's closing
/// message under its debug log). Then it fills what the earlier one lacks
/// and is not kept.
/// Without an id two alike errors stay two: nothing tells one failure told
/// twice from two failures.
pub fn coalesce(out: &mut Vec<Response>, first: usize, one_line: bool) {
    if first == 0 || first >= out.len() {
        return;
    }
    let (before, after) = out.split_at_mut(first);
    let (prev, next) = (&mut before[first - 1], &after[0]);
    let same_id = prev.request_id.is_some() && prev.request_id == next.request_id;
    // A tool's closing message after its debug log (aws-cli's `An error
    // occurred (NoSuchKey) ...` under the logged response): the code alone
    // again, nothing that could tell another response.
    let retold = one_line
        && prev.request_id.is_some()
        && (prev.code.is_some() || prev.status.is_some())
        && (next.code == prev.code || next.code.is_none())
        && (next.status == prev.status || next.status.is_none())
        && (next.code.is_some() || next.status.is_some())
        && next.request_id.is_none()
        && next.host_id.is_none();
    if !(same_id || retold) {
        return;
    }
    let agree = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
    if !(agree(&prev.code, &next.code)
        && (prev.status.is_none() || next.status.is_none() || prev.status == next.status))
    {
        return;
    }
    let next = out.remove(first);
    let prev = &mut out[first - 1];
    if prev.framing == Framing::Bare && next.framing != Framing::Bare {
        // The framed mention knows more (headers, the request): it leads.
        let earlier = std::mem::replace(prev, next);
        absorb(prev, earlier);
    } else {
        absorb(prev, next);
    }
}
