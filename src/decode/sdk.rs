//! Reads the unlabelled shapes SDKs and tools print an error in, one line at
//! a time:
//!
//! - botocore/aws-cli: `An error occurred (NoSuchBucket) when calling the
//!   ListObjects operation: ...`, `(403)` in the code's place for a HEAD;
//! - s3cmd: `S3 error: 403 (SignatureDoesNotMatch): ...`;
//! - aws-sdk-go v1, JavaScript, Node's inspect: `AccessDenied: Access Denied`
//!   (a catalogued code, or a reason phrase: `Forbidden: null`), and go v2's
//!   `api error Code: ...`;
//! - Ruby: `Aws::S3::Errors::AccessDenied`, `Excon::Error::Forbidden`;
//!   PHP: `AccessDenied (client): ...`, `S3::putObject(): [AccessDenied]`;
//! - the OBS C SDK: `failed(ErrorUnknown)`, each line an error of its own;
//! - Terraform's OBS providers: `...: AccessDenied, Reason: ...`;
//! - a status with its reason phrase anywhere (`403 Forbidden`,
//!   `forbidden (403)`), or alone on a line;
//! - failures before any response: `UnknownHostException`, `connection
//!   refused`, `proxyconnect`, `Max retries exceeded`.
//!
//! Each search runs over the line once: linear in its length.

use super::scan::{Fact, Kind};
use super::value::{self, CodeValue};
use crate::catalogue;

/// Phrases that say no HTTP response arrived (DNS, TCP, TLS, proxy).
const NO_RESPONSE: &[&str] = &[
    "UnknownHostException",
    "Name or service not known",
    "no such host",
    "Unable to establish connection",
    "Max retries exceeded",
    "proxyconnect",
    "connection refused",
    "Connection refused",
    "ConnectException",
    "ConnectTimeoutException",
    "SocketTimeoutException",
    "SocketException",
    "Connection reset",
    "connection reset by peer",
    "Broken pipe",
    "SSLHandshakeException",
    "TLS handshake timeout",
    "i/o timeout",
    "Network is unreachable",
    "Could not connect to the endpoint URL",
    "EndpointConnectionError",
];

/// Text that starts a second error on a page: S3's website endpoint lists the
/// error of the custom error document after the first one.
const BOUNDARIES: &[&str] = &["An Error Occurred While Attempting to Retrieve a Custom Error Document"];

/// A code exactly as the catalogue spells it (not a word that happens to be one
/// in another case).
fn catalogued(word: &str) -> bool {
    catalogue::lookup(word).is_some_and(|e| e.code == word)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')
}

/// The code-like word ending at `end` of `line`, and where it starts.
fn word_before(line: &str, end: usize) -> (&str, usize) {
    let b = line.as_bytes();
    let mut start = end;
    while start > 0 && is_word_byte(b[start - 1]) {
        start -= 1;
    }
    (&line[start..end], start)
}

/// The code-like word starting at `start` of `line`.
fn word_after(line: &str, start: usize) -> &str {
    let b = line.as_bytes();
    let mut end = start;
    while end < b.len() && is_word_byte(b[end]) {
        end += 1;
    }
    &line[start..end]
}

/// Every start of `needle` in `hay`.
fn all<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
}

/// Facts for a value in a code's place.
fn code_or_status(facts: &mut Vec<Fact>, at: usize, raw: &str, evidence: &str) {
    match value::code_value(raw) {
        CodeValue::Code(code) => facts.push(Fact {
            at,
            kind: Kind::Code(code),
        }),
        CodeValue::Status(status) => facts.push(Fact {
            at,
            kind: Kind::Status(status),
        }),
        CodeValue::NoResponse => facts.push(Fact {
            at,
            kind: Kind::NoResponse(evidence.to_string()),
        }),
        CodeValue::Nothing => {}
    }
}

/// Reads the unlabelled error shapes of `line` (at offset `base`).
pub fn read(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let b = line.as_bytes();
    let push = |facts: &mut Vec<Fact>, at: usize, kind: Kind| facts.push(Fact { at: base + at, kind });
    // botocore: `(X) when calling the Op operation: message`.
    for tail in [") when calling the ", ") occurred when calling the "] {
        for close in all(line, tail) {
            let Some(open) = line[..close].rfind('(') else {
                continue;
            };
            code_or_status(facts, base + open, &line[open + 1..close], "");
            let after = &line[close..];
            if let Some(op) = after.find(" operation: ") {
                let message = after[op + 12..].trim();
                if !message.is_empty() {
                    push(facts, close, Kind::Message(message.to_string()));
                }
            }
        }
    }
    for (i, _) in line.match_indices('(') {
        // s3cmd: `403 (SignatureDoesNotMatch)`.
        if i >= 4 && b[i - 1] == b' ' && (i == 4 || !b[i - 5].is_ascii_alphanumeric()) {
            if let Some(status) = value::three_digits(&line[i - 4..]) {
                let code = word_after(line, i + 1);
                if b.get(i + 1 + code.len()) == Some(&b')') {
                    if let CodeValue::Code(code) = value::code_value(code) {
                        push(facts, i - 4, Kind::Status(status));
                        push(facts, i, Kind::Code(code));
                    }
                }
            }
        }
        // `forbidden (403)`: a reason phrase with its status in parentheses.
        if let (Some(status), Some(b')')) = (value::three_digits(&line[i + 1..]), b.get(i + 4)) {
            let before = line[..i].trim_end();
            if value::reasons_for(status).any(|r| {
                before.len() >= r.len()
                    && before.is_char_boundary(before.len() - r.len())
                    && before[before.len() - r.len()..].eq_ignore_ascii_case(r)
            }) {
                push(facts, i, Kind::Status(status));
            }
        }
    }
    // `Code: message` (go v1, JavaScript), `api error Code: message` (go v2),
    // `Forbidden: null` (a reason phrase in the code's place).
    for (i, _) in line.match_indices(':') {
        if b.get(i + 1) == Some(&b':') || (i > 0 && b[i - 1] == b':') {
            continue;
        }
        let (word, start) = word_before(line, i);
        if word.is_empty() || (start > 0 && b[start - 1] == b':') {
            continue;
        }
        let go_v2 = line[..start].ends_with("api error ");
        let message = line[i + 1..].trim();
        if go_v2 || catalogued(word) {
            if let CodeValue::Code(code) = value::code_value(word) {
                push(facts, start, Kind::Code(code));
                if !message.is_empty() && !value::is_placeholder(message) {
                    push(facts, i, Kind::Message(message.to_string()));
                }
            }
            continue;
        }
        let before = &line[..i];
        for (status, phrase) in value::reasons().filter(|(s, _)| *s >= 400) {
            let Some(from) = before.len().checked_sub(phrase.len()) else {
                continue;
            };
            if before.is_char_boundary(from)
                && &before[from..] == phrase
                && (from == 0 || !b[from - 1].is_ascii_alphanumeric())
            {
                push(facts, from, Kind::Status(status));
                break;
            }
        }
    }
    // Ruby: `Aws::S3::Errors::AccessDenied`, `Excon::Error::Forbidden`.
    for marker in ["::Errors::", "::Error::"] {
        for i in all(line, marker) {
            let word = word_after(line, i + marker.len());
            let word = word.trim_end_matches(['.', '-']);
            if catalogued(word) {
                push(facts, i, Kind::Code(word.to_string()));
            } else if let Some((status, _)) =
                value::reason_at(word).filter(|&(_, l)| l == word.len())
            {
                push(facts, i, Kind::Status(status));
            }
        }
    }
    // PHP: `AccessDenied (client): message`.
    for tail in [" (client): ", " (server): "] {
        for i in all(line, tail) {
            let (word, start) = word_before(line, i);
            if let CodeValue::Code(code) = value::code_value(word) {
                push(facts, start, Kind::Code(code));
            }
        }
    }
    // PHP's S3 class and others: `[AccessDenied]`.
    for (i, _) in line.match_indices('[') {
        let word = word_after(line, i + 1);
        if b.get(i + 1 + word.len()) == Some(&b']') && catalogued(word) {
            push(facts, i, Kind::Code(word.to_string()));
        }
    }
    // Terraform's OBS providers: `...: AccessDenied, Reason: message`.
    for i in all(line, ", Reason: ") {
        let (word, start) = word_before(line, i);
        if start == 0 || matches!(b[start - 1], b' ' | b':') {
            if let CodeValue::Code(code) = value::code_value(word) {
                push(facts, start, Kind::Code(code));
            }
        }
    }
    // The OBS C SDK: `create bucket x failed(ErrorUnknown).`
    for i in all(line, "failed(") {
        let inner = word_after(line, i + 7);
        if b.get(i + 7 + inner.len()) == Some(&b')') {
            let code = match value::code_value(inner) {
                CodeValue::Code(code) => Some(code),
                _ => None,
            };
            push(facts, i, Kind::Standalone(code));
        }
    }
    // `403 Forbidden` anywhere; a status alone on its line.
    let trimmed = line.trim().trim_matches('`');
    if let Some(status) = value::three_digits(trimmed).filter(|_| trimmed.len() == 3) {
        push(facts, line.len() - line.trim_start().len(), Kind::Status(status));
    }
    let mut i = 0;
    while i + 3 < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && b[i + 3] == b' ' {
            if let Some(status) = value::three_digits(&line[i..]) {
                let rest = &line[i + 4..];
                if let Some((s, len)) = value::reason_at(rest).filter(|&(s, _)| s == status) {
                    push(facts, i, Kind::Status(s));
                    push(facts, i + 4, Kind::Reason(rest[..len].to_string()));
                }
            }
        }
        i += 1;
    }
    for phrase in NO_RESPONSE {
        if let Some(i) = super::find(line, phrase) {
            push(facts, i, Kind::NoResponse((*phrase).to_string()));
        }
    }
    if let Some(i) = super::find(line, "ObsException") {
        push(facts, i, Kind::Marker);
    }
    for phrase in BOUNDARIES {
        if let Some(i) = super::find(line, phrase) {
            push(facts, i, Kind::Boundary);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<Kind> {
        let mut facts = Vec::new();
        read(line, 0, &mut facts);
        facts.sort_by_key(|f| f.at);
        facts.into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn botocore_and_s3cmd() {
        assert_eq!(
            kinds("An error occurred (NoSuchBucket) when calling the ListObjects operation: The specified bucket does not exist"),
            [Kind::Code("NoSuchBucket".into()), Kind::Message("The specified bucket does not exist".into())]
        );
        assert_eq!(kinds("An error occurred (403) when calling the HeadObject operation: Forbidden")[0], Kind::Status(403));
        assert_eq!(
            kinds("ERROR: S3 error: 403 (SignatureDoesNotMatch): x")[..2],
            [Kind::Status(403), Kind::Code("SignatureDoesNotMatch".into())]
        );
    }

    #[test]
    fn code_colon_message_and_reason_phrases() {
        assert_eq!(kinds("AccessDenied: Access Denied")[0], Kind::Code("AccessDenied".into()));
        assert_eq!(kinds("    Forbidden: null"), [Kind::Status(403)]);
        assert_eq!(kinds("Error: x"), []);
        assert_eq!(kinds("request failed: forbidden (403) x")[0], Kind::Status(403));
        assert_eq!(kinds("Expected(204) <=> Actual(403 Forbidden)")[0], Kind::Status(403));
        assert_eq!(kinds("line 153: 100% done"), []);
    }

    #[test]
    fn class_names_and_c_sdk_lines() {
        assert_eq!(kinds("(AWS::S3::Errors::AccessDenied)"), [Kind::Code("AccessDenied".into())]);
        assert_eq!(kinds("Excon::Error::Forbidden x"), [Kind::Status(403)]);
        assert_eq!(kinds("create bucket b failed(ErrorUnknown)."), [Kind::Standalone(None)]);
        assert_eq!(
            kinds("get x failed(NoSuchBucket)."),
            [Kind::Standalone(Some("NoSuchBucket".into()))]
        );
    }
}
