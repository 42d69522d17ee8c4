//! Judges a decoded [`Response`] against the catalogue: finds the entry for
//! its code, and computes [`Hint`]s from the response itself (status
//! mismatch, clock skew, the server's `StringToSign`, where a redirect points,
//! what the request concerned, what a bare status means, the nearest codes to
//! an unknown one) and the command to run [`Next`]. Pure data: no I/O and no
//! words. Every sentence a finding becomes is written in
//! [`crate::render`]; findings hold the response's text as it arrived, and the
//! renderers make it safe.
//!
//! One child per job; the rules that compute hints go by theme:
//!
//! - `hint`: [`Hint`] and the data its fields carry; `ranking`: [`Ranking`];
//! - `meaning`: which documented meaning applies ([`meaning()`]);
//! - `diagnosis`: [`Diagnosis`] and [`Next`];
//! - rules: `proxy` (no response, a proxy's page), `status` (mismatch, a
//!   bare status), `skew` (clock skew), `signature`, `redirect`, `involved`
//!   (what the request concerned, support ids), `next` (unknown codes, the
//!   command to run next).
//!
//! Children import their siblings, never this file: `hint -> ranking`;
//! `diagnosis -> hint, meaning`; each rule -> `hint` (and `diagnosis` for the
//! reason phrase and [`Next`], `ranking` for a bare status).

mod diagnosis;
mod hint;
mod involved;
mod meaning;
mod next;
mod proxy;
mod ranking;
mod redirect;
mod signature;
mod skew;
mod status;

pub use diagnosis::{Diagnosis, Next};
pub use hint::{
    DocumentedStatus, Hint, Hop, Limit, RequestLine, Stamp, SupportId, TimeSource, MAX_STATUS_CODES,
};
pub use meaning::{meaning, Meaning};
pub use ranking::Ranking;

use crate::catalogue;
use crate::decode::Response;

/// Diagnoses one response: finds its code's catalogue entry, the cause its
/// message points to, what else is worth noticing ([`Hint`]s) and the
/// command to run next ([`Next`]). Pure data; a printer words it.
///
/// ```
/// use obserr::{decode, diagnose, Hint, Next};
///
/// let d = diagnose(decode(b"<Error><Code>NoSuchKy</Code></Error>"));
/// assert!(!d.found());
/// assert_eq!(d.findings[0], Hint::UnknownCode { code: "NoSuchKy".into(), nearest: vec!["NoSuchKey"] });
/// assert_eq!(d.next, Next::Explain("NoSuchKey"));
/// ```
pub fn diagnose(response: Response) -> Diagnosis {
    let r = &response;
    let entry = r.code.as_deref().and_then(catalogue::lookup);
    let suggestions = next::suggestions(r, entry);
    let status_info = r.status.and_then(catalogue::status_info);
    let meaning = entry.map(|e| meaning(e, r.message.as_deref()));
    let cause = entry.and_then(|e| e.cause_for(r.message.as_deref().unwrap_or("")));
    let cause_matched = entry
        .and_then(|e| e.cause_matching(r.message.as_deref().unwrap_or("")))
        .is_some();
    let mut f = Vec::new();
    f.extend(proxy::no_response(r));
    f.extend(proxy::proxy(r));
    f.extend(status::mismatch(r, entry));
    let code = entry.map(|e| e.code);
    if code == Some("RequestTimeTooSkewed") {
        f.push(skew::skew(r));
    }
    if code == Some("SignatureDoesNotMatch") {
        signature::signature(r, &mut f);
    }
    redirect::redirects(r, entry, &mut f);
    f.extend(status::status_only(r, status_info));
    f.extend(next::unknown_code(r, entry, &suggestions));
    f.extend(involved::involved(r));
    if r.truncated {
        f.push(Hint::Truncated);
    }
    if let Some(at) = r.binary_at {
        f.push(Hint::Binary { at });
    }
    f.extend(involved::support(r));
    let next = next::next(r, entry, &suggestions);
    Diagnosis {
        response,
        entry,
        meaning,
        cause,
        cause_matched,
        status_info,
        suggestions,
        findings: f,
        next,
    }
}
