//! `obserr scan`'s output: a summary a person reads in ten seconds (totals,
//! findings, the groups most frequent first with what to do), a per-minute
//! timeline on a terminal, the notes about skipped input for stderr, and the
//! `--json` document. Every string from the log is made visible before it is
//! written.

use super::layout::wrap;
use super::message::Message;
use super::style::Style;
use crate::catalogue;
use crate::sanitize::visible;
use crate::scan::{By, Count, Dimension, Group, InputReport, LogFinding, Minute, Report};
use crate::timestamp::format_utc;
use serde::Serialize;
use std::io::{self, Write};

/// Groups shown in full in the human summary (the table lists more).
const DETAILED: usize = 3;
/// Rows of the table.
const ROWS: usize = 10;
/// Values of a tally shown on one line.
const SHOWN: usize = 3;
/// Width of the labels in a group's details.
const LABEL: usize = 13;

/// `1234567` as `1,234,567`.
fn n(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `part` of `whole` as a percentage with two decimals.
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "-".to_string();
    }
    format!("{:.2}%", part as f64 * 100.0 / whole as f64)
}

fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Milliseconds since the epoch as `2026-11-26T08:00:00Z`, as scan's JSON
/// writes times.
#[must_use]
pub fn utc(ms: i64) -> String {
    format_utc(ms)
}

/// A time as people read it: `2026-11-26 08:00:00 UTC`.
fn when(ms: i64) -> String {
    format_utc(ms).replace('T', " ").replace('Z', " UTC")
}

/// What a group is, in a few words: `AccessDenied 403`, `404 (no code)`, or
/// the value grouped by.
fn label(g: &Group, by: By) -> String {
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

fn counts(values: &[Count]) -> String {
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
        super::entry_words::retry(out, s, LABEL, entry)?;
        field(out, "Fix:", entry.one_line_fix())?;
        field(out, "More:", &format!("obserr explain {}", entry.code))?;
    } else if g.client_failure {
        field(out, "Fix:", "the tool failed before sending a request (a local file, the network): its error message says why")?;
    }
    Ok(())
}

/// One finding, in a sentence.
#[must_use]
// Counts and minutes are non-negative and bounded (91 days of timeline, capped tallies).
#[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
pub fn finding(f: &LogFinding) -> String {
    match f {
        LogFinding::ThrottlingBegan { prefix, since, throttled_that_minute, requests_that_minute, throttled_total } => format!(
            "Throttling began on {} at {}: {} of {} requests that minute were throttled (SlowDown, 503, 429); {} in all. Spread the load over more prefixes or lower the request rate, and retry with backoff.",
            if prefix.is_empty() { "keys without a prefix".to_string() } else { format!("prefix {}", visible(prefix)) },
            when(*since), n(*throttled_that_minute), n(*requests_that_minute), n(*throttled_total)
        ),
        LogFinding::SignatureOnKeysNeedingEncoding { count, total, keys } => format!(
            "{} of {} SignatureDoesNotMatch errors are on keys with characters that must be percent-encoded when signing (e.g. {}): the client signs the key unencoded, or encodes it twice.",
            n(*count), n(*total),
            keys.iter().map(|k| visible(k).into_owned()).collect::<Vec<_>>().join(", ")
        ),
        LogFinding::ClockSkewFromClient { ip, count, first_seen, last_seen } => format!(
            "{} RequestTimeTooSkewed errors came from {}{}: that machine's clock is wrong; sync it with NTP.",
            n(*count),
            if ip.is_empty() { "an unknown address".to_string() } else { visible(ip).into_owned() },
            match (first_seen, last_seen) {
                (Some(a), Some(b)) => format!(" between {} and {}", when(*a), when(*b)),
                _ => String::new(),
            }
        ),
        LogFinding::ForbiddenConcentrated { on, value, count, total } => format!(
            "{} of {} 403 errors came from {} {}: check that {}'s permissions (IAM policy, bucket policy, ACL).",
            n(*count), n(*total),
            match on { Dimension::Requester => "requester", Dimension::Operation => "operation" },
            visible(value),
            match on { Dimension::Requester => "requester", Dimension::Operation => "operation" },
        ),
        LogFinding::ServerErrorsOnHotKey { key, count, total } => format!(
            "{} of {} server errors (5xx) were on one key, {}: a hot key, not the service; spread requests over more keys or cache it.",
            n(*count), n(*total), visible(key)
        ),
        LogFinding::ServerErrorsSpread { count, keys, minutes, span_minutes } => format!(
            "{} server errors (5xx) were spread over {} keys and {} of {} minutes: a service-side problem; retry with backoff, and give support the request IDs below.",
            n(*count), n(*keys as u64), n(*minutes as u64), n(*span_minutes as u64)
        ),
    }
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

/// What to tell on stderr about a scan: inputs that could not be read, what
/// was skipped, and a scan without errors.
#[must_use]
pub fn messages(r: &Report) -> Vec<Message<'_>> {
    let mut out = Vec::new();
    for i in &r.inputs {
        let name = i.name.as_str();
        if let Some(error) = &i.error {
            out.push(Message::ScanUnreadable { name, error });
        }
        if i.binary {
            out.push(Message::ScanBinary { name });
        }
        if let Some(error) = &i.cut_short {
            out.push(Message::ScanCutShort {
                name,
                gzip: i.gzip,
                error,
                bytes: i.bytes,
            });
        }
        if i.long_lines > 0 {
            out.push(Message::ScanLongLines {
                name,
                count: i.long_lines,
            });
        }
        if i.invalid_utf8 > 0 {
            out.push(Message::ScanInvalidUtf8 {
                name,
                count: i.invalid_utf8,
            });
        }
    }
    if r.untimed > 0 {
        out.push(Message::ScanUntimed { count: r.untimed });
    }
    if r.failed_dropped > 0 {
        out.push(Message::ScanFailedDropped {
            count: r.failed_dropped,
        });
    }
    if r.outcome() == crate::Outcome::NothingFound {
        out.push(Message::ScanNoErrors {
            requests: r.requests,
            outside: r.outside + r.untimed,
        });
    }
    out
}

/// `scan --failed-objects`: `obs://bucket/key`, one a line, in first-seen
/// order. A key is written as the log holds it; one with a control
/// character or a line break is made visible (it could not be fed to a
/// re-run as one line anyway).
pub fn failed_objects(out: &mut impl Write, r: &Report) -> io::Result<()> {
    for (bucket, key) in &r.failed_objects {
        writeln!(out, "obs://{}/{}", visible(bucket), visible(key))?;
    }
    Ok(())
}

/// `scan --failed-objects --json`: the same, as a JSON array of strings
/// (JSON escapes what needs it; nothing is replaced).
#[must_use]
pub fn failed_urls(r: &Report) -> Vec<String> {
    r.failed_objects
        .iter()
        .map(|(bucket, key)| format!("obs://{bucket}/{key}"))
        .collect()
}

/// Moves the cursor home and clears the screen: the live summary is drawn
/// anew each time.
pub const CLEAR: &str = "\x1b[H\x1b[2J";

/// `scan --follow` on a terminal: the summary so far, cut to the screen's
/// `height`, and a last line saying what is followed.
pub fn live(
    out: &mut impl Write,
    s: &Style,
    r: &Report,
    name: &str,
    height: Option<usize>,
) -> io::Result<()> {
    let mut summary = Vec::new();
    human(&mut summary, s, r, true)?;
    let summary = String::from_utf8_lossy(&summary);
    let room = height.unwrap_or(24).saturating_sub(2).max(1);
    out.write_all(CLEAR.as_bytes())?;
    for line in summary.lines().take(room) {
        writeln!(out, "{line}")?;
    }
    let what = if name == "-" {
        "standard input".to_string()
    } else {
        visible(name).into_owned()
    };
    write!(
        out,
        "{}",
        s.label(&format!(
            "Following {what}; Ctrl-C stops and prints the summary"
        ))
    )
}

/// `scan --follow`, piped: one error as it is read, in a line.
#[must_use]
pub fn follow_line(e: &crate::scan::LogRecord) -> String {
    let mut line = String::new();
    if let Some(t) = e.time {
        line.push_str(&utc(t));
        line.push(' ');
    }
    match (&e.code, e.status) {
        (Some(code), Some(status)) => line.push_str(&format!("{} {status}", visible(code))),
        (Some(code), None) => line.push_str(&visible(code)),
        (None, Some(status)) => line.push_str(&status.to_string()),
        (None, None) => line.push_str("failed before any request"),
    }
    for (name, value) in [
        ("op", &e.operation),
        ("bucket", &e.bucket),
        ("key", &e.key),
        ("request_id", &e.request_id),
    ] {
        if let Some(v) = value {
            line.push_str(&format!(" {name}={}", visible(v)));
        }
    }
    line
}

/// `scan --follow --json`, piped: one error as a JSON object.
#[derive(Serialize)]
pub struct FollowJson<'a> {
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When it was made.
    pub time: Option<i64>,
    /// The HTTP status.
    pub status: Option<u16>,
    /// The error code.
    pub code: Option<&'a str>,
    /// The operation.
    pub operation: Option<&'a str>,
    /// The bucket.
    pub bucket: Option<&'a str>,
    /// The object key.
    pub key: Option<&'a str>,
    /// The request ID.
    pub request_id: Option<&'a str>,
    /// Whether a retry helps (the catalogue), when the code is known.
    pub retryable: Option<bool>,
}

impl<'a> FollowJson<'a> {
    /// The object for one error.
    #[must_use]
    pub fn new(e: &'a crate::scan::LogRecord<'a>) -> Self {
        FollowJson {
            time: e.time,
            status: e.status,
            code: e.code.as_deref(),
            operation: e.operation.as_deref(),
            bucket: e.bucket.as_deref(),
            key: e.key.as_deref(),
            request_id: e.request_id.as_deref(),
            retryable: e
                .code
                .as_deref()
                .and_then(catalogue::lookup)
                .map(|entry| entry.retryable),
        }
    }
}

/// `scan --json`.
#[derive(Serialize)]
pub struct ScanJson<'a> {
    /// The version of `state` ([`crate::scan::FORMAT`]).
    pub format: u32,
    /// Every input, in the order read.
    pub inputs: &'a [InputReport],
    /// Bytes of text read.
    pub bytes: u64,
    /// Lines read.
    pub lines: u64,
    /// Requests counted (access-log lines, responses other lines report).
    pub requests: u64,
    /// Requests that failed: a status of 400 or more, or an error code.
    pub errors: u64,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the first one was made (milliseconds since the epoch).
    pub first_seen: Option<i64>,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the last one was made.
    pub last_seen: Option<i64>,
    /// What errors are grouped by.
    pub by: By,
    /// Groups of errors, most frequent first.
    pub groups: Vec<GroupJson<'a>>,
    /// Errors beyond the groups kept (`scan::MAX_GROUPS`).
    pub ungrouped: u64,
    /// Patterns in the whole log.
    pub findings: Vec<LogFindingJson<'a>>,
    /// What the report was computed from, for `scan --merge`: on one line,
    /// as it is for programs (it is most of the document's size written
    /// out one value a line).
    pub state: Box<serde_json::value::RawValue>,
}

#[derive(Serialize)]
/// One group in `scan --json`, in the issue's key order.
pub struct GroupJson<'a> {
    /// The error code, if the log names one.
    pub code: Option<&'a str>,
    /// The HTTP status, if known.
    pub status: Option<u16>,
    /// The value grouped by (`--by` other than code and status).
    pub value: Option<&'a str>,
    /// A tool's failures before any request was sent (no status, no code).
    pub client_failure: bool,
    /// Errors in the group.
    pub count: u64,
    /// Of all requests.
    pub share: f64,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the first one was made (milliseconds since the epoch).
    pub first_seen: Option<i64>,
    #[serde(serialize_with = "crate::timestamp::serialize_utc_opt")]
    /// When the last one was made.
    pub last_seen: Option<i64>,
    /// Up to three request IDs, for support.
    pub request_ids: &'a [String],
    /// Its most frequent codes (or bare statuses).
    pub codes: &'a [Count],
    /// Its most frequent operations.
    pub operations: &'a [Count],
    /// Its most frequent buckets.
    pub buckets: &'a [Count],
    /// Its most frequent key prefixes.
    pub prefixes: &'a [Count],
    /// Its most frequent keys.
    pub keys: &'a [Count],
    /// Whether a retry helps (the catalogue, or the retry rule for a bare status).
    pub retryable: Option<bool>,
    /// The catalogue's retry advice.
    pub retry_advice: Option<&'static str>,
    /// The catalogue's one-line fix.
    pub fix: Option<&'static str>,
}

/// A finding: its data, and its sentence.
#[derive(Serialize)]
pub struct LogFindingJson<'a> {
    #[serde(flatten)]
    /// The finding as data.
    pub finding: &'a LogFinding,
    /// The finding in a sentence.
    pub text: String,
}

/// `value` as JSON on one line, escaped as all of obserr's JSON is.
fn compact(value: &impl Serialize) -> Box<serde_json::value::RawValue> {
    let mut line = Vec::new();
    super::json::write_line(&mut line, value).expect("writing to memory cannot fail");
    let text = String::from_utf8(line).expect("serde_json writes UTF-8");
    serde_json::value::RawValue::from_string(text.trim_end().to_string())
        .expect("serde_json wrote valid JSON")
}

impl<'a> ScanJson<'a> {
    /// The document for a report.
    #[must_use]
    pub fn new(r: &'a Report) -> Self {
        let share = |count: u64| {
            if r.requests == 0 {
                0.0
            } else {
                (count as f64 / r.requests as f64 * 1e6).round() / 1e6
            }
        };
        ScanJson {
            format: crate::scan::FORMAT,
            inputs: &r.inputs,
            bytes: r.bytes,
            lines: r.lines,
            requests: r.requests,
            errors: r.errors,
            first_seen: r.first_seen,
            last_seen: r.last_seen,
            by: r.by,
            groups: r
                .groups
                .iter()
                .map(|g| {
                    let entry = g.code.as_deref().and_then(catalogue::lookup);
                    GroupJson {
                        code: g.code.as_deref(),
                        status: g.status,
                        value: g.value.as_deref(),
                        client_failure: g.client_failure,
                        count: g.count,
                        share: share(g.count),
                        first_seen: g.first_seen,
                        last_seen: g.last_seen,
                        request_ids: &g.request_ids,
                        codes: &g.codes,
                        operations: &g.operations,
                        buckets: &g.buckets,
                        prefixes: &g.prefixes,
                        keys: &g.keys,
                        retryable: retryable(g),
                        retry_advice: entry.map(|e| super::entry_words::retry_advice(e.retry())),
                        fix: entry.map(catalogue::Entry::one_line_fix),
                    }
                })
                .collect(),
            ungrouped: r.ungrouped,
            findings: r
                .findings
                .iter()
                .map(|f| LogFindingJson {
                    finding: f,
                    text: finding(f),
                })
                .collect(),
            state: compact(&r.state),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{scan_bytes, ScanOptions};

    const LOG: &str = "\
o bkt [26/Nov/2026:08:00:01 +0000] 10.0.0.1 u1 R1 REST.GET.OBJECT a/1 \"GET /bkt/a/1 HTTP/1.1\" 404 NoSuchKey 1 - 1 1 \"-\" \"ua\" -
o bkt [26/Nov/2026:08:00:02 +0000] 10.0.0.1 u1 R2 REST.GET.OBJECT a/2 \"GET /bkt/a/2 HTTP/1.1\" 200 - 1 - 1 1 \"-\" \"ua\" -
o bkt [26/Nov/2026:08:03:02 +0000] 10.0.0.2 u\x1b[31m R3 REST.PUT.OBJECT b/\x1b[2J \"PUT /bkt/b HTTP/1.1\" 403 AccessDenied 1 - 1 1 \"-\" \"ua\" -
";

    #[test]
    fn the_summary_names_the_groups_and_shows_no_raw_escape() {
        let r = scan_bytes(LOG.as_bytes(), ScanOptions::default());
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

    #[test]
    fn json_has_the_issue_shape() {
        let r = scan_bytes(LOG.as_bytes(), ScanOptions::default());
        let mut out = Vec::new();
        super::super::json::write(&mut out, &ScanJson::new(&r)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        // The issue's keys, in its order (declaration order).
        let text = String::from_utf8(out.clone()).unwrap();
        let order = |text: &str, keys: &[&str]| {
            let at: Vec<usize> = keys
                .iter()
                .map(|k| text.find(&format!("\"{k}\":")).unwrap())
                .collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{keys:?} in {text}");
        };
        order(
            &text,
            &[
                "inputs", "bytes", "lines", "requests", "errors", "groups", "findings",
            ],
        );
        let groups = &text[text.find("\"groups\"").unwrap()..];
        order(
            groups,
            &[
                "code",
                "status",
                "count",
                "first_seen",
                "last_seen",
                "request_ids",
                "operations",
                "buckets",
                "prefixes",
                "retryable",
            ],
        );
        let g = &v["groups"][0];
        assert_eq!(g["count"], 1);
        assert_eq!(g["code"], "AccessDenied", "ties by code");
        assert_eq!(g["first_seen"], "2026-11-26T08:03:02Z");
        assert_eq!(g["retryable"], false);
        assert!(g["fix"].is_string());
    }

    #[test]
    fn numbers_and_sizes() {
        assert_eq!(n(0), "0");
        assert_eq!(n(1234567), "1,234,567");
        assert_eq!(n(100), "100");
        assert_eq!(size(512 * 1024 * 1024), "512.0 MiB");
        assert_eq!(percent(1, 3), "33.33%");
    }
}
