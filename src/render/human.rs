//! Human-readable output: entries, statuses, lists and search results, in
//! colour when [`Style::color`] says so, fitted to [`Style::width`] when set.

use super::layout::wrap;
use super::style::Style;
use crate::catalogue::{self, Check, Entry, Kind, Sdk, StatusInfo};
use crate::retry::Condition;
use crate::search::Hit;
#[cfg(feature = "cli")]
use comfy_table::{presets, Cell, ColumnConstraint, ContentArrangement, Table};
use std::io::{self, Write};

/// Width of the labels in front of an entry's fields (`Solution:` plus a space).
const LABEL: usize = 10;

fn field(out: &mut impl Write, s: &Style, label: &str, text: &str) -> io::Result<()> {
    super::layout::field(out, s, LABEL, label, text)
}

/// The full explanation of one code, in the long form `rustc --explain`
/// uses: what it is, why it happens (each cause with its check and fix), what
/// to do, whether to retry and whether the SDKs already did, where it is
/// documented.
pub fn entry(out: &mut impl Write, s: &Style, e: &Entry) -> io::Result<()> {
    let status = match (e.kind, e.status()) {
        (Kind::Client, None) => "client-side: no HTTP status".to_string(),
        (Kind::Tool, None) => "a tool's code: no HTTP status".to_string(),
        (Kind::SdkStatus, None) => "an SDK's name for an HTTP error status".to_string(),
        (_, status) => headline_status(s, status),
    };
    writeln!(out, "{}  {status}", s.code(e.code))?;
    if let Some(kind) = kind_text(e) {
        field(out, s, "Kind:", &kind)?;
    }
    field(out, s, "Message:", e.message())?;
    field(
        out,
        s,
        "Solution:",
        &solution(e.solution(), e.solution_inferred()),
    )?;
    if !e.checks.is_empty() {
        let checks: Vec<&str> = e.checks.iter().map(|c| check_name(*c)).collect();
        field(out, s, "Check:", &checks.join(", "))?;
    }
    super::entry_words::retry(out, s, LABEL, e)?;
    if let Some(sdks) = sdk_retries_text(e) {
        field(out, s, "SDKs:", &sdks)?;
    }
    if !e.aliases.is_empty() {
        field(out, s, "Aliases:", &e.aliases.join(", "))?;
    }
    for d in e.alternatives() {
        let mut text = format!(
            "{} ({}): {}\nSolution: {}",
            status_text(d.status),
            d.source.title,
            d.message,
            solution(d.solution, d.solution_inferred)
        );
        if let Some(note) = d.note {
            text.push_str(&format!("\nNote: {note}"));
        }
        field(out, s, "Also:", &text)?;
    }
    docs(out, s, e)?;
    causes(out, s, e)
}

/// The `Docs:` lines: each page's title and address, the address a link when
/// hyperlinks are on (wrapped first, so the escapes take no room).
fn docs(out: &mut impl Write, s: &Style, e: &Entry) -> io::Result<()> {
    let lines: Vec<String> = e
        .sources
        .iter()
        .map(|src| {
            let own = if src.own_words { " (in our words)" } else { "" };
            format!("{}{own} <{}>", src.title, src.url)
        })
        .collect();
    let mut text = wrap(&lines.join("\n"), LABEL, s.width);
    if s.hyperlinks {
        for src in e.sources {
            let shown = format!("<{}>", src.url);
            text = text.replacen(&shown, &format!("<{}>", s.link(src.url, src.url)), 1);
        }
    }
    let padded = format!("{:<LABEL$}", "Docs:");
    writeln!(out, "{}{text}", s.label(&padded))
}

/// The causes of a code, most frequent first, numbered, each with the check
/// that confirms or rules it out and the fix.
fn causes(out: &mut impl Write, s: &Style, e: &Entry) -> io::Result<()> {
    if e.causes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", s.label("Causes, most frequent first:"))?;
    for (n, c) in e.causes.iter().enumerate() {
        writeln!(out)?;
        let number = format!("{}. ", n + 1);
        let tagged = format!("{} {}", c.cause, super::entry_words::cause_source_tag(&c.source));
        writeln!(
            out,
            "{number}{}",
            super::layout::wrap(&tagged, number.len(), s.width)
        )?;
        for (label, text) in [("Check: ", c.check), ("Fix:   ", c.fix)] {
            let indent = number.len() + label.len();
            writeln!(
                out,
                "{}{}{}",
                " ".repeat(number.len()),
                s.label(label),
                super::layout::wrap(text, indent, s.width)
            )?;
        }
    }
    Ok(())
}

/// Who reports a client or tool code: the page's title up to its colon
/// ("OBS C SDK", "obsutil", "OBS Console").
fn reporter(e: &Entry) -> &'static str {
    let title = e.sources[0].title;
    title.split(':').next().unwrap_or(title)
}

/// What kind of error a client or tool code is; nothing for a server code.
fn kind_text(e: &Entry) -> Option<String> {
    match e.kind {
        Kind::Server => None,
        Kind::Client => Some(format!(
            "client-side: {} raised it itself, without (or before) a server response",
            reporter(e)
        )),
        Kind::Tool => Some(format!("a code of {}, not of the OBS server", reporter(e))),
        Kind::SdkStatus => Some(format!(
            "SDK name for a server status: {} names the HTTP status of a server's answer \
             whose error code it did not read (no body, as for HEAD)",
            reporter(e)
        )),
    }
}

fn check_name(c: Check) -> &'static str {
    match c {
        Check::Network => "network",
        Check::Dns => "DNS",
        Check::Proxy => "proxy",
        Check::Tls => "TLS (certificates)",
        Check::LocalFile => "local file",
        Check::Arguments => "the arguments passed",
        Check::Credentials => "credentials",
        Check::Clock => "clock",
        Check::Memory => "memory",
    }
}

fn sdk_name(sdk: Sdk) -> &'static str {
    match sdk {
        Sdk::Python => "Python",
        Sdk::Go => "Go",
        Sdk::Java => "Java",
        Sdk::Dotnet => ".NET",
        Sdk::Nodejs => "Node.js",
        Sdk::C => "C",
        Sdk::Obsutil => "obsutil",
        Sdk::Obsa => "the Hadoop connector",
    }
}

/// Which official SDKs retry the code by themselves: an error seen through
/// one of them may already have failed several times. Nothing for tool codes.
fn sdk_retries_text(e: &Entry) -> Option<String> {
    if e.kind == Kind::Tool {
        return None;
    }
    let retries = e.sdk_retries();
    if retries.is_empty() {
        return Some(if e.kind == Kind::Server {
            "no official SDK retries it by itself".to_string()
        } else {
            "the SDK does not retry it by itself (see the message)".to_string()
        });
    }
    if retries
        .iter()
        .all(|r| r.condition == Condition::FollowsLocation)
    {
        let each: Vec<String> = retries
            .iter()
            .map(|r| match r.retries {
                Some(n) => format!("{} up to {n} times", sdk_name(r.sdk)),
                None => format!("{} without a limit", sdk_name(r.sdk)),
            })
            .collect();
        return Some(format!(
            "every official SDK follows the redirect by itself when the response has a Location \
             header ({}): seen through an SDK, this code means the response had no Location, or \
             the SDK's redirect limit was reached",
            each.join(", ")
        ));
    }
    let names = |cond: Condition| -> Vec<String> {
        retries
            .iter()
            .filter(|r| r.condition == cond)
            .map(|r| match r.retries {
                Some(n) => format!("{} (up to {n} retries)", sdk_name(r.sdk)),
                None => sdk_name(r.sdk).to_string(),
            })
            .collect()
    };
    let mut parts = Vec::new();
    let always = names(Condition::Always);
    if !always.is_empty() {
        parts.push(format!("retried by itself in {}", always.join(", ")));
    }
    let clock = names(Condition::AfterClockCorrection);
    if !clock.is_empty() {
        parts.push(format!(
            "{} retries after correcting its clock, when enabled",
            clock.join(", ")
        ));
    }
    let idempotent = names(Condition::IdempotentOnly);
    if !idempotent.is_empty() {
        parts.push(format!(
            "{} retries idempotent operations",
            idempotent.join(", ")
        ));
    }
    let mut text = parts.join("; ");
    if !always.is_empty() {
        text.push_str(": an error seen through one of these was already retried");
    }
    Some(text)
}

/// A status with its reason phrase, or what the table says when it gives none.
#[must_use]
pub fn status_text(status: Option<u16>) -> String {
    match status {
        Some(st) => format!("{st} {}", catalogue::reason(st).unwrap_or("")),
        None => "status not documented (N/A)".to_string(),
    }
}

fn headline_status(s: &Style, status: Option<u16>) -> String {
    s.status(status.unwrap_or(0), &status_text(status))
}

/// A solution, marked when it is ours rather than the table's.
#[must_use]
pub fn solution(text: &str, inferred: bool) -> String {
    if inferred {
        format!("(inferred: the table gives none) {text}")
    } else {
        text.to_string()
    }
}

/// What a bare HTTP status means for OBS, and the codes that come with it.
pub fn status(
    out: &mut impl Write,
    s: &Style,
    status: u16,
    info: Option<&StatusInfo>,
    codes: &[&Entry],
) -> io::Result<()> {
    let reason = info.map_or("", |i| i.reason);
    writeln!(
        out,
        "{}",
        s.status(status, format!("HTTP {status} {reason}").trim_end())
    )?;
    if let Some(info) = info {
        field(out, s, "Meaning:", info.meaning)?;
        for (n, cause) in info.causes.iter().enumerate() {
            let label = if n == 0 { "Causes:" } else { "" };
            let label = s.label(&format!("{label:<LABEL$}"));
            writeln!(out, "{label}- {}", wrap(cause, LABEL + 2, s.width))?;
        }
    }
    if codes.is_empty() {
        return field(out, s, "Codes:", "no catalogued error code has this status");
    }
    writeln!(out, "{}", s.label(&format!("Codes with status {status}:")))?;
    let max = codes.iter().map(|e| e.code.len()).max().unwrap_or(0);
    for e in codes {
        let pad = " ".repeat(max - e.code.len());
        let message = wrap(&one_line(e.message()), max + 4, s.width);
        writeln!(out, "  {}{pad}  {message}", s.code(e.code))?;
    }
    Ok(())
}

/// The narrowest message column worth a table: below it, a list is printed
/// in the stacked form rather than squeezing words a few to a line.
#[cfg(feature = "cli")]
const MIN_MESSAGE: usize = 20;

/// How far the stacked form indents a code's message under it.
const STACK_INDENT: usize = 4;

/// A list of entries: on a terminal, a table fitted to it, or when the
/// terminal is too narrow for one (or the binary is built without the `cli`
/// feature, which brings the table crate), the stacked form: code and status
/// on one line, the message wrapped and indented below. Not on a terminal,
/// one line of tab-separated fields per code ([`plain_list`]). A code is
/// never broken: the code, status and retry columns take their content's
/// width, and the message column wraps.
pub fn list(out: &mut impl Write, s: &Style, entries: &[&Entry]) -> io::Result<()> {
    let statuses: Vec<String> = entries.iter().map(|e| list_status(e)).collect();
    #[cfg(feature = "cli")]
    {
        let widest = |cells: &mut dyn Iterator<Item = usize>, header: &str| {
            cells.max().unwrap_or(0).max(super::layout::columns(header))
        };
        let code_w = widest(&mut entries.iter().map(|e| super::layout::columns(e.code)), "Code");
        let status_w = widest(&mut statuses.iter().map(|st| super::layout::columns(st)), "Status");
        // Four columns: five borders, and one space of padding each side of a cell.
        let fixed = code_w + status_w + super::layout::columns("Retry") + 5 + 4 * 2;
        if let Some(width) = s.width.filter(|w| *w >= fixed + 2 + MIN_MESSAGE) {
            return table(out, s, width, entries, statuses);
        }
    }
    match s.width {
        Some(width) => stacked(out, s, width, entries, &statuses),
        None => plain_list(out, entries, &statuses),
    }
}

/// The stacked form of a list, for a terminal too narrow for a table: each
/// code and its status on a line, its message wrapped under it.
fn stacked(
    out: &mut impl Write,
    s: &Style,
    width: usize,
    entries: &[&Entry],
    statuses: &[String],
) -> io::Result<()> {
    let pad = " ".repeat(STACK_INDENT);
    for (e, status) in entries.iter().zip(statuses) {
        writeln!(out, "{}  {status}", s.code(e.code))?;
        let message = wrap(&one_line(e.message()), STACK_INDENT, Some(width));
        writeln!(out, "{pad}{message}")?;
    }
    Ok(())
}

#[cfg(feature = "cli")]
fn table(
    out: &mut impl Write,
    s: &Style,
    width: usize,
    entries: &[&Entry],
    statuses: Vec<String>,
) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(if s.ascii {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(["Code", "Status", "Message", "Retry"]);
    for (e, status) in entries.iter().zip(statuses) {
        table.add_row([
            // Cells stay uncoloured: comfy-table measures widths in bytes
            // unless built with crossterm, which obserr does not need.
            Cell::new(e.code),
            Cell::new(status),
            Cell::new(one_line(e.message())),
            Cell::new(if e.retryable { "yes" } else { "no" }),
        ]);
    }
    for column in [0, 1, 3] {
        if let Some(column) = table.column_mut(column) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    writeln!(out, "{table}")
}

/// One line per code, for `grep`, `cut` and `awk` (`gh`'s shape): four
/// tab-separated fields, `code`, `status`, `tool` and `message`. No field
/// holds a tab or a line break, and no code a space: a tool's code is
/// written without its tool (`Obs.0012`), whose name (`browser`, as
/// `explain browser Obs.0012` takes it) is the third field, empty for
/// server and client codes.
fn plain_list(out: &mut impl Write, entries: &[&Entry], statuses: &[String]) -> io::Result<()> {
    for (e, status) in entries.iter().zip(statuses) {
        writeln!(
            out,
            "{}\t{status}\t{}\t{}",
            e.bare_code(),
            e.tool().unwrap_or_default(),
            one_line(e.message())
        )?;
    }
    Ok(())
}

/// Search results, best first, in the same shapes as [`list`].
pub fn hits(out: &mut impl Write, s: &Style, hits: &[Hit]) -> io::Result<()> {
    let entries: Vec<&Entry> = hits.iter().map(|h| h.entry).collect();
    list(out, s, &entries)
}

/// The status column of a list: every documented status, primary first
/// (`408/400`); where none is documented, `N/A` for a server code and the
/// kind (`client`, `tool`) for the others, which never have one.
fn list_status(e: &Entry) -> String {
    let statuses = e.statuses();
    if statuses.is_empty() {
        return match e.kind {
            // An SDK's name for a status it has no other name for (the C
            // SDK's HttpErrorUnknown): any status, none documented.
            Kind::Server | Kind::SdkStatus => "N/A".to_string(),
            kind => kind.name().to_string(),
        };
    }
    statuses
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn an_entry_shows_every_field_without_colour_when_off() {
        let e = catalogue::lookup("NoSuchKey").unwrap();
        let text = render(|o| entry(o, &Style::default(), e));
        assert!(text.starts_with("NoSuchKey  404 Not Found\n"), "{text}");
        assert!(text.contains(&format!("Message:  {}\n", e.message())));
        assert!(text.contains(&format!("Solution: {}\n", e.solution())));
        assert!(text.contains("Retry:    no: "));
        assert!(text.contains("Docs:     "));
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn explain_shows_causes_sdk_retries_and_disagreements() {
        let explained = |code: &str| {
            let e = catalogue::lookup(code).unwrap();
            render(|o| entry(o, &Style::default(), e))
        };
        let cases: [(&str, &[&str]); 9] = [
            (
                "AccessDenied",
                &[
                    "Message:  Access denied.\n",
                    "Causes, most frequent first:\n\n1. The request is authenticated but not allowed",
                    "   Check: ",
                    "   Fix:   ",
                    "SDKs:     no official SDK retries it by itself\n",
                ],
            ),
            (
                "NoSuchVersion",
                &[
                    "Also:     400 Bad Request (OBS API Reference: Configuring WORM",
                    "Note: The WORM-retention pages",
                ],
            ),
            (
                "InternalError",
                &[
                    "retried by itself in Python (up to 3 retries), Go (up to 3 retries), Java",
                    "was already retried",
                ],
            ),
            (
                "NameLookupError",
                &[
                    "Kind:     client-side: OBS C SDK raised it itself",
                    "Check:    DNS, proxy\n",
                ],
            ),
            (
                "obsutil 8",
                &["Kind:     a code of obsutil, not of the OBS server"],
            ),
            // Every cause ends with the tag of its source.
            (
                "RequestTimeout",
                &[
                    "No server answered. [SDK: huaweicloud-sdk-java-obs RestStorageService.java#L682-L689]\n",
                    "Java (up to 2 retries), .NET (up to 3 retries)",
                ],
            ),
            (
                "OperationAborted",
                &[
                    "[docs: obs_21_2002, row OperationAborted]\n",
                    "[FAQ: Why Am I Unable to Create a Bucket?]\n",
                    "Retry:    yes, once the conflicting operation has ended",
                ],
            ),
            // A redirect: the SDKs follow it, so seen through one it had no
            // Location or hit the limit.
            (
                "PermanentRedirect",
                &[
                    "SDKs:     every official SDK follows the redirect by itself",
                    "Python up to 9 times",
                    ".NET without a limit",
                    "the response had no Location",
                ],
            ),
            (
                "HttpErrorNotFound",
                &[
                    "HttpErrorNotFound  404 Not Found\n",
                    "Kind:     SDK name for a server status: OBS C SDK",
                ],
            ),
        ];
        for (code, wanted) in cases {
            let text = explained(code);
            for w in wanted {
                assert!(text.contains(w), "{code}: {w:?} in\n{text}");
            }
        }
        assert!(!explained("obsutil 8").contains("SDKs:"));
        assert!(!explained("PermanentRedirect").contains("no official SDK retries"));
        // No cause is shown without its source.
        for e in catalogue::entries().iter().filter(|e| !e.causes.is_empty()) {
            let text = explained(e.code);
            for c in e.causes {
                let tag = super::super::entry_words::cause_source_tag(&c.source);
                assert!(
                    text.contains(&format!("{} {tag}", c.cause)),
                    "{}: {tag}",
                    e.code
                );
            }
        }
    }

    #[test]
    fn documentation_links_are_hyperlinks_only_when_asked() {
        let e = catalogue::lookup("NoSuchKey").unwrap();
        let linked = Style {
            hyperlinks: true,
            ..Style::default()
        };
        let text = render(|o| entry(o, &linked, e));
        for src in e.sources {
            let link = format!("<\x1b]8;;{0}\x1b\\{0}\x1b]8;;\x1b\\>", src.url);
            assert!(text.contains(&link), "{text:?}");
        }
        let plain = render(|o| entry(o, &Style::default(), e));
        assert!(!plain.contains('\x1b'));
        let mut stripped = text.replace("\x1b]8;;\x1b\\", "");
        for src in e.sources {
            stripped = stripped.replace(&format!("\x1b]8;;{}\x1b\\", src.url), "");
        }
        assert_eq!(stripped, plain);
    }

    #[test]
    fn retry_advice_wraps_like_every_field() {
        let e = catalogue::lookup("SlowDown").unwrap();
        let style = Style {
            width: Some(40),
            ..Style::default()
        };
        let text = render(|o| entry(o, &style, e));
        let retry: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Retry:"))
            .take_while(|l| l.starts_with("Retry:") || l.starts_with("     "))
            .collect();
        assert!(retry.len() > 1, "{text}");
        assert!(
            retry.iter().all(|l| super::super::layout::columns(l) <= 40),
            "{text}"
        );
        assert!(retry[1].starts_with(&" ".repeat(LABEL)), "{text}");
    }

    #[test]
    fn colour_on_adds_escapes() {
        let e = catalogue::lookup("InternalError").unwrap();
        let text = render(|o| {
            entry(
                o,
                &Style {
                    color: true,
                    ..Style::default()
                },
                e,
            )
        });
        assert!(text.contains("\x1b["));
        assert!(text.contains("yes: a server-side failure"));
    }

    #[test]
    fn a_status_fits_the_terminal_with_hanging_indents() {
        let codes: Vec<&Entry> =
            catalogue::by_status(catalogue::StatusFilter::Exact(403)).collect();
        let style = Style {
            width: Some(70),
            ..Style::default()
        };
        let text = render(|o| status(o, &style, 403, catalogue::status_info(403), &codes));
        assert!(text.lines().all(|l| l.chars().count() <= 70), "{text}");
        // A cause that wraps continues under its own text, not under the dash.
        let causes: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Causes:"))
            .collect();
        assert!(causes[1].starts_with("            "), "{text}");
        let plain = render(|o| {
            status(
                o,
                &Style::default(),
                403,
                catalogue::status_info(403),
                &codes,
            )
        });
        assert_eq!(
            plain.lines().filter(|l| l.starts_with("  ")).count(),
            codes.len() + 5
        );
    }

    #[test]
    fn plain_lists_have_one_line_per_code() {
        let entries: Vec<&Entry> = catalogue::entries().iter().collect();
        let text = render(|o| list(o, &Style::default(), &entries));
        assert_eq!(text.lines().count(), entries.len());
        let first = text.lines().next().unwrap();
        assert!(first.starts_with(entries[0].code));
        // Four tab-separated fields; the code never holds a space, and the
        // tool and code name the entry again.
        for (line, e) in text.lines().zip(&entries) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line:?}");
            assert!(!fields[0].contains(' '), "{line:?}");
            let found = if fields[2].is_empty() {
                catalogue::lookup(fields[0])
            } else {
                catalogue::lookup_tool(fields[2], fields[0])
            };
            assert_eq!(found.map(|f| f.code), Some(e.code), "{line:?}");
        }
    }

    #[cfg(feature = "cli")]
    fn table(width: usize, ascii: bool, entries: &[&Entry]) -> String {
        let style = Style {
            width: Some(width),
            ascii,
            ..Style::default()
        };
        render(|o| list(o, &style, entries))
    }

    #[test]
    #[cfg(feature = "cli")]
    fn tables_fit_the_terminal_and_never_break_a_code() {
        let entries: Vec<&Entry> = catalogue::entries().iter().collect();
        let longest = entries.iter().map(|e| e.code.len()).max().unwrap();
        for width in [longest + 50, 100, 120, 200] {
            let text = table(width, false, &entries);
            assert!(text.contains("│ Code"), "{width}: {text}");
            assert!(
                text.lines().all(|l| super::super::layout::columns(l) <= width),
                "{width}: {text}"
            );
            for e in &entries {
                assert!(
                    text.contains(&format!("│ {} ", e.code)),
                    "{width}: {} is broken:\n{text}",
                    e.code
                );
            }
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn too_narrow_for_a_table_is_the_stacked_form() {
        let entries: Vec<&Entry> = catalogue::entries().iter().collect();
        for width in [40, 60] {
            let text = table(width, false, &entries);
            assert!(!text.contains('│'), "{width}: {text}");
            // Each code on a line of its own with its status, never broken;
            // its message under it, indented, fitting the width.
            let heads: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
            assert_eq!(heads.len(), entries.len(), "{width}");
            for (head, e) in heads.iter().zip(&entries) {
                assert!(head.starts_with(&format!("{}  ", e.code)), "{head}");
            }
            for line in text.lines().filter(|l| l.starts_with(' ')) {
                assert!(line.starts_with("    "), "{line:?}");
                // A single word longer than the width is the only overflow.
                assert!(
                    super::super::layout::columns(line) <= width || !line.trim().contains(' '),
                    "{width}: {line:?}"
                );
            }
            let words = |t: &str| t.split_whitespace().count();
            let expected: usize = entries
                .iter()
                .map(|e| words(e.code) + 1 + words(e.message()))
                .sum();
            assert_eq!(words(&text), expected, "{width}: no word lost");
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn ascii_tables_have_no_box_drawing() {
        let entries: Vec<&Entry> = catalogue::entries().iter().take(5).collect();
        let text = table(100, true, &entries);
        assert!(text.is_ascii(), "{text}");
        assert!(text.contains("| Code"), "{text}");
    }
}
