//! The human summary of a scan: the totals, the findings, a per-minute
//! chart on a terminal, the table of groups and the most frequent groups in
//! full.

use super::finding::finding;
use super::format::{n, percent, size, when};
use super::group::{counts, label, retryable};
use crate::catalogue;
use crate::render::entry_words::retry;
use crate::render::layout::wrap;
use crate::render::style::Style;
use crate::sanitize::visible;
use crate::scan::{By, Group, Minute, Report};
use std::io::{self, Write};

/// Groups shown in full in the human summary (the table lists more).
const DETAILED: usize = 3;
/// Rows of the table.
const ROWS: usize = 10;
/// Width of the labels in a group's details.
const LABEL: usize = 13;

/// `text` with its spaces made no-break, so that [`wrap`] (which breaks at
/// spaces) keeps it on one line: a time (`2026-11-26 08:00:04 UTC`).
fn unbroken(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// Wrapped text with the spaces [`unbroken`] protected made plain again.
fn restored(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// The human summary. `timeline` adds the per-minute chart (on a terminal).
pub fn human(out: &mut impl Write, s: &Style, r: &Report, timeline: bool) -> io::Result<()> {
    // Inputs that could not be read are not inputs read: said apart.
    let unreadable = r.inputs.iter().filter(|i| i.error.is_some()).count();
    let files = r.inputs.len() - unreadable;
    let mut head = format!(
        "{} request{}, {} error{} ({}) in {} ({} input{}",
        n(r.requests),
        if r.requests == 1 { "" } else { "s" },
        n(r.errors),
        if r.errors == 1 { "" } else { "s" },
        percent(r.errors, r.requests),
        unbroken(&size(r.bytes)),
        n(files as u64),
        if files == 1 { "" } else { "s" },
    );
    if unreadable > 0 {
        head.push_str(&format!(", {} unreadable", n(unreadable as u64)));
    }
    head.push(')');
    if let (Some(first), Some(last)) = (r.first_seen, r.last_seen) {
        head.push_str(&format!(
            ", {} to {}",
            unbroken(&when(first)),
            unbroken(&when(last))
        ));
    }
    // Wrapped at words on a narrow terminal, a time never split.
    for line in restored(&wrap(&head, 0, s.width)).lines() {
        writeln!(out, "{}", s.label(line))?;
    }
    if r.groups.is_empty() {
        return Ok(());
    }
    if !r.findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", s.label("Findings"))?;
        for f in &r.findings {
            writeln!(out, "- {}", wrap(&finding(f), 2, s.width))?;
        }
    }
    if timeline {
        chart(out, s, &r.timeline)?;
    }
    writeln!(out)?;
    table(out, s, r)?;
    for g in r.groups.iter().take(DETAILED) {
        writeln!(out)?;
        group(out, s, r, g)?;
    }
    Ok(())
}

fn table(out: &mut impl Write, s: &Style, r: &Report) -> io::Result<()> {
    let title = match r.by {
        By::Code => "Errors by code",
        By::Status => "Errors by status",
        By::Operation => "Errors by operation",
        By::Bucket => "Errors by bucket",
        By::Prefix => "Errors by key prefix",
        By::Key => "Errors by key",
        By::Requester => "Errors by requester",
        By::Ip => "Errors by client address",
        By::Minute => "Errors by minute",
    };
    writeln!(out, "{}", s.label(title))?;
    let rows: Vec<(String, String, String, String)> = r
        .groups
        .iter()
        .take(ROWS)
        .map(|g| {
            let what = if matches!(r.by, By::Code | By::Status) {
                match retryable(g) {
                    Some(true) => s.good("retry"),
                    Some(false) => s.bad("fix first"),
                    None => String::new(),
                }
            } else {
                counts(&g.codes)
            };
            (
                n(g.count),
                percent(g.count, r.requests),
                label(g, r.by),
                what,
            )
        })
        .collect();
    let w0 = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let w2 = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
    for (count, share, what, note) in &rows {
        let line = format!("{count:>w0$}  {share:>7}  {what:<w2$}  {note}");
        writeln!(out, "  {}", line.trim_end())?;
    }
    let more = r.groups.len().saturating_sub(ROWS);
    if more > 0 || r.ungrouped > 0 {
        let rest: u64 = r.groups.iter().skip(ROWS).map(|g| g.count).sum::<u64>() + r.ungrouped;
        writeln!(out, "  ... and {} more errors in other groups", n(rest))?;
    }
    Ok(())
}

fn group(out: &mut impl Write, s: &Style, r: &Report, g: &Group) -> io::Result<()> {
    let field = |out: &mut dyn Write, name: &str, text: &str| -> io::Result<()> {
        let name = s.label(&format!("{name:<LABEL$}"));
        writeln!(out, "{name}{}", wrap(text, LABEL, s.width))
    };

    let headline = format!(
        "{}  {} error{}, {} of requests",
        label(g, r.by),
        n(g.count),
        if g.count == 1 { "" } else { "s" },
        percent(g.count, r.requests)
    );
    let paint = g.status.unwrap_or(0);
    writeln!(out, "{}", s.status(paint, &headline))?;
    match (g.first_seen, g.last_seen) {
        (Some(first), Some(last)) if first == last => field(out, "Seen:", &when(first))?,
        (Some(first), Some(last)) => {
            let seen = format!("{} to {}", unbroken(&when(first)), unbroken(&when(last)));
            let name = s.label(&format!("{:<LABEL$}", "Seen:"));
            writeln!(out, "{name}{}", restored(&wrap(&seen, LABEL, s.width)))?;
        }
        _ => {}
    }
    if !g.request_ids.is_empty() {
        let ids: Vec<_> = g
            .request_ids
            .iter()
            .map(|id| visible(id).into_owned())
            .collect();
        field(out, "Request IDs:", &ids.join(", "))?;
    }
    if !matches!(r.by, By::Code) && !g.codes.is_empty() {
        field(out, "Codes:", &counts(&g.codes))?;
    }
    for (name, values) in [
        ("Operations:", &g.operations),
        ("Buckets:", &g.buckets),
        ("Prefixes:", &g.prefixes),
    ] {
        if !values.is_empty() {
            field(out, name, &counts(values))?;
        }
    }
    if let Some(entry) = g.code.as_deref().and_then(catalogue::lookup) {
        retry(out, s, LABEL, entry)?;
        field(out, "Fix:", entry.one_line_fix())?;
        field(out, "More:", &format!("obserr explain {}", entry.code))?;
    } else if g.client_failure {
        field(out, "Fix:", "the tool failed before sending a request (a local file, the network): its error message says why")?;
    }
    Ok(())
}

/// Errors per minute as a sparkline fitted to the terminal, minutes merged
/// into columns when there are more minutes than columns.
// Minutes and counts are non-negative and bounded (at most 91 days of timeline).
#[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
fn chart(out: &mut impl Write, s: &Style, timeline: &[Minute]) -> io::Result<()> {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    // Where the terminal cannot show block elements (Style::ascii).
    const ASCII: [char; 8] = ['.', ',', ':', ';', '+', '*', '#', '@'];
    let bars = if s.ascii { ASCII } else { BARS };
    let (Some(first), Some(last)) = (timeline.first(), timeline.last()) else {
        return Ok(());
    };
    let minutes = ((last.at - first.at) / 60_000 + 1) as usize;
    let columns = s.width.unwrap_or(80).saturating_sub(4).clamp(10, 200);
    let per_column = minutes.div_ceil(columns).max(1);
    let mut cells = vec![0u64; minutes.div_ceil(per_column)];
    for m in timeline {
        cells[((m.at - first.at) / 60_000) as usize / per_column] += m.errors;
    }
    let max = cells.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return Ok(());
    }
    let line: String = cells
        .iter()
        .map(|&c| {
            if c == 0 {
                ' '
            } else {
                bars[((c * 7).div_ceil(max)) as usize]
            }
        })
        .collect();
    writeln!(out)?;
    let per = if per_column == 1 {
        "minute".to_string()
    } else {
        format!("{per_column} minutes")
    };
    writeln!(
        out,
        "{}",
        s.label(&format!("Errors per {per} (highest: {})", n(max)))
    )?;
    writeln!(out, "  {}", s.bad(&line))?;
    writeln!(out, "  {}  to  {}", when(first.at), when(last.at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_groups_and_shows_no_raw_escape() {
        let r = crate::render::testing::access_log_report();
        let mut out = Vec::new();
        human(
            &mut out,
            &Style {
                width: Some(80),
                ..Style::default()
            },
            &r,
            true,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("3 requests, 2 errors (66.67%) in"),
            "{text}"
        );
        assert!(text.contains("NoSuchKey 404"), "{text}");
        assert!(text.contains("Request IDs: R3"), "{text}");
        assert!(text.contains("Fix:"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
        assert!(text.contains("Errors per minute (highest: 1)"), "{text}");
    }
}
