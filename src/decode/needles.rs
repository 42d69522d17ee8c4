//! The SDK and tool shapes found by a fixed string ([`NEEDLES`]): botocore's
//! `(Code) when calling the`, Ruby's `::Errors::`, PHP's ` (client): `,
//! Terraform's `, Reason: `, the OBS C SDK's `failed(`, `ObsException`, and
//! the phrases of a failure before any response (`UnknownHostException`,
//! `connection refused`). One automaton finds them all in one pass over a
//! text; [`read`] reads what each says on its line. A new shape found by a
//! fixed string adds it here.

use super::fact::{push, Fact, FactKind};
use super::input::find;
use super::value::{self, word_after, word_before, CodeValue};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

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

/// How far before `) when calling` a code's `(` is looked for.
const WINDOW: usize = 128;

/// Text that starts a second error on a page: S3's website endpoint lists the
/// error of the custom error document after the first one.
const BOUNDARIES: &[&str] =
    &["An Error Occurred While Attempting to Retrieve a Custom Error Document"];

/// Facts for a value in a code's place.
fn code_or_status(facts: &mut Vec<Fact>, at: usize, raw: &str, evidence: &str) {
    match value::code_value(raw) {
        CodeValue::Code(code) => facts.push(Fact {
            at,
            kind: FactKind::Code(code),
        }),
        CodeValue::Status(status) => facts.push(Fact {
            at,
            kind: FactKind::Status(status),
        }),
        CodeValue::NoResponse => facts.push(Fact {
            at,
            kind: FactKind::NoResponse(evidence.to_string()),
        }),
        CodeValue::Nothing => {}
    }
}

/// The fixed strings some shapes are found by.
#[derive(Debug, Clone, Copy)]
enum Needle {
    /// botocore: `(X) when calling the Op operation: message`.
    Calling,
    /// Ruby: `Aws::S3::Errors::AccessDenied`, `Excon::Error::Forbidden`.
    RubyClass,
    /// PHP: `AccessDenied (client): message`.
    PhpTag,
    /// Terraform's OBS providers: `...: AccessDenied, Reason: message`.
    Reason,
    /// The OBS C SDK: `create bucket x failed(ErrorUnknown).`
    Failed,
    /// `ObsException`: an OBS SDK error, whatever it states.
    Marker,
    Boundary,
    NoResponse,
}

/// One automaton for every fixed string: a line is searched once for all.
static NEEDLES: LazyLock<(AhoCorasick, Vec<(&'static str, Needle)>)> = LazyLock::new(|| {
    let mut needles = vec![
        (") when calling the ", Needle::Calling),
        (") occurred when calling the ", Needle::Calling),
        ("::Errors::", Needle::RubyClass),
        ("::Error::", Needle::RubyClass),
        (" (client): ", Needle::PhpTag),
        (" (server): ", Needle::PhpTag),
        (", Reason: ", Needle::Reason),
        ("failed(", Needle::Failed),
        ("ObsException", Needle::Marker),
    ];
    needles.extend(BOUNDARIES.iter().map(|b| (*b, Needle::Boundary)));
    needles.extend(NO_RESPONSE.iter().map(|p| (*p, Needle::NoResponse)));
    let automaton = AhoCorasick::builder()
        .build(needles.iter().map(|(n, _)| n))
        .expect("fixed strings build an automaton");
    (automaton, needles)
});

/// The fixed strings in `text`, as `(start, end, needle)`, ordered by end.
/// The search runs over a whole chunk at once; [`read`] takes the ones of
/// each line.
pub fn hits(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    NEEDLES
        .0
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
}

/// Reads what the fixed strings `hits` (of [`hits`], offsets in the line)
/// say on `line` (at offset `base` of the text).
pub fn read(line: &str, base: usize, facts: &mut Vec<Fact>, hits: &[(usize, usize, usize)]) {
    let b = line.as_bytes();
    let needles = &NEEDLES.1;
    let (mut marker, mut no_response) = (false, false);
    for &(i, end, pattern) in hits {
        let (needle, kind) = needles[pattern];
        match kind {
            Needle::Calling => {
                // The code is short: its `(` is looked for nearby only, so
                // that a line of many `) when calling the ` costs its length.
                let mut from = i.saturating_sub(WINDOW);
                while !line.is_char_boundary(from) {
                    from += 1;
                }
                let Some(open) = line[from..i].rfind('(').map(|o| from + o) else {
                    continue;
                };
                code_or_status(facts, base + open, &line[open + 1..i], "");
                let after = &line[end..];
                let op = after.find(' ').map(|w| &after[w..]);
                if let Some(message) = op.and_then(|o| o.strip_prefix(" operation: ")) {
                    let message = message.trim();
                    if !message.is_empty() {
                        push(facts, base + i, FactKind::Message(message.to_string()));
                    }
                }
            }
            Needle::RubyClass => {
                let word = word_after(line, end).trim_end_matches(['.', '-']);
                if value::catalogued_code(word) {
                    push(facts, base + i, FactKind::Code(word.to_string()));
                } else if let Some((status, _)) =
                    value::reason_at(word).filter(|&(_, l)| l == word.len())
                {
                    push(facts, base + i, FactKind::Status(status));
                }
            }
            Needle::PhpTag => {
                let (word, start) = word_before(line, i);
                if let CodeValue::Code(code) = value::code_value(word) {
                    push(facts, base + start, FactKind::Code(code));
                }
            }
            Needle::Reason => {
                let (word, start) = word_before(line, i);
                if (start == 0 || matches!(b[start - 1], b' ' | b':'))
                    && let CodeValue::Code(code) = value::code_value(word)
                {
                    push(facts, base + start, FactKind::Code(code));
                }
            }
            Needle::Failed => {
                let inner = word_after(line, end);
                if b.get(end + inner.len()) == Some(&b')') {
                    let code = match value::code_value(inner) {
                        CodeValue::Code(code) => Some(code),
                        _ => None,
                    };
                    push(facts, base + i, FactKind::Standalone(code));
                }
            }
            Needle::Marker if !marker => {
                marker = true;
                push(facts, base + i, FactKind::Marker);
            }
            Needle::Boundary => push(facts, base + i, FactKind::Boundary),
            Needle::NoResponse if !no_response => {
                no_response = true;
                // urllib3 (minio-py) retries a 5xx until it gives up: `Max
                // retries exceeded ... (Caused by ResponseError('too many 503
                // error responses'))`. A response did arrive: its status.
                if let Some(at) = find(&line[end..], "ResponseError('too many ") {
                    let from = end + at + "ResponseError('too many ".len();
                    if let Some(status) = value::three_digits(&line[from..]) {
                        push(facts, base + from, FactKind::Status(status));
                        continue;
                    }
                }
                push(facts, base + i, FactKind::NoResponse(needle.to_string()));
            }
            Needle::Marker | Needle::NoResponse => {}
        }
    }
}
