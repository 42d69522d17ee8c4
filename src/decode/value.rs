//! What a value in pasted text may be: the rules every reader shares.
//!
//! An error code is never a number, a placeholder or a reason phrase: a
//! number in the code's place is the HTTP status, a reason phrase gives the
//! status, and a placeholder (`null`, `-1`, `...`, `UnknownError`) says the
//! SDK had nothing to put there. `-1` in a status or code field means no HTTP
//! response arrived. An id ends at its delimiter and is never a placeholder.

use super::codes;

/// The standard reason phrases (RFC 9110 and the common extensions), and the
/// spellings OBS's tables and SDKs use. Matched case-insensitively, longest
/// first where one is a prefix of another.
const REASONS: &[(u16, &str)] = &[
    (100, "Continue"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (204, "No Content"),
    (206, "Partial Content"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (307, "Temporary Redirect"),
    (307, "Moved Temporarily"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (408, "Request Timeout"),
    (408, "Request Time-out"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Request Entity Too Large"),
    (413, "Payload Too Large"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (414, "Request-URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Requested Range Not Satisfiable"),
    (416, "Client Requested Range Not Satisfiable"),
    (416, "Range Not Satisfiable"),
    (429, "Too Many Requests"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (504, "Gateway Time-out"),
];

/// The status a reason phrase at the start of `s` names, and the phrase's
/// length. The phrase must end at a word boundary; `OK` and `Found` count only
/// when written as the standard spells them (they are also plain words).
/// Spaces may be missing (`NotFound`, a .NET enum name).
pub fn reason_at(s: &str) -> Option<(u16, usize)> {
    // Every phrase starts with a letter: most calls end here.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let first = s.as_bytes()[0].to_ascii_lowercase();
    let mut best: Option<(u16, usize)> = None;
    for &(status, phrase) in REASONS {
        if phrase.as_bytes()[0].to_ascii_lowercase() != first {
            continue;
        }
        let Some(len) = match_phrase(s, phrase) else {
            continue;
        };
        if matches!(phrase, "OK" | "Found" | "Gone" | "Conflict") && !s.starts_with(phrase) {
            continue;
        }
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((status, len));
        }
    }
    best
}

/// Whether `s` starts with `phrase` (any case, its spaces optional), ending at
/// a word boundary; returns the length matched.
fn match_phrase(s: &str, phrase: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    for (n, word) in phrase.split(' ').enumerate() {
        if n > 0 && bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        let end = i + word.len();
        if !bytes.get(i..end)?.eq_ignore_ascii_case(word.as_bytes()) {
            return None;
        }
        i = end;
    }
    if bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(i)
}

/// Every reason phrase with its status.
pub fn reasons() -> impl Iterator<Item = (u16, &'static str)> {
    REASONS.iter().copied()
}

/// The reason phrases of `status`.
pub fn reasons_for(status: u16) -> impl Iterator<Item = &'static str> {
    REASONS
        .iter()
        .filter(move |(s, _)| *s == status)
        .map(|(_, r)| *r)
}

/// The status `text` is, whole: `403`, `403 Forbidden`, `Forbidden`.
pub fn status_in(text: &str) -> Option<u16> {
    let t = text.trim();
    if let Some(status) = three_digits(t) {
        let rest = t[3..].trim();
        let reason = reason_at(rest).filter(|&(s, len)| s == status && len == rest.len());
        return (rest.is_empty() || reason.is_some()).then_some(status);
    }
    reason_at(t)
        .filter(|&(_, len)| t[len..].trim().is_empty())
        .map(|(s, _)| s)
}

/// A status of three digits at the start of `s` (100..=599), not followed by
/// another digit.
pub fn three_digits(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    if b.len() < 3
        || !b[..3].iter().all(u8::is_ascii_digit)
        || b.get(3).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let n: u16 = s[..3].parse().ok()?;
    (100..=599).contains(&n).then_some(n)
}

/// Words SDKs print where they had no value.
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim().trim_matches(['"', '\'', '`']);
    t.is_empty()
        || !t.chars().any(char::is_alphanumeric)
        || t.starts_with('<')
        || t.starts_with('{')
        || t.chars().all(|c| c == '*' || c == '.')
        // A redaction run (`xxx`, `XXXXXXXX`): the poster hid the value.
        || (t.len() >= 3 && t.chars().all(|c| c == 'x' || c == 'X'))
        || [
            "null",
            "nil",
            "none",
            "undefined",
            "n/a",
            "unknown",
            "unknownerror",
            "errorunknown",
            "nothing",
            "-1",
        ]
        .iter()
        .any(|p| t.eq_ignore_ascii_case(p))
}

/// What a value in a code's place turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeValue {
    Code(String),
    /// A number or a reason phrase: the HTTP status.
    Status(u16),
    /// `-1`: no HTTP response arrived.
    NoResponse,
    /// A placeholder, or nothing an error code can be.
    Nothing,
}

/// Characters an error code is made of (`NoSuchKey`, `KMS.NotFoundException`,
/// `SYS.0014`, `Obs_Error-1`).
pub fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// [`is_code_char`] for a byte.
fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')
}

/// The code-like word ending at `end` of `line`, and where it starts.
pub fn word_before(line: &str, end: usize) -> (&str, usize) {
    let b = line.as_bytes();
    let mut start = end;
    while start > 0 && is_code_byte(b[start - 1]) {
        start -= 1;
    }
    (&line[start..end], start)
}

/// The code-like word starting at `start` of `line`.
pub fn word_after(line: &str, start: usize) -> &str {
    let b = line.as_bytes();
    let mut end = start;
    while end < b.len() && is_code_byte(b[end]) {
        end += 1;
    }
    &line[start..end]
}

/// Whether `word` is a catalogued code exactly as the catalogue spells it,
/// and may stand as a response's code: never a placeholder (`ErrorUnknown`,
/// which the C SDK prints when it has none) nor a reason phrase written as one
/// word (`Forbidden`), even where the catalogue has an entry of that name (the
/// .NET SDK's status-named errors): those say "no code", and the phrase is the
/// status.
pub fn catalogued_code(word: &str) -> bool {
    // Every code starts with an upper-case letter: most words need no lookup.
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && !is_reason_word(word)
        && !is_placeholder(word)
        && codes::is_code(word)
}

/// Whether `word` is an HTTP reason phrase (in any case).
pub fn is_reason_word(word: &str) -> bool {
    REASONS.iter().any(|(_, r)| r.eq_ignore_ascii_case(word))
}

/// Reads the value at the start of `raw` (already out of its quotes or
/// brackets) as an error code.
pub fn code_value(raw: &str) -> CodeValue {
    let t = raw.trim_start();
    if t.starts_with("-1") && !t[2..].starts_with(|c: char| c.is_ascii_digit()) {
        return CodeValue::NoResponse;
    }
    if let Some(status) = three_digits(t) {
        return CodeValue::Status(status);
    }
    let token: &str = &t[..t.find(|c: char| !is_code_char(c)).unwrap_or(t.len())];
    let token = token.trim_end_matches(['.', '-']);
    // A catalogued code is one even where it reads as a reason phrase
    // (`PermanentRedirect`, `MethodNotAllowed`).
    // ... but a reason phrase written as one (`Forbidden`) stays a status even
    // if a catalogue names an SDK's error after it.
    if catalogued_code(token) {
        return CodeValue::Code(token.to_string());
    }
    if let Some((status, _)) = reason_at(t) {
        return CodeValue::Status(status);
    }
    if token.len() < 2
        || is_placeholder(token)
        || !token.starts_with(|c: char| c.is_ascii_alphabetic())
        || token.len() > 64
    {
        return CodeValue::Nothing;
    }
    CodeValue::Code(token.to_string())
}

/// Where an unquoted id at the start of `s` ends: at white space, a
/// delimiter, a `.` that ends a sentence, or after the `=` padding of a base64
/// value (`...2ww=. Sleeping`, `...jds=:403 Forbidden`).
pub fn id_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || b",;)]}\"'<>`|\\".contains(&c) {
            break;
        }
        if c == b':' && three_digits(&s[i + 1..]).is_some() {
            // `null:403 Forbidden`: S3A's status suffix.
            break;
        }
        if c == b'=' {
            while b.get(i) == Some(&b'=') {
                i += 1;
            }
            return i;
        }
        if c >= 0x80 {
            // Full-width punctuation (`，`) ends it too.
            break;
        }
        i += 1;
    }
    let mut end = i;
    while end > 0 && matches!(b[end - 1], b'.' | b':') {
        end -= 1;
    }
    end
}

/// An id as pasted: a line break and the indentation around it are a wrap
/// (removed), other white space is kept; `None` for a placeholder.
pub fn clean_id(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    for (n, line) in raw.trim().lines().enumerate() {
        let line = if n > 0 { line.trim_start() } else { line };
        out.push_str(line.trim_end());
    }
    let lower = out.to_ascii_lowercase();
    if is_placeholder(&out) || lower.contains("(truncated") || out.len() > 1024 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_phrases_give_statuses() {
        assert_eq!(reason_at("Forbidden."), Some((403, 9)));
        assert_eq!(reason_at("not found"), Some((404, 9)));
        assert_eq!(reason_at("NotFound"), Some((404, 8)));
        assert_eq!(reason_at("Method Not Allowed: x"), Some((405, 18)));
        assert_eq!(reason_at("Forbiddenx"), None);
        assert_eq!(reason_at("found it"), None);
        assert_eq!(status_in(" 403 "), Some(403));
        assert_eq!(status_in("Forbidden"), Some(403));
        assert_eq!(status_in("4031"), None);
        assert_eq!(status_in("404 NoSuchKey"), None);
        assert_eq!(status_in("404 Not Found"), Some(404));
        assert_eq!(status_in("Forbidden place"), None);
    }

    #[test]
    fn codes_are_never_numbers_placeholders_or_reasons() {
        assert_eq!(
            code_value("AccessDenied, x"),
            CodeValue::Code("AccessDenied".into())
        );
        assert_eq!(code_value("SYS.0014"), CodeValue::Code("SYS.0014".into()));
        assert_eq!(code_value("403 Forbidden"), CodeValue::Status(403));
        assert_eq!(code_value("Forbidden"), CodeValue::Status(403));
        assert_eq!(
            code_value("PermanentRedirect"),
            CodeValue::Code("PermanentRedirect".into())
        );
        assert_eq!(code_value("-1;"), CodeValue::NoResponse);
        assert_eq!(code_value("-1011"), CodeValue::Nothing);
        for p in [
            "null",
            "None",
            "...",
            "UnknownError",
            "ErrorUnknown",
            "Unknown",
            "<>",
        ] {
            assert_eq!(code_value(p), CodeValue::Nothing, "{p}");
        }
    }

    #[test]
    fn ids_end_at_their_delimiter() {
        fn end(s: &str) -> &str {
            &s[..id_end(s)]
        }
        assert_eq!(end("XBB14, host id"), "XBB14");
        assert_eq!(end("2ww=. Sleeping"), "2ww=");
        assert_eq!(end("jds=:403 Forbidden"), "jds=");
        assert_eq!(end("588945944CC48625:B, host"), "588945944CC48625:B");
        assert_eq!(end("R1)"), "R1");
        assert_eq!(end("R2."), "R2");
        assert_eq!(end("-1，这"), "-1");
        assert_eq!(end("null:403 Forbidden"), "null");
        assert_eq!(clean_id("RkRC\n    QUFB"), Some("RkRCQUFB".into()));
        assert_eq!(clean_id("\n  abc def \n"), Some("abc def".into()));
        for p in [
            "null",
            ".....",
            "*******",
            "<ID>",
            "",
            "E5EA21 (truncated...)",
        ] {
            assert_eq!(clean_id(p), None, "{p}");
        }
    }
}
