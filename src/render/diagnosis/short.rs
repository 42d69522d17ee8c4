//! The short form of a diagnosis: what went wrong, the likely cause, the
//! retry advice, the ids and `Next:`, then findings while they fit in
//! [`SHORT_LINES`].

use super::hint::finding;
use super::lines::{
    cause_label, field, headline, meaning_text, next_line, proven, LABEL, PROVEN_FIX,
};
use crate::diagnose::{Diagnosis, Hint, Meaning};
use crate::render::entry_words::{cause_source_kind_tag, retry};
use crate::render::layout::{columns, wrap};
use crate::render::style::Style;
use crate::sanitize::visible;
use std::io::{self, Write};

/// The most lines [`human`] gives one response at 100 columns: the
/// headline, a one-sentence meaning, the likely cause with its check and
/// fix, the retry advice, the ids and `Next:`, and findings while they fit.
pub const SHORT_LINES: usize = 12;

/// The width [`SHORT_LINES`] is counted at when output is not wrapped.
const SHORT_WIDTH: usize = 100;

/// The diagnosis for people, short: the headline (code and status), what it
/// means in one sentence, the single most likely cause with its check and
/// fix, the retry advice, the ids support needs and `Next:`; then what
/// obserr found in this response (a proxy answered, the clock skew, a
/// redirect...) while the whole stays within [`SHORT_LINES`] lines at 100
/// columns (at the terminal's width when narrower). [`human_verbose`](super::verbose::human_verbose) shows
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
                    let tagged = format!("{} {}", c.cause, cause_source_kind_tag(&c.source));
                    field(&mut top, s, cause_label(d), &tagged)?;
                    field(&mut top, s, "Check:", c.check)?;
                    field(&mut top, s, "Fix:", c.fix)?;
                }
                (None, None) => field(&mut top, s, "Solution:", &solution)?,
            }
            retry(&mut top, s, LABEL, e)?;
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
        columns(String::from_utf8_lossy(&plain).trim_end()) + 2
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
        .map(|l| columns(l).div_ceil(width.max(1)).max(1))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

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
}
