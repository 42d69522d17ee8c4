//! The labelled lines both forms of a diagnosis write: the headline, a
//! field, the meaning and solution that apply, the cause's label, what the
//! input proves of a signature mismatch, and `Next:`.

use super::hint::both_values;
use crate::catalogue::Entry;
use crate::decode::Body;
use crate::diagnose::{Diagnosis, Hint, Meaning, Next};
use crate::render::layout;
use crate::render::style::Style;
use crate::sanitize::visible;
use std::io::{self, Write};

/// Width of the labels (`Request ID:` plus a space).
pub(super) const LABEL: usize = 12;

/// Writes `label` in the label column, then `text` wrapped under it.
pub(super) fn field(out: &mut impl Write, s: &Style, label: &str, text: &str) -> io::Result<()> {
    layout::field(out, s, LABEL, label, text)
}

/// The `Next:` line.
pub(super) fn next_line(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    writeln!(
        out,
        "{}{}",
        s.label(&format!("{:<LABEL$}", "Next:")),
        s.code(&next_command(&d.next))
    )
}

/// The meaning and solution to show for `e`: the documented row that applies,
/// or the code's generic meaning.
pub(super) fn meaning_text(e: &Entry, meaning: Option<Meaning>) -> (String, String) {
    match meaning {
        Some(Meaning::Generic) => generic_meaning(e.code),
        Some(Meaning::Documented(row)) => (
            row.message.to_string(),
            crate::render::human::solution(row.solution, row.solution_inferred),
        ),
        None => (
            e.message().to_string(),
            crate::render::human::solution(e.solution(), e.solution_inferred()),
        ),
    }
}

/// The broader meaning of a code whose documented rows are special cases
/// (see [`crate::diagnose::meaning`]).
fn generic_meaning(code: &str) -> (String, String) {
    match code {
        "AccessDenied" => (
            "The request was authenticated, but the account or user is not allowed to do \
             this: an IAM or bucket policy denies it, the ACL does not grant it, or the bucket \
             or object belongs to another account."
                .to_string(),
            "Check the IAM user's policies and the bucket policy and ACL for this action on \
             this resource (an explicit deny wins), and that the bucket is the one you own. \
             The documented special cases (a missing Date header, a WORM-protected object) \
             apply only when the server's message names them."
                .to_string(),
        ),
        _ => (String::new(), String::new()),
    }
}

pub(super) fn headline(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    let r = &d.response;
    let status = r.status.map(|st| {
        let text = format!("{st} {}", visible(d.reason().unwrap_or("")));
        s.status(st, text.trim_end())
    });
    let line = match (d.entry, &r.code, status) {
        (Some(e), _, st) => join(s.code(e.code), st),
        (None, Some(code), st) => join(s.code(&visible(code)), st),
        (None, None, Some(_)) => {
            let st = r.status.unwrap_or_default();
            let text = format!("HTTP {st} {}", visible(d.reason().unwrap_or("")));
            s.status(st, text.trim_end())
        }
        (None, None, None) if r.no_response.is_some() => {
            s.label("No HTTP response arrived: a client-side or network failure")
        }
        (None, None, None) if r.body == Body::LogLine => {
            s.label("An SDK error that states no status, code or request id")
        }
        (None, None, None) => s.label("No OBS error response found in the input"),
    };
    writeln!(out, "{line}")
}

fn join(code: String, status: Option<String>) -> String {
    match status {
        Some(st) => format!("{code}  {st}"),
        None => code,
    }
}

/// The command to run next, as a user types it.
#[must_use]
pub fn next_command(next: &Next) -> String {
    match next {
        Next::Explain(code) => format!("obserr explain {code}"),
        Next::ExplainStatus(status) => format!("obserr explain {status}"),
        Next::Search(words) => format!("obserr search {}", words.join(" ")),
        Next::List => "obserr list".to_string(),
        Next::Sigcheck(None) => "obserr sigcheck".to_string(),
        Next::Sigcheck(Some(input)) => {
            format!(
                "obserr sigcheck {}",
                crate::render::names::shell_word(input)
            )
        }
    }
}

/// The label of the catalogue's cause: `Likely:` when the server's message
/// points to it, `Most often:` when it is only the code's most frequent one.
pub(super) fn cause_label(d: &Diagnosis) -> &'static str {
    if d.cause_matched {
        "Likely:"
    } else {
        "Most often:"
    }
}

/// What the input alone proves of a signature mismatch, as the cause line:
/// `the Date differs: client "...", server "..."`.
pub(super) fn proven(d: &Diagnosis) -> Option<String> {
    d.findings.iter().find_map(|f| match f {
        Hint::SignatureDiffers { differences } => Some(
            differences
                .iter()
                .map(|x| {
                    format!(
                        "the {} differs: {}",
                        crate::render::sigcheck::component_name(x.component, x.name.as_deref()),
                        both_values(x)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    })
}

/// The fix once the differing component is known.
pub(super) const PROVEN_FIX: &str =
    "Sign exactly what is sent: nothing (SDK, proxy, load balancer) may \
    change that part of the request after it was signed. `obserr sigcheck` shows every \
    component.";
