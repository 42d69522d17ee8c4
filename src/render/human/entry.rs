//! `explain CODE`: one entry in full, and the phrases of an entry (its
//! status, its solution) that the other forms reuse.

use super::label::{field, LABEL};
use crate::catalogue::retry::Condition;
use crate::catalogue::{self, Check, Entry, Kind, Sdk};
use crate::render::entry_words::{cause_source_tag, retry};
use crate::render::layout::wrap;
use crate::render::style::Style;
use std::io::{self, Write};

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
    retry(out, s, LABEL, e)?;
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
        let tagged = format!("{} {}", c.cause, cause_source_tag(&c.source));
        writeln!(out, "{number}{}", wrap(&tagged, number.len(), s.width))?;
        for (label, text) in [("Check: ", c.check), ("Fix:   ", c.fix)] {
            let indent = number.len() + label.len();
            writeln!(
                out,
                "{}{}{}",
                " ".repeat(number.len()),
                s.label(label),
                wrap(text, indent, s.width)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::entry_words::cause_source_tag;
    use crate::render::layout::columns;
    use crate::render::testing::render;

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
                let tag = cause_source_tag(&c.source);
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
        assert!(retry.iter().all(|l| columns(l) <= 40), "{text}");
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
}
