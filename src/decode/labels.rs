//! Reads labelled fields in a line of text, in every spelling SDKs and tools
//! print them: `Status Code: 403`, `status [404]`, `ResponseCode[403]`,
//! `RequestId=...`, `"statusCode":403`, `'x-amz-request-id': '...'`,
//! `StatusCode 403`, `Http Status Code Forbidden`, `StatusCode：Forbidden`
//! (a full-width colon), `statusCode = 301` (Haskell).
//!
//! A label is one of a fixed set of phrases ([`super::spellings`]), matched in any case with its
//! words written apart, joined, or linked by `_` or `-` (`request id`,
//! `RequestID`, `request_id`, `x-amz-request-id`), at a word boundary. A value
//! ends at its delimiter: the closing quote or bracket, `,` `;` `)` `]` or
//! white space for an id, the next label for a message. Values are checked by
//! [`super::value`]: a code that is a number is a status, a placeholder is
//! nothing. One pass over the line finds every label; values are then cut
//! between them, so a line costs time linear in its length.

use super::codes;
use super::fact::{Fact, FactKind};
use super::field::Field;
use super::spellings;
use super::value::{self, CodeValue};

/// Labels read from one line at most; more are hostile or a table.
const MAX_LABELS: usize = 256;
/// The longest quoted or bracketed value looked for.
const MAX_ENCLOSED: usize = 8 * 1024;

struct Label {
    start: usize,
    value: usize,
    field: Field,
    /// After `:`, `=` or a bracket; else only white space parted them.
    explicit: bool,
}

/// The separator after a label ending at `end`: where the value starts and
/// whether it was explicit. `None` when no value can follow.
fn separator(line: &str, end: usize) -> Option<(usize, bool)> {
    let b = line.as_bytes();
    let mut i = end;
    while matches!(b.get(i), Some(b'"' | b'\'')) && i < end + 1 {
        i += 1;
    }
    let spaces_from = i;
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    let spaced = i > spaces_from;
    let explicit_at = if matches!(b.get(i), Some(b':' | b'=')) {
        Some(i + 1)
    } else if line[i..].starts_with("-->") {
        // esdk-obs-nodejs's examples: `Status-->403`.
        Some(i + 3)
    } else if line[i..].starts_with('：') {
        Some(i + '：'.len_utf8())
    } else if b.get(i) == Some(&b'[') {
        return Some((i, true));
    } else {
        None
    };
    match explicit_at {
        Some(mut v) => {
            // `a == b` is a comparison, not a label.
            if b.get(v) == Some(&b'=') {
                return None;
            }
            while matches!(b.get(v), Some(b' ' | b'\t')) {
                v += 1;
            }
            if line[v..].starts_with("Just ") {
                v += 5;
            }
            Some((v, true))
        }
        None if spaced => Some((i, false)),
        None => None,
    }
}

/// The labels in `line` from its spellings (offsets in the line), in order:
/// those at word boundaries with a separator after them.
fn labels(line: &str, hits: &[(usize, usize, usize)]) -> Vec<Label> {
    let b = line.as_bytes();
    let fields = spellings::fields();
    let mut out = Vec::new();
    for &(start, end, pattern) in hits {
        if (start > 0 && b[start - 1].is_ascii_alphanumeric())
            || b.get(end).is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        if let Some((value, explicit)) =
            separator(line, end).or_else(|| tuple_pair(line, start, end))
        {
            out.push(Label {
                start,
                value,
                field: fields[pattern],
                explicit,
            });
            if out.len() >= MAX_LABELS {
                break;
            }
        }
    }
    out
}

/// A label quoted as the first of a pair (`('request-id', 'R')`, a Python
/// list of header tuples): its value starts after the comma.
fn tuple_pair(line: &str, start: usize, end: usize) -> Option<(usize, bool)> {
    let b = line.as_bytes();
    let quote = *b.get(end)?;
    let opened = start >= 2 && b[start - 2] == b'(' && b[start - 1] == quote;
    (matches!(quote, b'\'' | b'"') && opened && line[end + 1..].starts_with(", "))
        .then_some((end + 3, true))
}

/// A quoted or bracketed value at the start of `s`: its content and where it
/// ends in `s`. Brackets nest (`[a [b] c]`); an unclosed one runs to the end.
fn enclosed(s: &str) -> Option<(&str, usize)> {
    // A value is looked for this far at most: an unclosed quote on a long
    // line must not make every label on it scan to its end.
    let mut window = s.len().min(MAX_ENCLOSED);
    while !s.is_char_boundary(window) {
        window -= 1;
    }
    let s = &s[..window];
    let open = s.chars().next()?;
    match open {
        '"' | '\'' | '`' => {
            let close = s[1..].find(open)?;
            Some((&s[1..=close], close + 2))
        }
        '[' => {
            let mut depth = 0usize;
            for (i, c) in s.char_indices() {
                match c {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((&s[1..i], i + 1));
                        }
                    }
                    _ => {}
                }
            }
            Some((&s[1..], s.len()))
        }
        _ => None,
    }
}

/// The text that says no response arrived (`Response code: -1`), without
/// the delimiter after it.
fn evidence(text: &str) -> String {
    text.trim()
        .trim_end_matches([',', ';', ']', ')', ' '])
        .to_string()
}

/// Whether a code written without `:` or `=` after its label is one: known to
/// the catalogue (a code or alias in any case, [`codes::is_key`]), or camel
/// case (`Error Code SignatureDoesNotMatch`).
fn plausible_bare_code(code: &str) -> bool {
    (codes::is_key(code) && !value::is_reason_word(code) && !value::is_placeholder(code))
        || code.chars().filter(char::is_ascii_uppercase).count() >= 2
            && code.chars().any(char::is_lowercase)
}

/// [`read_with`], the line's label spellings found first: for tests.
#[cfg(test)]
pub fn read(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let hits: Vec<_> = spellings::hits(line).collect();
    read_with(line, base, facts, &hits);
}

/// Reads the labelled fields of `line` (at offset `base` of the text), its
/// label spellings (of [`spellings::hits`], offsets in the line) found.
pub fn read_with(line: &str, base: usize, facts: &mut Vec<Fact>, hits: &[(usize, usize, usize)]) {
    let labels = labels(line, hits);
    let mut consumed = 0;
    for (n, label) in labels.iter().enumerate() {
        if label.start < consumed {
            continue;
        }
        let next = labels.get(n + 1).map_or(line.len(), |l| l.start);
        let rest = &line[label.value..];
        let (raw, whole, end) = match enclosed(rest).filter(|_| label.explicit) {
            Some((inner, len)) => (inner, true, label.value + len),
            None => (&line[label.value..next.max(label.value)], false, next),
        };
        if label.explicit {
            consumed = end;
        }
        let at = base + label.start;
        let push = |facts: &mut Vec<Fact>, kind| facts.push(Fact { at, kind });
        match label.field {
            Field::Status => {
                let value = raw.trim();
                if value.starts_with("-1") && !value[2..].starts_with(|c: char| c.is_ascii_digit())
                {
                    push(
                        facts,
                        FactKind::NoResponse(evidence(&line[label.start..end])),
                    );
                } else if let Some(status) = value::three_digits(value) {
                    push(facts, FactKind::Status(status));
                    if let Some((_, len)) = value::reason_at(value[3..].trim_start()) {
                        let r = value[3..].trim_start();
                        push(facts, FactKind::Reason(r[..len].to_string()));
                    }
                } else if let Some((status, len)) = value::reason_at(value) {
                    push(facts, FactKind::Status(status));
                    push(facts, FactKind::Reason(value[..len].to_string()));
                }
            }
            Field::Code => match value::code_value(raw) {
                CodeValue::Code(code) if label.explicit || plausible_bare_code(&code) => {
                    push(facts, FactKind::Code(code));
                }
                CodeValue::Status(status) => push(facts, FactKind::Status(status)),
                CodeValue::NoResponse => {
                    push(
                        facts,
                        FactKind::NoResponse(evidence(&line[label.start..end])),
                    );
                }
                _ => {}
            },
            Field::RequestId | Field::HostId if label.explicit => {
                let id = if whole {
                    raw
                } else {
                    &raw[..value::id_end(raw)]
                };
                if let Some(id) = value::clean_id(id) {
                    push(
                        facts,
                        if label.field == Field::RequestId {
                            FactKind::RequestId(id)
                        } else {
                            FactKind::HostId(id)
                        },
                    );
                }
            }
            Field::Message | Field::Reason if label.explicit => {
                let text = raw.trim().trim_end_matches([',', ';', '-', ' ']).trim();
                if let Some(status) = value::status_in(text) {
                    push(facts, FactKind::Reason(text.to_string()));
                    if label.field != Field::Message {
                        push(facts, FactKind::ReasonStatus(status));
                    }
                } else if !value::is_placeholder(text) {
                    push(facts, FactKind::Message(text.to_string()));
                }
            }
            Field::Bucket | Field::Key
                if label.explicit && (whole || label.field == Field::Bucket) =>
            {
                let name = label.field.canonical();
                let value = if whole {
                    raw
                } else {
                    &raw[..value::id_end(raw)]
                };
                if value.starts_with('[') || !whole && label.field == Field::Key {
                    continue;
                }
                if !value::is_placeholder(value) {
                    push(facts, FactKind::Detail(name.to_string(), value.to_string()));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<FactKind> {
        let mut facts = Vec::new();
        read(line, 0, &mut facts);
        facts.into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn java_v1_and_go_v1() {
        assert_eq!(
            kinds("Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 25B4; S3 Extended Request ID: TBye2b7=)"),
            [
                FactKind::Status(403),
                FactKind::Code("AccessDenied".into()),
                FactKind::RequestId("25B4".into()),
                FactKind::HostId("TBye2b7=".into())
            ]
        );
        assert_eq!(
            kinds("\tstatus code: 403, request id: , host id: Upt=. Sleeping"),
            [FactKind::Status(403), FactKind::HostId("Upt=".into())]
        );
    }

    #[test]
    fn brackets_quotes_and_odd_separators() {
        assert_eq!(
            kinds("ResponseCode[403],ErrorCode[AccessDenied],ErrorMessage[Request Error.],RequestId[0000]"),
            [
                FactKind::Status(403),
                FactKind::Code("AccessDenied".into()),
                FactKind::Message("Request Error.".into()),
                FactKind::RequestId("0000".into())
            ]
        );
        assert_eq!(
            kinds("{'status': 404, 'reason': 'Not Found', \"x-amz-request-id\": \"R\"}"),
            [
                FactKind::Status(404),
                FactKind::Reason("Not Found".into()),
                FactKind::ReasonStatus(404),
                FactKind::RequestId("R".into())
            ]
        );
        assert_eq!(
            kinds("StatusCode：Forbidden"),
            [FactKind::Status(403), FactKind::Reason("Forbidden".into())]
        );
        assert_eq!(
            kinds("Error Code SignatureDoesNotMatch and Http Status Code Forbidden."),
            [
                FactKind::Code("SignatureDoesNotMatch".into()),
                FactKind::Status(403),
                FactKind::Reason("Forbidden".into())
            ]
        );
    }

    /// esdk-obs-nodejs's documented `Status-->404` lines,
    /// esdk-obs-python's header tuples (`('id-2', 'H')`) and minio-js's
    /// `amzRequestid`, as recorded in
    /// tests/fixtures/clients/; a pair of quoted words elsewhere is no label.
    #[test]
    fn arrows_and_header_tuples() {
        assert_eq!(kinds("Status-->404"), [FactKind::Status(404)]);
        assert_eq!(
            kinds("RequestId-->000001A2"),
            [FactKind::RequestId("000001A2".into())]
        );
        assert_eq!(
            kinds("headers:[('request-id', 'R1'), ('id-2', 'H/1+2')]"),
            [
                FactKind::RequestId("R1".into()),
                FactKind::HostId("H/1+2".into())
            ]
        );
        assert_eq!(kinds("fields = ['code', 'message']"), []);
        assert_eq!(
            kinds("  amzRequestid: 'R1',\n  amzId2: 'H1',"),
            [
                FactKind::RequestId("R1".into()),
                FactKind::HostId("H1".into())
            ]
        );
    }

    #[test]
    fn placeholders_and_prose_give_nothing() {
        assert_eq!(
            kinds("Request ID: null; Extended Request ID: <ID>, request id:....."),
            []
        );
        assert_eq!(kinds("code = Unknown desc = x, Code=-1011, code: None"), []);
        assert_eq!(kinds("the status code is wrong; error code here"), []);
        assert!(matches!(
            kinds("Response code: -1; Request ID: null")[..],
            [FactKind::NoResponse(_)]
        ));
        assert_eq!(kinds("curl error code=403;"), [FactKind::Status(403)]);
        assert_eq!(
            kinds("RESP: [403] x-obs-request-id: 0000018F"),
            [
                FactKind::Status(403),
                FactKind::RequestId("0000018F".into())
            ]
        );
    }
}
