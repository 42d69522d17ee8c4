//! The full form of a diagnosis (`decode --verbose`): every field, how the
//! input was read, every finding, every cause.

use super::hint::finding;
use super::lines::{cause_label, field, headline, meaning_text, next_line, proven, LABEL};
use crate::decode::{Body, Framing, Response};
use crate::diagnose::{Diagnosis, Hint};
use crate::render::entry_words::{cause_source_tag, retry};
use crate::render::layout::wrap;
use crate::render::style::Style;
use crate::sanitize::visible;
use std::io::{self, Write};

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
            let tagged = format!("{} {}", c.cause, cause_source_tag(&c.source));
            let label = if proven(d).is_some() {
                "Most often:"
            } else {
                cause_label(d)
            };
            field(out, s, label, &tagged)?;
            field(out, s, "Check:", c.check)?;
            field(out, s, "Fix:", c.fix)?;
        }
        retry(out, s, LABEL, e)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;
    use crate::render::diagnosis::short::{human, SHORT_LINES};

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
    fn string_to_sign_is_shown_line_by_line_with_visible_breaks() {
        let text = human_text(b"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>PUT\n\ntext/plain&#13;\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k</StringToSign></Error>", false);
        let pad = " ".repeat(LABEL + 4);
        let want = format!("{pad}PUT\\n\n{pad}\\n\n{pad}text/plain\\r\\n\n{pad}Fri, 15 Mar 2024 10:15:00 GMT\\n\n{pad}/b/k\n");
        assert!(text.contains(&want), "{text}");
        assert!(!text.contains("Details:"), "{text}");
    }
}
