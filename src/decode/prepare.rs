//! Undoes what pasting did to a text before any reader looks at it, in one
//! pass: the prefixes a log viewer or a quote put before each line (a
//! `CloudWatch` timestamp, `  | `, Terraform's box `│ `, a Markdown `> `), the
//! Markdown bold `**`, a Ruby wire trace's `-> "...\r\n"` quoting, the escapes
//! of a string literal (`\n`, `\t`, `\"`, as a JSON or logfmt field or a debug
//! representation shows an SDK's text), and two hard wraps that part a label
//! from its value (`AccessDenied,` / ` Reason: ...`, `request id` / `[null]`).
//!
//! Line breaks stay where they were (but for those joins), so the readers
//! after it still see lines. The output is at most as long as the input plus
//! one byte per line.

use super::head::is_status_line;
use super::input::{lossy, split_inclusive_lines};
use super::records::LineStarts;

/// The text the readers see: the bytes up to where they turn binary, as
/// UTF-8 (lossily), without a BOM, paste artefacts undone; and where the
/// input's own lines start in it. The lossy copy (when the bytes were not
/// UTF-8) is freed once prepared: at most two copies are alive at once.
pub fn prepared(bytes: &[u8], binary_at: Option<usize>) -> (String, LineStarts) {
    let text = lossy(&bytes[..binary_at.unwrap_or(bytes.len())]);
    prepare_marked(text.strip_prefix('\u{feff}').unwrap_or(&text))
}

/// Prefixes stripped from one line at most (they nest: `> │ ...`).
const MAX_PREFIXES: usize = 4;

/// The text of [`prepare_marked`] alone: for tests.
#[cfg(test)]
pub fn prepare(text: &str) -> String {
    prepare_marked(text).0
}

/// The text with paste artefacts undone, and where the text's own lines
/// start in what it returns (ascending): the line breaks an escape made (`\n\n` in a logged string)
/// are inside a line of the input, and part no records.
pub fn prepare_marked(text: &str) -> (String, LineStarts) {
    let mut lines = LineStarts::default();
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    let mut prev_start = 0;
    let mut verbose = false;
    let mut paragraph_start = true;
    let mut at = 0;
    for raw in split_inclusive_lines(text) {
        // In curl -v output `> ` marks the request: not a quote. Asked once
        // per paragraph, so that a curl -v capture pasted beside a quoted
        // error changes neither.
        if paragraph_start {
            verbose = is_verbose(&text[at..]);
        }
        at += raw.len();
        paragraph_start = raw.trim().is_empty();
        let (line, eol) = match raw.strip_suffix('\n') {
            Some(l) => match l.strip_suffix('\r') {
                Some(l) => (l, "\r\n"),
                None => (l, "\n"),
            },
            None => (raw, ""),
        };
        let line = strip_prefixes(line, verbose);
        let line = wire_trace(line).unwrap_or(line);
        let start = out.len();
        lines.set(start);
        if continues_bytes_literal(&out[prev_start..], line) {
            // `b'...ServiceUnava'` / `b'ilable...'`: one literal again.
            while out.ends_with(['\n', '\r']) {
                out.pop();
            }
            out.pop();
            unescape_into(&mut out, &line.trim_start()[2..]);
        } else if joins(&out[prev_start..], line) {
            // Replace the previous line break by a space.
            while out.ends_with(['\n', '\r']) {
                out.pop();
            }
            out.push(' ');
            unescape_into(&mut out, line.trim_start());
        } else {
            prev_start = start;
            unescape_into(&mut out, line);
        }
        out.push_str(eol);
    }
    unglue_status_lines(out, lines)
}

/// Whether the paragraph at the start of `text` (up to its first blank line)
/// holds a curl -v response line (`< HTTP/1.1 403`).
fn is_verbose(text: &str) -> bool {
    for line in split_inclusive_lines(text) {
        if line.trim().is_empty() {
            return false;
        }
        if line.starts_with("< HTTP/") {
            return true;
        }
    }
    false
}

/// A body without a final line break runs into the next status line when two
/// `curl -i` captures are pasted or `cat` together (`...</Error>HTTP/1.1 403`):
/// the status line gets its own line back.
fn unglue_status_lines(text: String, lines: LineStarts) -> (String, LineStarts) {
    let glued = |t: &str| {
        memchr::memmem::find_iter(t.as_bytes(), b"HTTP/")
            .filter(|&i| i > 0 && matches!(t.as_bytes()[i - 1], b'>' | b'}'))
            .filter(|&i| {
                let line = &t[i..];
                let line = &line[..line.find('\n').unwrap_or(line.len())];
                is_status_line(line.trim_end_matches('\r'))
            })
            .collect::<Vec<usize>>()
    };
    let at = glued(&text);
    if at.is_empty() {
        return (text, lines);
    }
    // Every line after an inserted line break moves by one byte.
    let mut moved = LineStarts::default();
    for l in lines.iter() {
        moved.set(l + at.partition_point(|&i| i <= l));
    }
    let lines = moved;
    let mut out = String::with_capacity(text.len() + at.len());
    let mut last = 0;
    for i in at {
        out.push_str(&text[last..i]);
        out.push('\n');
        last = i;
    }
    out.push_str(&text[last..]);
    (out, lines)
}

/// Whether `next` goes on with the bytes literal `prev` ends with: Python's
/// pprint (s3cmd --debug) cuts a long `b'...'` into adjacent literals, one
/// a line, in the middle of a word or an id.
fn continues_bytes_literal(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end_matches(['\n', '\r']);
    prev.ends_with('\'') && prev.contains("b'") && next.trim_start().starts_with("b'")
}

/// Whether `next` continues `prev` across a hard wrap: Terraform's
/// `CODE,` / ` Reason: message`, or a label whose `[value]` went to the next line.
fn joins(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next = next.trim_start();
    if prev.is_empty() || prev.len() > 64 * 1024 {
        return false;
    }
    if prev.ends_with(',') && next.starts_with("Reason:") {
        return true;
    }
    if next.starts_with('[') {
        let lower = prev.len().saturating_sub(12);
        let tail = prev.get(lower..).unwrap_or("").to_ascii_lowercase();
        return [
            "request id",
            "error code",
            "status",
            "error message",
            "host id",
        ]
        .iter()
        .any(|l| tail.ends_with(l));
    }
    false
}

fn strip_prefixes(mut line: &str, verbose: bool) -> &str {
    for _ in 0..MAX_PREFIXES {
        let before = line.len();
        line = strip_timestamp(line);
        let indented = line.trim_start_matches([' ', '\t']);
        if let Some(rest) = indented
            .strip_prefix("| ")
            .or_else(|| indented.strip_prefix('│'))
            .or_else(|| indented.strip_prefix('┃'))
        {
            line = rest.strip_prefix(' ').unwrap_or(rest);
        } else if indented == "|" || indented == "╷" || indented == "╵" {
            line = "";
        }
        if !verbose
            && let Some(rest) = line.strip_prefix('>')
            && (rest.is_empty() || rest.starts_with([' ', '-', '>']))
        {
            line = rest.strip_prefix(' ').unwrap_or(rest);
            line = line.strip_prefix("- ").unwrap_or(line);
        }
        if line.len() == before {
            break;
        }
    }
    line
}

/// A leading ISO 8601 timestamp and its space (`2020-10-02T12:02:28.935Z `),
/// as `CloudWatch` and container logs put before every line.
fn strip_timestamp(line: &str) -> &str {
    let b = line.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && b.get(10) == Some(&b'T')
        && digits(11..13)
        && b.get(13) == Some(&b':'))
    {
        return line;
    }
    match line.find(' ') {
        Some(space) if space <= 40 => &line[space + 1..],
        _ => line,
    }
}

/// The content of a Ruby `Net::HTTP` wire-trace line (`-> "text\r\n"`),
/// without its quoting and its escaped line end.
fn wire_trace(line: &str) -> Option<&str> {
    let inner = line
        .strip_prefix("-> \"")
        .or_else(|| line.strip_prefix("<- \""))?
        .strip_suffix('"')?;
    Some(
        inner
            .strip_suffix("\\r\\n")
            .or_else(|| inner.strip_suffix("\\n"))
            .unwrap_or(inner),
    )
}

/// Appends `line` with string-literal escapes resolved and `**` removed.
fn unescape_into(out: &mut String, line: &str) {
    // Copy the runs between `\\` and `*` whole; only those two need a look.
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr2(b'\\', b'*', &b[from..]).map(|i| from + i) {
        out.push_str(&line[from..at]);
        let next = b.get(at + 1).copied();
        from = at + 2;
        match (b[at], next) {
            (b'\\', Some(b'n')) => out.push('\n'),
            (b'\\', Some(b'r')) => {
                if line[from..].starts_with("\\n") {
                    from += 2;
                }
                out.push('\n');
            }
            (b'\\', Some(b't')) => out.push('\t'),
            (b'\\', Some(q @ (b'"' | b'\'' | b'\\' | b'/'))) => out.push(char::from(q)),
            (b'*', Some(b'*')) => {}
            (c, _) => {
                out.push(char::from(c));
                from = at + 1;
            }
        }
    }
    out.push_str(&line[from.min(line.len())..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// s3cmd --debug's pprint of a response (tests/fixtures/clients/s3cmd).
    #[test]
    fn adjacent_bytes_literals_are_one_again() {
        assert_eq!(
            prepare("{'data': b'<Error><Code>ServiceUnava'\n         b'ilable</Code><RequestId>0000'\n         b'01A2</RequestId></Error>',\n 'status': 503}\n"),
            "{'data': b'<Error><Code>ServiceUnavailable</Code><RequestId>000001A2</RequestId></Error>',\n 'status': 503}\n"
        );
        // Two literals on lines of their own are not one.
        assert_eq!(prepare("x = 'a'\nb'c'\n"), "x = 'a'\nb'c'\n");
    }

    #[test]
    fn prefixes_and_escapes() {
        assert_eq!(
            prepare("2020-10-02T12:02:28.935Z AccessDenied: x\n  | status: 403\n│  Reason: y\n"),
            "AccessDenied: x\nstatus: 403\n Reason: y\n"
        );
        assert_eq!(
            prepare("err=\"AccessDenied: A\\n\\tstatus code: 403, \\\"q\\\"\""),
            "err=\"AccessDenied: A\n\tstatus code: 403, \"q\"\""
        );
        assert_eq!(
            prepare("> **403 Forbidden**\n>- Code: X\n"),
            "403 Forbidden\nCode: X\n"
        );
        assert_eq!(
            prepare("-> \"HTTP/1.1 403 Forbidden\\r\\n\"\n-> \"\\r\\n\"\n"),
            "HTTP/1.1 403 Forbidden\n\n"
        );
    }

    #[test]
    fn wrapped_labels_rejoin() {
        assert_eq!(
            prepare("Error: x: AccessDenied,\n Reason: Access Denied\n"),
            "Error: x: AccessDenied, Reason: Access Denied\n"
        );
        assert_eq!(
            prepare("status [-1] - request id\n   [null] - error"),
            "status [-1] - request id [null] - error"
        );
    }

    #[test]
    fn a_status_line_glued_to_a_body_gets_its_line() {
        assert_eq!(
            prepare("<Error/>HTTP/1.1 403 Forbidden\r\n\r\n{}HTTP/2 404\n"),
            "<Error/>\nHTTP/1.1 403 Forbidden\r\n\r\n{}\nHTTP/2 404\n"
        );
        assert_eq!(
            prepare("<a>HTTP/1.1 is a protocol"),
            "<a>HTTP/1.1 is a protocol"
        );
    }

    #[test]
    fn curl_verbose_keeps_its_request_lines() {
        let text = "> GET / HTTP/1.1\n< HTTP/1.1 403 Forbidden\n";
        assert_eq!(prepare(text), text);
    }
}
