//! Renders a [`Diagnosis`]: for people (labelled fields, hints, the command to
//! run next) and as the `decode --json` object. Every piece of text that came
//! from the response goes through [`visible`] on the human side, colour or
//! not; JSON leaves it to serde_json, which escapes every control character.

use super::{json::EntryJson, wrap, Style};
use crate::diagnose::{read_as, Diagnosis};
use crate::sanitize::visible;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::io::{self, Write};

/// Width of the labels (`Request ID:` plus a space).
const LABEL: usize = 12;

fn field(out: &mut impl Write, s: &Style, label: &str, text: &str) -> io::Result<()> {
    super::field(out, s, LABEL, label, text)
}

/// The diagnosis for people.
pub fn human(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    let r = d.response;
    headline(out, s, d)?;
    if let Some(m) = &r.message {
        field(out, s, "Message:", &visible(m))?;
    }
    if let Some(e) = d.entry {
        field(out, s, "Meaning:", e.message())?;
        let solution = super::human::solution(e.solution(), e.solution_inferred());
        field(out, s, "Solution:", &solution)?;
        super::retry(out, s, LABEL, e)?;
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
    let shown_as_block = d.hints.iter().any(|h| h.block.is_some());
    let details: Vec<String> = r
        .details
        .iter()
        .filter(|(n, _)| !(shown_as_block && n.eq_ignore_ascii_case("StringToSign")))
        .map(|(n, v)| format!("{}: {}", visible(n), visible(v)))
        .collect();
    if !details.is_empty() {
        field(out, s, "Details:", &details.join("\n"))?;
    }
    field(out, s, "Read as:", &read_as(r))?;
    hints(out, s, d)?;
    writeln!(
        out,
        "{}{}",
        s.label(&format!("{:<LABEL$}", "Next:")),
        s.code(&d.next)
    )
}

fn headline(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    let r = d.response;
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

fn hints(out: &mut impl Write, s: &Style, d: &Diagnosis) -> io::Result<()> {
    for (n, hint) in d.hints.iter().enumerate() {
        if n == 0 {
            write!(out, "{}", s.label(&format!("{:<LABEL$}", "Hints:")))?;
        } else {
            write!(out, "{:LABEL$}", "")?;
        }
        let mut text = visible(&hint.text).into_owned();
        if hint.block.is_some() {
            text = format!("{} (\\n marks a line break):", text.trim_end_matches(':'));
        }
        writeln!(out, "- {}", wrap(&text, LABEL + 2, s.width))?;
        if let Some(block) = &hint.block {
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

/// The `decode --json` object. `file` is only there when several inputs
/// were decoded.
#[derive(serde::Serialize)]
pub struct DiagnosisJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    status: Option<u16>,
    code: Option<&'a str>,
    message: Option<&'a str>,
    request_id: Option<&'a str>,
    host_id: Option<&'a str>,
    resource: Option<&'a str>,
    details: Details<'a>,
    /// The entry exactly as `explain --json` prints it.
    entry: Option<serde_json::Value>,
    retryable: Option<bool>,
    hints: Vec<String>,
}

impl<'a> DiagnosisJson<'a> {
    pub fn new(d: &'a Diagnosis, file: Option<String>) -> Self {
        let r = d.response;
        let mut hints: Vec<String> = d
            .hints
            .iter()
            .map(|h| match &h.block {
                Some(block) => format!("{}\n{block}", h.text),
                None => h.text.clone(),
            })
            .collect();
        hints.push(format!("Next: `{}`", d.next));
        DiagnosisJson {
            file,
            status: r.status,
            code: r.code.as_deref(),
            message: r.message.as_deref(),
            request_id: r.request_id.as_deref(),
            host_id: r.host_id.as_deref(),
            resource: r.resource.as_deref(),
            details: Details(&r.details),
            entry: d.entry.map(|e| {
                serde_json::to_value(EntryJson::from(e)).expect("catalogue entries serialise")
            }),
            retryable: d.retryable(),
            hints,
        }
    }
}

/// A file that could not be decoded, in a `decode --json` array.
#[derive(serde::Serialize)]
pub struct FileErrorJson {
    pub file: String,
    pub error: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    fn human_text(input: &[u8], color: bool) -> String {
        let r = decode(input);
        let d = diagnose(&r);
        let mut buf = Vec::new();
        human(
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
    fn string_to_sign_is_shown_line_by_line_with_visible_breaks() {
        let text = human_text(b"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>PUT\n\ntext/plain&#13;\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k</StringToSign></Error>", false);
        let pad = " ".repeat(LABEL + 4);
        let want = format!("{pad}PUT\\n\n{pad}\\n\n{pad}text/plain\\r\\n\n{pad}Fri, 15 Mar 2024 10:15:00 GMT\\n\n{pad}/b/k\n");
        assert!(text.contains(&want), "{text}");
        assert!(!text.contains("Details:"), "{text}");
    }

    #[test]
    fn json_has_exactly_the_documented_keys_in_order() {
        let r = decode(b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code><Key>k\x1b</Key><BucketName>b</BucketName></Error>");
        let d = diagnose(&r);
        let text = serde_json::to_string(&DiagnosisJson::new(&d, None)).unwrap();
        assert!(!text.contains('\x1b'));
        let keys = [
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
        assert_eq!(v["entry"]["code"], "NoSuchKey");
        assert_eq!(v["retryable"], false);
        assert_eq!(v["message"], serde_json::Value::Null);
        assert!(v["hints"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .as_str()
            .unwrap()
            .contains("obserr explain NoSuchKey"));
    }
}
