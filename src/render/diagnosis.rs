//! Renders a [`Diagnosis`]: for people (labelled fields, findings as
//! sentences, the command to run next) and as a `decode --json` response
//! object. Every sentence a [`Hint`] becomes is written here. Every piece
//! of text that came from the response goes through [`visible`] on the human
//! side, colour or not; JSON leaves it to `serde_json`, which escapes every
//! control character.

use super::json::EntryJson;
use super::layout::wrap;
use super::style::Style;
use crate::command::{Decoded, Input};
use crate::decode::{Body, Framing, Response};
use crate::diagnose::{
    Diagnosis, DocumentedStatus, Hint, Limit, Meaning, Next, Ranking, Stamp, SupportId, TimeSource,
    MAX_STATUS_CODES,
};
use crate::sanitize::visible;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::io::{self, Write};

/// Errors of one input shown in full; past it, a count and where to look.
pub const MAX_SHOWN: usize = 20;

/// Width of the labels (`Request ID:` plus a space).
const LABEL: usize = 12;

fn field(out: &mut impl Write, s: &Style, label: &str, text: &str) -> io::Result<()> {
    super::layout::field(out, s, LABEL, label, text)
}

/// The most lines [`human`] gives one response at 100 columns: the
/// headline, a one-sentence meaning, the likely cause with its check and
/// fix, the retry advice, the ids and `Next:`, and findings while they fit.
pub const SHORT_LINES: usize = 12;

/// The width [`SHORT_LINES`] is counted at when output is not wrapped.
const SHORT_WIDTH: usize = 100;

/// Every decoded input for people: with several inputs, a `==> NAME <==`
/// line before each. Unreadable inputs are left out (their error is on
/// stderr). Each response in the short form of [`human`], or with
/// `verbose` in the full form of [`human_verbose`].
pub fn human_all(
    out: &mut impl Write,
    s: &Style,
    decoded: &[Decoded],
    verbose: bool,
) -> io::Result<()> {
    let several = decoded.len() > 1;
    let mut first = true;
    for item in decoded {
        let Ok(diagnoses) = &item.result else {
            continue;
        };
        let count = diagnoses.len();
        for (n, d) in diagnoses.iter().take(MAX_SHOWN).enumerate() {
            if !first {
                writeln!(out)?;
            }
            first = false;
            match (several, count > 1) {
                (true, true) => writeln!(
                    out,
                    "==> {} ({} of {count}) <==",
                    input_name(&item.input),
                    n + 1
                )?,
                (true, false) => writeln!(out, "==> {} <==", input_name(&item.input))?,
                (false, true) => writeln!(out, "==> {} of {count} <==", n + 1)?,
                (false, false) => {}
            }
            if verbose {
                human_verbose(out, s, d)?;
            } else {
                human(out, s, d)?;
            }
        }
        if count > MAX_SHOWN {
            let file = match &item.input {
                Input::File(_) => input_name(&item.input),
                Input::Stdin => "FILE".to_string(),
            };
            let more = if count >= crate::decode::MAX_RESPONSES {
                "at least ".to_string()
            } else {
                String::new()
            };
            writeln!(
                out,
                "\n... and {more}{} more errors: `obserr scan {file}` lists every error in a log",
                count - MAX_SHOWN
            )?;
        }
    }
    Ok(())
}

/// An input's name for people: the path made safe, or `standard input`.
#[must_use]
pub fn input_name(input: &Input) -> String {
    match input {
        Input::Stdin => "standard input".to_string(),
        Input::File(path) => visible(&path.to_string_lossy()).into_owned(),
    }
}

/// The diagnosis for people, short: the headline (code and status), what it
/// means in one sentence, the single most likely cause with its check and
/// fix, the retry advice, the ids support needs and `Next:`; then what
/// obserr found in this response (a proxy answered, the clock skew, a
/// redirect...) while the whole stays within [`SHORT_LINES`] lines at 100
/// columns (at the terminal's width when narrower). [`human_verbose`] shows
/// everything, every cause included. Raw hex is never shown.
pub fn human(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    let r = &d.response;
    let mut top = Vec::new();
    match d.entry {
        Some(e) => {
            // The headline carries the meaning: the documented row's that
            // applies, else the code's own message (the generic meaning of
            // a code with narrow rows is the cause's to say).
            let meaning = match d.meaning {
                Some(Meaning::Documented(row)) => row.message,
                _ => e.message(),
            };
            short_headline(&mut top, s, d, first_sentence(meaning))?;
            let (_, solution) = meaning_text(e, d.meaning);
            match (proven(d), d.cause) {
                (Some(proof), _) => {
                    field(&mut top, s, "Cause:", &proof)?;
                    field(&mut top, s, "Fix:", PROVEN_FIX)?;
                }
                (None, Some(c)) => {
                    let tagged = format!("{} {}", c.cause, super::entry_words::cause_source_kind_tag(&c.source));
                    field(&mut top, s, cause_label(d), &tagged)?;
                    field(&mut top, s, "Check:", c.check)?;
                    field(&mut top, s, "Fix:", c.fix)?;
                }
                (None, None) => field(&mut top, s, "Solution:", &solution)?,
            }
            super::entry_words::retry(&mut top, s, LABEL, e)?;
        }
        None => {
            headline(&mut top, s, d)?;
            if let Some(m) = &r.message {
                field(&mut top, s, "Message:", first_sentence(&visible(m)))?;
            }
        }
    }
    let mut ids = Vec::new();
    for (label, value) in [("Request ID:", &r.request_id), ("Host ID:", &r.host_id)] {
        if let Some(v) = value {
            field(&mut ids, s, label, &visible(v))?;
        }
    }
    let mut next = Vec::new();
    next_line(&mut next, s, d)?;
    // Findings in their order, each while it fits; then the resource.
    let width = s.width.unwrap_or(SHORT_WIDTH).min(SHORT_WIDTH);
    let plain = Style {
        color: false,
        hyperlinks: false,
        width: Some(width),
        ..*s
    };
    let mut used = [&top, &ids, &next]
        .iter()
        .map(|b| rows(b, width))
        .sum::<usize>();
    let mut extra = Vec::new();
    let mut shown = 0;
    for f in d.findings.iter().filter(|f| short_hint(f)) {
        let mut measured = Vec::new();
        hint_line(&mut measured, &plain, f, shown == 0)?;
        let cost = rows(&measured, width);
        if used + cost <= SHORT_LINES {
            hint_line(&mut extra, s, f, shown == 0)?;
            used += cost;
            shown += 1;
        }
    }
    // Then the reserved indicator (a third id) and the resource.
    for (label, value) in [
        ("Indicator:", &r.reserved_indicator),
        ("Resource:", &r.resource),
    ] {
        let Some(v) = value else { continue };
        let mut measured = Vec::new();
        field(&mut measured, &plain, label, &visible(v))?;
        let cost = rows(&measured, width);
        if used + cost <= SHORT_LINES {
            field(&mut ids, s, label, &visible(v))?;
            used += cost;
        }
    }
    for block in [top, extra, ids, next] {
        out.write_all(&block)?;
    }
    Ok(())
}

/// The short form's headline: the code, the status and what the code means,
/// in one sentence, wrapped under the label column.
fn short_headline(out: &mut impl Write, s: &Style, d: &Diagnosis, meaning: &str) -> io::Result<()> {
    let mut line = Vec::new();
    headline(&mut line, s, d)?;
    let line = String::from_utf8_lossy(&line);
    let line = line.trim_end();
    // The room the code and status take, colour escapes aside.
    let taken = {
        let mut plain = Vec::new();
        let colourless = Style {
            color: false,
            hyperlinks: false,
            ..*s
        };
        headline(&mut plain, &colourless, d)?;
        super::layout::columns(String::from_utf8_lossy(&plain).trim_end()) + 2
    };
    // Wrapped as if it followed a label as wide as the code and status,
    // continuation lines under the label column.
    let wrapped = wrap(&format!("{}{meaning}", "x".repeat(taken)), LABEL, s.width);
    let rest = wrapped.get(taken..).unwrap_or_default();
    writeln!(out, "{line}  {rest}")
}

/// How many terminal rows `text` (rendered without colour) takes at `width`.
fn rows(text: &[u8], width: usize) -> usize {
    String::from_utf8_lossy(text)
        .lines()
        .map(|l| super::layout::columns(l).div_ceil(width.max(1)).max(1))
        .sum()
}

/// The first sentence of `text`: up to the first `. ` before a capital
/// letter, else all of it.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(2))
        .find(|&i| bytes[i] == b'.' && bytes[i + 1] == b' ' && bytes[i + 2].is_ascii_uppercase())
        .map_or(text, |i| &text[..=i])
}

/// Whether the short form shows a finding (when it fits): what obserr
/// measured or noticed in this response. Left to `--verbose`: what the
/// lines above already say (the usual causes, the ids), what `sigcheck`
/// reads better (the string to sign, the access key) and what only
/// confirms (a documented status, the redirects curl followed).
fn short_hint(f: &Hint) -> bool {
    !matches!(
        f,
        Hint::StatusDocumented { .. }
            | Hint::StringToSign { .. }
            | Hint::AccessKey { .. }
            | Hint::SignatureCauses
            | Hint::SignatureDiffers { .. }
            | Hint::SupportIds { .. }
            | Hint::RedirectsFollowed { .. }
            | Hint::Involved { .. }
    )
}

/// The `Next:` line.
fn next_line(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    writeln!(
        out,
        "{}{}",
        s.label(&format!("{:<LABEL$}", "Next:")),
        s.code(&next_command(&d.next))
    )
}

/// A detail field that is a raw byte dump (`StringToSignBytes`,
/// `CanonicalRequestBytes`: hex), never shown to people.
fn raw_hex(name: &str, value: &str) -> bool {
    name.to_ascii_lowercase().ends_with("bytes")
        || (value.len() > 16
            && value
                .split_ascii_whitespace()
                .all(|b| b.len() == 2 && b.bytes().all(|c| c.is_ascii_hexdigit())))
}

/// The diagnosis for people, in full: the server's message, the meaning and
/// solution, the likely cause with its check and fix, the retry advice, the
/// ids and the response's other details (raw hex left out), how the input
/// was read, every finding, every other cause of the code, and `Next:`.
pub fn human_verbose(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    let r = &d.response;
    headline(out, s, d)?;
    if let Some(m) = &r.message {
        field(out, s, "Message:", &visible(m))?;
    }
    if let Some(e) = d.entry {
        let (meaning, solution) = meaning_text(e, d.meaning);
        field(out, s, "Meaning:", &meaning)?;
        field(out, s, "Solution:", &solution)?;
        if let Some(proof) = proven(d) {
            field(out, s, "Cause:", &proof)?;
        }
        if let Some(c) = d.cause {
            let tagged = format!("{} {}", c.cause, super::entry_words::cause_source_tag(&c.source));
            let label = if proven(d).is_some() {
                "Most often:"
            } else {
                cause_label(d)
            };
            field(out, s, label, &tagged)?;
            field(out, s, "Check:", c.check)?;
            field(out, s, "Fix:", c.fix)?;
        }
        super::entry_words::retry(out, s, LABEL, e)?;
    }
    for (label, value) in [
        ("Resource:", &r.resource),
        ("Request ID:", &r.request_id),
        ("Host ID:", &r.host_id),
        ("Indicator:", &r.reserved_indicator),
    ] {
        if let Some(v) = value {
            field(out, s, label, &visible(v))?;
        }
    }
    let shown_as_block = d
        .findings
        .iter()
        .any(|f| matches!(f, Hint::StringToSign { .. }));
    let details: Vec<String> = r
        .details
        .iter()
        .filter(|(n, _)| !(shown_as_block && n.eq_ignore_ascii_case("StringToSign")))
        .filter(|(n, v)| !raw_hex(n, v))
        .map(|(n, v)| format!("{}: {}", visible(n), visible(v)))
        .collect();
    if !details.is_empty() {
        field(out, s, "Details:", &details.join("\n"))?;
    }
    field(out, s, "Read as:", &read_as(r))?;
    findings(out, s, d)?;
    other_causes(out, s, d)?;
    next_line(out, s, d)
}

/// Every cause of the code but the likely one (shown above), most frequent
/// first, each with its check and fix, as `explain` lists them.
fn other_causes(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    let Some(e) = d.entry else {
        return Ok(());
    };
    let others: Vec<&crate::catalogue::Cause> = e
        .causes
        .iter()
        .filter(|c| !d.cause.is_some_and(|likely| std::ptr::eq(*c, likely)))
        .collect();
    if others.is_empty() {
        return Ok(());
    }
    let title = if d.cause.is_some() {
        "Other causes, most frequent first:"
    } else {
        "Causes, most frequent first:"
    };
    writeln!(out, "{}", s.label(title))?;
    for (n, c) in others.iter().enumerate() {
        let number = format!("{}. ", n + 1);
        writeln!(out, "{number}{}", wrap(c.cause, number.len(), s.width))?;
        for (label, text) in [("Check: ", c.check), ("Fix:   ", c.fix)] {
            writeln!(
                out,
                "{}{}{}",
                " ".repeat(number.len()),
                s.label(label),
                wrap(text, number.len() + label.len(), s.width)
            )?;
        }
    }
    Ok(())
}

/// The meaning and solution to show for `e`: the documented row that applies,
/// or the code's generic meaning.
fn meaning_text(e: &crate::catalogue::Entry, meaning: Option<Meaning>) -> (String, String) {
    match meaning {
        Some(Meaning::Generic) => generic_meaning(e.code),
        Some(Meaning::Documented(row)) => (
            row.message.to_string(),
            super::human::solution(row.solution, row.solution_inferred),
        ),
        None => (
            e.message().to_string(),
            super::human::solution(e.solution(), e.solution_inferred()),
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

fn headline(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
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

/// One finding as the short form shows it: a `Hints:` line (the label on
/// the first only), never a block.
fn hint_line(out: &mut impl Write, s: &Style, f: &Hint, first: bool) -> io::Result<()> {
    if first {
        write!(out, "{}", s.label(&format!("{:<LABEL$}", "Hints:")))?;
    } else {
        write!(out, "{:LABEL$}", "")?;
    }
    let text = visible(&finding(f)).into_owned();
    writeln!(out, "- {}", wrap(&text, LABEL + 2, s.width))
}

fn findings(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    // The usual causes of a signature mismatch are listed in full below.
    let shown = d
        .findings
        .iter()
        .filter(|f| !matches!(f, Hint::SignatureCauses));
    for (n, f) in shown.enumerate() {
        if n == 0 {
            write!(out, "{}", s.label(&format!("{:<LABEL$}", "Hints:")))?;
        } else {
            write!(out, "{:LABEL$}", "")?;
        }
        let mut text = visible(&finding(f)).into_owned();
        let block = match f {
            Hint::StringToSign { value } => Some(value),
            _ => None,
        };
        if block.is_some() {
            text = format!("{} (\\n marks a line break):", text.trim_end_matches(':'));
        }
        writeln!(out, "- {}", wrap(&text, LABEL + 2, s.width))?;
        if let Some(block) = block {
            let pad = " ".repeat(LABEL + 4);
            let lines: Vec<&str> = block.split('\n').collect();
            for (i, line) in lines.iter().enumerate() {
                let mark = if i + 1 < lines.len() { "\\n" } else { "" };
                writeln!(out, "{pad}{}{}", visible(line), s.label(mark))?;
            }
        }
    }
    Ok(())
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
            format!("obserr sigcheck {}", super::message::shell_word(input))
        }
    }
}

/// The label of the catalogue's cause: `Likely:` when the server's message
/// points to it, `Most often:` when it is only the code's most frequent one.
fn cause_label(d: &Diagnosis) -> &'static str {
    if d.cause_matched {
        "Likely:"
    } else {
        "Most often:"
    }
}

/// What the input alone proves of a signature mismatch, as the cause line:
/// `the Date differs: client "...", server "..."`.
fn proven(d: &Diagnosis) -> Option<String> {
    d.findings.iter().find_map(|f| match f {
        Hint::SignatureDiffers { differences } => Some(
            differences
                .iter()
                .map(|x| {
                    format!(
                        "the {} differs: {}",
                        super::sigcheck::component_name(x.component, x.name.as_deref()),
                        both_values(x)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    })
}

/// A differing component's two values: `client "…", server "…"` (`absent`
/// where one string lacks it), made visible.
fn both_values(x: &crate::sigcheck::Difference) -> String {
    let value = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "absent".to_string(), |v| format!("\"{}\"", visible(v)))
    };
    format!("client {}, server {}", value(&x.client), value(&x.server))
}

/// The fix once the differing component is known.
const PROVEN_FIX: &str = "Sign exactly what is sent: nothing (SDK, proxy, load balancer) may \
    change that part of the request after it was signed. `obserr sigcheck` shows every \
    component.";

/// A duration as whole minutes and seconds: `23 min 12 s`, `45 s`.
#[must_use]
pub fn minutes_seconds(ms: u64) -> String {
    let secs = ms / 1000;
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A status and its reason phrase: `404 Not Found`, or `404`.
fn status_name(status: u16, reason: Option<&str>) -> String {
    format!("{status} {}", reason.unwrap_or(""))
        .trim_end()
        .to_string()
}

/// A list for a sentence: `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn stamp_source(from: TimeSource) -> &'static str {
    match from {
        TimeSource::RequestTime => "RequestTime",
        TimeSource::RequestDate => "the request's Date header",
        TimeSource::ServerTime => "ServerTime",
        TimeSource::ResponseDate => "the response's Date header",
    }
}

fn allowed(ms: u64, from: Limit) -> String {
    match from {
        Limit::Response => format!(
            "{} ({ms} ms, MaxAllowedSkewMilliseconds)",
            minutes_seconds(ms)
        ),
        Limit::Documented => format!("{} (OBS's documented limit)", minutes_seconds(ms)),
    }
}

fn stamp(s: &Stamp) -> String {
    format!("{} ({})", s.text, stamp_source(s.from))
}

/// The sentence a finding becomes (for a `StringToSign`, the line before the
/// block). Text from the response is in it as it arrived: the caller makes
/// it visible.
#[allow(clippy::too_many_lines)] // one arm per finding, each a sentence
pub fn finding(f: &Hint) -> String {
    match f {
        Hint::Proxy {
            server,
            status,
            reason,
        } => {
            let who = server.as_deref().unwrap_or("a proxy or gateway");
            let with = status.map_or(String::new(), |s| {
                format!(" with {}", status_name(s, reason.as_deref()))
            });
            format!(
                "This page did not come from OBS: {who} answered{with}. The request may not \
                 have reached OBS at all; check the proxy, load balancer or gateway between you \
                 and OBS (its logs and its upstream), then retry."
            )
        }
        Hint::StatusDocumented {
            code,
            got,
            reason,
            documented,
        } => {
            let each: Vec<String> = documented
                .iter()
                .map(|d| format!("{} ({})", documented_name(d), d.sources.join(", ")))
                .collect();
            format!(
                "{code} is documented as {}; this response has {}, a documented status: \
                 nothing changed it on the way.",
                each.join(" and as "),
                status_name(*got, reason.as_deref())
            )
        }
        Hint::StatusMismatch {
            code,
            got,
            reason,
            documented,
        } => {
            let usual: Vec<String> = documented.iter().map(documented_name).collect();
            format!(
                "The response came with status {}, but OBS documents {code} with {}: \
                 something between you and OBS (a proxy, gateway or SDK) may have changed the \
                 status; the code is the more specific signal.",
                status_name(*got, reason.as_deref()),
                usual.join(" or ")
            )
        }
        Hint::ClockSkew {
            request,
            server,
            skew_ms,
            allowed_ms,
            allowed_from,
        } => {
            let amount = minutes_seconds(skew_ms.unsigned_abs());
            let direction = if *skew_ms >= 0 { "behind" } else { "ahead of" };
            let max = allowed(*allowed_ms, *allowed_from);
            let mut text = format!(
                "The request was dated {}; the server's clock read {}: the client's clock is \
                 {amount} {direction} the server's, ",
                stamp(request),
                stamp(server)
            );
            if skew_ms.unsigned_abs() > *allowed_ms {
                text.push_str(&format!(
                    "more than the {max} OBS allows. Fix the client's clock, not the server's: \
                     enable time synchronisation (NTP, e.g. `timedatectl set-ntp true`), then \
                     sign and send the request again."
                ));
            } else {
                text.push_str(&format!(
                    "within the {max} OBS allows: the request was probably signed long before \
                     it was sent (queued, or retried with its old signature). Sign it again \
                     right before sending, and check the client's clock against NTP."
                ));
            }
            text
        }
        Hint::ClockSkewUnknown {
            server,
            allowed_ms,
            allowed_from,
        } => {
            let server_said = server.as_ref().map_or(String::new(), |s| {
                format!("The server's clock read {}. ", stamp(s))
            });
            format!(
                "{server_said}The response does not carry both times, so the skew cannot be \
                 computed: compare the client's clock with the server's Date header \
                 (`curl -sI` the endpoint), then set the client's clock right (enable NTP) \
                 and send the request again. OBS allows at most {}.",
                allowed(*allowed_ms, *allowed_from)
            )
        }
        Hint::StringToSign { .. } => "The server signed this StringToSign; your client must \
            sign exactly the same bytes, so compare it line by line with the string your client \
            logged:"
            .to_string(),
        Hint::AccessKey { id } => format!(
            "The server checked the signature with access key ID {id}: make sure your secret \
             access key is the one paired with it."
        ),
        Hint::SignatureDiffers { differences } => {
            let each: Vec<String> = differences
                .iter()
                .map(|x| {
                    format!(
                        "the {} ({})",
                        super::sigcheck::component_name(x.component, x.name.as_deref()),
                        both_values(x)
                    )
                })
                .collect();
            format!(
                "The request in the input and the server's string to sign differ in {}: \
                 the server saw another request than the client signed.",
                each.join("; ")
            )
        }
        Hint::SignatureCauses => "Usual causes: a secret access key (SK) that does not \
            belong to the access key ID (AK), or with a stray space or line break in it; headers \
            changed after signing (Content-Type, Content-MD5, Date or x-obs-date, \
            x-obs-*/x-amz-* headers added or altered by a proxy or SDK); a different resource \
            path, sub-resource (?acl, ?uploadId=...) or URL encoding of the object key; signing \
            for the other protocol (OBS vs S3 headers) or signature version."
            .to_string(),
        Hint::Redirect {
            endpoint,
            location,
            bucket,
        } => redirect(endpoint.as_deref(), location.as_deref(), bucket.as_deref()),
        Hint::RedirectsFollowed { hops } => {
            let each: Vec<String> = hops
                .iter()
                .map(|h| match &h.location {
                    Some(l) => format!("{} to {l}", h.status),
                    None => h.status.to_string(),
                })
                .collect();
            format!(
                "curl followed {} redirect{} before this response ({}); the diagnosis is about \
                 the last response.",
                hops.len(),
                if hops.len() == 1 { "" } else { "s" },
                each.join(", ")
            )
        }
        Hint::NotAnError { status } => format!(
            "Status {status} is not an error: this response reports success. If the input held \
             several responses, the last one counts: paste the failing one on its own."
        ),
        Hint::StatusOnly {
            status,
            reason,
            meaning,
            codes,
            total,
            no_body,
            head_request,
            operation,
            ranking,
        } => status_only(
            *status,
            reason.zip(*meaning),
            codes,
            *total,
            *no_body,
            *head_request,
            ranking.map(|r| (r, *operation)),
        ),
        Hint::UnknownCode { code, nearest } => {
            if nearest.is_empty() {
                format!(
                    "{code} is not in obserr's catalogue of OBS server-side codes, and no \
                     catalogued code is close to it; it may come from another service or API \
                     (IAM, an API gateway, an extension API)."
                )
            } else {
                format!(
                    "{code} is not in obserr's catalogue; the nearest catalogued codes: {}.",
                    nearest.join(", ")
                )
            }
        }
        Hint::Involved {
            bucket,
            key,
            resource,
            request,
        } => {
            let mut parts = Vec::new();
            if let Some(b) = bucket {
                parts.push(format!("bucket {b}"));
            }
            if let Some(k) = key {
                parts.push(format!("object key {k}"));
            }
            if let Some(r) = resource {
                parts.push(format!("resource {r}"));
            }
            if let Some(q) = request {
                let host = q
                    .host
                    .as_ref()
                    .map_or(String::new(), |h| format!(" on {h}"));
                parts.push(format!("the request {} {}{host}", q.method, q.target));
            }
            format!("It concerns {}.", parts.join(", "))
        }
        Hint::NoResponse { evidence } => format!(
            "No HTTP response arrived ({evidence}): the request failed before OBS could \
             answer, on the client's side or on the network (DNS, connection, TLS, proxy). \
             There is no error code to look up: check the endpoint name, the network path and \
             any proxy settings, and the SDK's log for the underlying exception, then retry."
        ),
        Hint::Truncated => "The body ends before it is complete (cut off in transit or when \
            copied): what arrived is used, the full response may say more."
            .to_string(),
        Hint::Binary { at } => format!(
            "The input turns binary at about byte {at} (a NUL or dense control bytes): obserr \
             read only the text before it. An error response is text."
        ),
        Hint::SupportIds { ids } => {
            let names: Vec<&str> = ids
                .iter()
                .map(|id| match id {
                    SupportId::RequestId => "request ID",
                    SupportId::HostId => "host ID",
                    SupportId::ReservedIndicator => "x-reserved-indicator",
                })
                .collect();
            format!(
                "If you contact support, give them this response's {}: they identify the \
                 request in OBS's logs.",
                and_list(&names)
            )
        }
    }
}

fn documented_name(d: &DocumentedStatus) -> String {
    status_name(d.status, d.reason)
}

fn redirect(endpoint: Option<&str>, location: Option<&str>, bucket: Option<&str>) -> String {
    let mut text = match (endpoint, location) {
        (Some(e), _) => format!("Send the request to endpoint {e} instead"),
        (None, Some(l)) => format!("Send the request to {l} instead (the Location header)"),
        (None, None) => "The response names no new address: look up the bucket's region \
                         (in the console, or `obsutil stat obs://BUCKET`) and send the \
                         request to that region's endpoint"
            .to_string(),
    };
    if let (Some(b), true) = (bucket, endpoint.is_some() || location.is_some()) {
        text.push_str(&format!(": bucket {b} is reached there"));
    }
    if let (Some(e), Some(l)) = (endpoint, location) {
        text.push_str(&format!(" (Location: {l}; endpoint {e})"));
    }
    text.push_str(
        ". Configure that endpoint in your client rather than following the redirect on \
         every request.",
    );
    text
}

fn status_only(
    status: u16,
    info: Option<(&str, &str)>,
    codes: &[&str],
    total: usize,
    no_body: bool,
    head_request: bool,
    ranking: Option<(Ranking, Option<&str>)>,
) -> String {
    let why = match (no_body, head_request) {
        (true, true) => "The response carries no error code (a HEAD response has no body)",
        (true, false) => "The response carries no error code (no body was captured with it)",
        (false, _) => "The response carries no error code",
    };
    let mut text = format!("{why}: status {status}");
    if let Some((reason, meaning)) = info {
        text.push_str(&format!(" {reason} means: {meaning}"));
    }
    text.push(' ');
    let order = if ranking.is_some() {
        "most likely first:"
    } else {
        "among them"
    };
    match total {
        0 => text.push_str("No catalogued code comes with this status."),
        n if n <= MAX_STATUS_CODES => {
            text.push_str(&format!("OBS sends it with: {}.", codes.join(", ")));
        }
        n => text.push_str(&format!(
            "OBS sends it with {n} codes, {order} {}; `obserr explain {status}` lists all.",
            codes.join(", ")
        )),
    }
    if let Some((ranking, operation)) = ranking {
        text.push(' ');
        text.push_str(&why_first(operation, ranking));
    }
    if head_request {
        text.push_str(" Send the same request as GET to see the error body.");
    }
    text.push_str(match status {
        500.. => " A 5xx status is usually transient: retry with exponential backoff.",
        400..=499 => " A 4xx status means the request must change before a retry can succeed.",
        _ => "",
    });
    text
}

/// Why the first of a bare status's codes comes first.
fn why_first(named: Option<&str>, ranking: Ranking) -> String {
    let operation = named.unwrap_or("this request");
    match ranking {
        Ranking::ObjectMissing => format!(
            "For {operation} the likeliest is NoSuchKey: the object does not exist (NoSuchBucket \
             if the bucket does not either)."
        ),
        Ranking::BucketMissingForObject => format!(
            "For {operation} the likeliest is NoSuchBucket: a missing object is no error there."
        ),
        Ranking::BucketMissing => {
            format!("For {operation}, a bucket operation, the likeliest is NoSuchBucket.")
        }
        Ranking::UploadMissing => format!(
            "For {operation} the likeliest is NoSuchUpload: the multipart upload was completed, \
             aborted or expired."
        ),
        Ranking::HeadForbidden => format!(
            "For {}the likeliest is AccessDenied (a policy or ACL refuses it), then a signing \
             problem (SignatureDoesNotMatch, InvalidAccessKeyId, RequestTimeTooSkewed).",
            named.map_or_else(
                || "a HEAD request ".to_string(),
                |op| format!("{op}, a HEAD request, ")
            )
        ),
    }
}

/// A short description of what the input was read as.
#[must_use]
pub fn read_as(r: &Response) -> String {
    let version = r
        .head
        .as_ref()
        .map(|h| h.version.as_str())
        .filter(|v| !v.is_empty());
    let mut parts: Vec<String> = Vec::new();
    match r.framing {
        Framing::Include => parts.push(format!("curl -i output ({})", version.unwrap_or("HTTP"))),
        Framing::Verbose => parts.push(format!("curl -v output ({})", version.unwrap_or("HTTP"))),
        Framing::Headers => parts.push("response headers".to_string()),
        Framing::Bare => {}
    }
    if r.responses > 1 {
        parts.push(format!("{} responses, the last one counts", r.responses));
    }
    parts.push(
        match r.body {
            Body::Empty => "no body",
            Body::Xml => "XML error body",
            Body::Json => "JSON error body",
            Body::Html => "OBS website error page",
            Body::ProxyPage => "HTML page from a proxy",
            Body::LogLine => "SDK/tool error text",
            Body::Unrecognised => "unrecognised text",
        }
        .to_string(),
    );
    if r.truncated {
        parts.push("truncated".to_string());
    }
    if let Some(at) = r.binary_at {
        parts.push(format!("binary from byte {at}"));
    }
    if r.omitted > 0 {
        parts.push(format!("{} more fields not shown", r.omitted));
    }
    parts.join(", ")
}

/// Details as a JSON object in document order.
struct Details<'a>(&'a [(String, String)]);

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A finding in JSON: its kind, its sentence, then its data.
#[derive(serde::Serialize)]
pub struct HintJson<'a> {
    /// [`Hint::kind`].
    pub kind: &'static str,
    /// The sentence, as the human output says it.
    pub text: String,
    /// The finding's own fields.
    #[serde(flatten)]
    pub data: &'a Hint,
}

impl<'a> From<&'a Hint> for HintJson<'a> {
    fn from(f: &'a Hint) -> Self {
        HintJson {
            kind: f.kind(),
            text: finding(f),
            data: f,
        }
    }
}

/// One `decode --json` response object, keys in this order.
#[derive(serde::Serialize)]
pub struct ResponseJson<'a> {
    /// The input's name: the file name as given, or `-` for standard input.
    pub input: String,
    status: Option<u16>,
    code: Option<&'a str>,
    message: Option<&'a str>,
    request_id: Option<&'a str>,
    host_id: Option<&'a str>,
    resource: Option<&'a str>,
    /// The operation the response answered, when the text names it.
    operation: Option<&'static str>,
    details: Details<'a>,
    /// The entry exactly as `explain --json` prints it.
    entry: Option<EntryJson>,
    /// Which of the entry's meanings applies to this response.
    meaning: Option<MeaningJson>,
    /// The catalogue's cause the message points to (else the most frequent).
    cause: Option<&'static crate::catalogue::Cause>,
    retryable: Option<bool>,
    hints: Vec<HintJson<'a>>,
    next: String,
}

impl<'a> ResponseJson<'a> {
    /// The JSON object for one diagnosis of `input`.
    pub fn new(d: &'a Diagnosis, input: &Input) -> Self {
        let r = &d.response;
        ResponseJson {
            input: input.name(),
            status: r.status,
            code: r.code.as_deref(),
            message: r.message.as_deref(),
            request_id: r.request_id.as_deref(),
            host_id: r.host_id.as_deref(),
            resource: r.resource.as_deref(),
            operation: r.operation,
            details: Details(&r.details),
            entry: d.entry.map(EntryJson::from),
            meaning: d.entry.map(|e| MeaningJson::new(e, d.meaning)),
            cause: d.cause,
            retryable: d.retryable(),
            hints: d.findings.iter().map(HintJson::from).collect(),
            next: next_command(&d.next),
        }
    }
}

/// The meaning of a code that applies to one response: the documented row
/// its message names, or the code's generic meaning.
#[derive(serde::Serialize)]
pub struct MeaningJson {
    /// The generic meaning (no documented row's cause is named).
    generic: bool,
    /// The page of the documented row; null for the generic meaning.
    source: Option<&'static str>,
    message: String,
    solution: String,
}

impl MeaningJson {
    fn new(e: &'static crate::catalogue::Entry, meaning: Option<Meaning>) -> Self {
        let (message, solution) = meaning_text(e, meaning);
        MeaningJson {
            generic: matches!(meaning, Some(Meaning::Generic)),
            source: match meaning {
                Some(Meaning::Documented(row)) => Some(row.source.id),
                Some(Meaning::Generic) => None,
                None => e.documented.first().map(|row| row.source.id),
            },
            message,
            solution,
        }
    }
}

/// An element of the `decode --json` array: a response, or an input that
/// could not be read.
#[derive(serde::Serialize)]
#[serde(untagged)]
pub enum DecodedJson<'a> {
    /// A decoded response.
    Response(Box<ResponseJson<'a>>),
    /// An input that could not be read.
    Error(super::json::ErrorJson),
}

/// The `decode --json` array: one object per response, or per unreadable input.
#[must_use]
pub fn json_all(decoded: &[Decoded]) -> Vec<DecodedJson<'_>> {
    let mut items = Vec::new();
    for item in decoded {
        match &item.result {
            Ok(diagnoses) => items.extend(
                diagnoses
                    .iter()
                    .map(|d| DecodedJson::Response(Box::new(ResponseJson::new(d, &item.input)))),
            ),
            Err(e) => items.push(DecodedJson::Error(super::json::ErrorJson::new(
                super::message::read_error(&item.input, e),
                Some(item.input.name()),
            ))),
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    fn human_text(input: &[u8], color: bool) -> String {
        let d = diagnose(decode(input));
        let mut buf = Vec::new();
        human_verbose(
            &mut buf,
            &Style {
                color,
                ..Style::default()
            },
            &d,
        )
        .unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn no_raw_control_character_reaches_the_terminal() {
        let hostile = b"HTTP/1.1 403 Forb\x1b[2Jidden\r\nx-obs-request-id: R\x07\x9b\r\n\r\n<Error><Code>Access\x1b]0;pwned\x07Denied</Code><Message>m\xc2\x9b31m &#27;[1m \x7f</Message><Key>k\xe2\x80\xaeey</Key><StringToSign>GET\r\n\x1b</StringToSign></Error>";
        for color in [false, true] {
            let text = human_text(hostile, color);
            let raw: Vec<char> = text
                .chars()
                .filter(|c| c.is_control() && *c != '\n' && !(color && *c == '\x1b'))
                .collect();
            assert!(raw.is_empty(), "{raw:?} in {text}");
            assert!(!text.contains('\u{9b}') && !text.contains('\u{202e}'));
            if !color {
                assert!(!text.contains('\x1b'));
            }
            // Exact escapes, which trycmd cannot pin (it turns `\` into `/`).
            assert!(text.contains("Access\\x1b]0;pwned\\x07Denied"), "{text}");
            assert!(text.contains("m\\x9b31m \\x1b[1m \\x7f"), "{text}");
            assert!(text.contains("Key: k\\u{202e}ey"), "{text}");
        }
        // The short form too.
        let d = diagnose(decode(hostile));
        let mut buf = Vec::new();
        human(&mut buf, &Style::default(), &d).unwrap();
        let short = String::from_utf8(buf).unwrap();
        assert!(
            !short.chars().any(|c| c.is_control() && c != '\n'),
            "{short}"
        );
        let text = human_text(hostile, true);
        // With colour on, the only escapes are obserr's own SGR sequences.
        for (i, _) in text.match_indices('\x1b') {
            let rest = &text[i + 1..];
            assert!(rest.starts_with('['), "{rest}");
            let end = rest.find('m').unwrap();
            assert!(rest[1..end]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b';'));
        }
    }

    #[test]
    fn the_short_form_holds_the_likely_cause_and_no_hex_the_full_one_every_cause() {
        let input = b"HTTP/1.1 403 Forbidden\r\nx-obs-request-id: R1\r\n\r\n<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><StringToSign>PUT\n\n\n/b/k</StringToSign><StringToSignBytes>50 55 54 0a 0a 0a 2f 62 2f 6b</StringToSignBytes><RequestId>R1</RequestId></Error>";
        let d = diagnose(decode(input));
        let e = d.entry.unwrap();
        let render = |f: fn(&mut Vec<u8>, &Style, &Diagnosis) -> io::Result<()>| {
            let mut buf = Vec::new();
            let style = Style {
                width: Some(100),
                ..Style::default()
            };
            f(&mut buf, &style, &d).unwrap();
            String::from_utf8(buf).unwrap()
        };
        let short = render(human);
        assert!(short.lines().count() <= SHORT_LINES, "{short}");
        // The headline: code, status and meaning, wrapped under the labels.
        let head: String = short.split("\nMost often:").next().unwrap().into();
        let words = head.split_whitespace().collect::<Vec<_>>().join(" ");
        let want = format!("SignatureDoesNotMatch 403 Forbidden {}", e.message());
        assert_eq!(words, want, "{short}");
        assert!(
            head.lines()
                .skip(1)
                .all(|l| l.starts_with(&" ".repeat(LABEL))),
            "{short}"
        );
        // The message points to no cause: the first is only the most frequent.
        assert!(
            short.contains(&format!("Most often: {}", &e.causes[0].cause[..40])),
            "{short}"
        );
        assert!(short.contains("Request ID: R1\n"), "{short}");
        assert!(short.ends_with("Next:       obserr sigcheck\n"), "{short}");
        for hidden in [
            "50 55 54",
            "Details:",
            "Read as:",
            "Usual causes",
            "StringToSign",
        ] {
            assert!(!short.contains(hidden), "{hidden}: {short}");
        }
        let full = render(human_verbose);
        assert!(
            !full.contains("50 55 54") && !full.contains("StringToSignBytes"),
            "{full}"
        );
        assert!(!full.contains("Usual causes"), "{full}");
        assert!(
            full.contains("Other causes, most frequent first:"),
            "{full}"
        );
        for c in &e.causes[1..] {
            assert!(full.contains(&c.cause[..30]), "{}: {full}", c.cause);
        }
    }

    #[test]
    fn a_finding_is_shown_when_it_fits() {
        let page = b"HTTP/1.1 502 Bad Gateway\r\nServer: nginx/1.24.0\r\nContent-Type: text/html\r\n\r\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>";
        let d = diagnose(decode(page));
        let mut buf = Vec::new();
        human(&mut buf, &Style::default(), &d).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(
            text.contains("Hints:      - This page did not come from OBS"),
            "{text}"
        );
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("e.g. this. And"), "e.g. this.");
    }

    #[test]
    fn string_to_sign_is_shown_line_by_line_with_visible_breaks() {
        let text = human_text(b"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>PUT\n\ntext/plain&#13;\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k</StringToSign></Error>", false);
        let pad = " ".repeat(LABEL + 4);
        let want = format!("{pad}PUT\\n\n{pad}\\n\n{pad}text/plain\\r\\n\n{pad}Fri, 15 Mar 2024 10:15:00 GMT\\n\n{pad}/b/k\n");
        assert!(text.contains(&want), "{text}");
        assert!(!text.contains("Details:"), "{text}");
    }

    #[test]
    fn json_has_exactly_the_documented_keys_in_order() {
        let d = diagnose(decode(b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code><Key>k\x1b</Key><BucketName>b</BucketName></Error>"));
        let text =
            serde_json::to_string(&ResponseJson::new(&d, &Input::File("a.txt".into()))).unwrap();
        assert!(!text.contains('\x1b'));
        let keys = [
            "input",
            "status",
            "code",
            "message",
            "request_id",
            "host_id",
            "resource",
            "details",
            "entry",
            "retryable",
            "hints",
            "next",
        ];
        let mut at = 0;
        for k in keys {
            let i = text[at..]
                .find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("{k}"));
            at += i;
        }
        assert!(
            text.contains("\"details\":{\"Key\":\"k\\u001b\",\"BucketName\":\"b\"}"),
            "{text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["input"], "a.txt");
        assert_eq!(v["entry"]["code"], "NoSuchKey");
        assert_eq!(v["retryable"], false);
        assert_eq!(v["message"], serde_json::Value::Null);
        assert_eq!(v["next"], "obserr explain NoSuchKey");
        let hint = &v["hints"][0];
        assert_eq!(hint["kind"], "involved");
        assert_eq!(hint["bucket"], "b");
        assert_eq!(hint["text"], "It concerns bucket b, object key k\u{1b}.");
    }

    #[test]
    fn a_finding_in_json_is_kind_text_then_its_data() {
        let d = diagnose(decode(b"<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240315T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime></Error>"));
        let text = serde_json::to_string(&HintJson::from(&d.findings[0])).unwrap();
        assert!(
            text.starts_with("{\"kind\":\"clock_skew\",\"text\":\"The request was dated"),
            "{text}"
        );
        assert!(
            text.ends_with(
                ",\"skew_ms\":1392000,\"allowed_ms\":900000,\"allowed_from\":\"documented\"}"
            ),
            "{text}"
        );
        let text = serde_json::to_string(&HintJson::from(&Hint::Truncated)).unwrap();
        assert!(
            text.starts_with("{\"kind\":\"truncated\",\"text\":\"The body ends"),
            "{text}"
        );
    }

    fn sentences(input: &str) -> Vec<String> {
        diagnose(decode(input.as_bytes()))
            .findings
            .iter()
            .map(finding)
            .collect()
    }

    #[test]
    fn findings_read_as_sentences_with_their_numbers() {
        let h = sentences("HTTP/1.1 404 Not Found\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(h[0].contains("status 404 Not Found, but OBS documents RequestTimeout with 408 Request Timeout or 400 Bad Request"), "{h:?}");
        let h = sentences("HTTP/1.1 400 Bad Request\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(h[0].starts_with("RequestTimeout is documented as 408 Request Timeout (OBS Server-side Error Codes) and as 400 Bad Request (OBS S3-compatible API: Error Codes); this response has 400 Bad Request, a documented status"), "{h:?}");
        let h = sentences("<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240315T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>");
        assert!(h[0].contains("the client's clock is 23 min 12 s behind the server's, more than the 15 min (900000 ms"), "{h:?}");
        let h = sentences("HTTP/1.1 403 Forbidden\nDate: Fri, 15 Mar 2024 10:00:00 GMT\n\n<Error><Code>RequestTimeTooSkewed</Code><RequestTime>Fri, 15 Mar 2024 10:20:30 GMT</RequestTime></Error>");
        assert!(
            h[0].contains("20 min 30 s ahead of the server's")
                && h[0].contains("the response's Date header"),
            "{h:?}"
        );
        let h = sentences("<Error><Code>RequestTimeTooSkewed</Code></Error>");
        assert!(h[0].contains("cannot be computed"), "{h:?}");
        let h = sentences("HTTP/1.1 301 Moved Permanently\nLocation: https://b.obs.eu-nl.example/\n\n<Error><Code>PermanentRedirect</Code><Bucket>b</Bucket><Endpoint>obs.eu-nl.example</Endpoint></Error>");
        assert!(
            h[0].starts_with(
                "Send the request to endpoint obs.eu-nl.example instead: bucket b is reached there"
            ),
            "{h:?}"
        );
        let h = sentences(
            "<Error><Code>NoSuchKy</Code><RequestId>R</RequestId><HostId>H</HostId></Error>",
        );
        assert_eq!(
            h[0],
            "NoSuchKy is not in obserr's catalogue; the nearest catalogued codes: NoSuchKey."
        );
        assert!(
            h[1].contains("this response's request ID and host ID:"),
            "{h:?}"
        );
    }

    #[test]
    fn durations_in_minutes_and_seconds() {
        assert_eq!(minutes_seconds(1_392_000), "23 min 12 s");
        assert_eq!(minutes_seconds(900_000), "15 min");
        assert_eq!(minutes_seconds(45_900), "45 s");
    }
}
