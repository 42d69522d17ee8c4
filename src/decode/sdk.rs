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
//!
//! The shapes found by a fixed string are read in [`super::needles`]; this
//! file reads those found by their punctuation.

use super::fact::{push, Fact, FactKind};
use super::needles;
use super::value::{self, word_after, word_before, CodeValue};

/// [`read_with`], the line's fixed strings found first: for tests.
#[cfg(test)]
pub fn read(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let hits: Vec<_> = needles::hits(line).collect();
    read_with(line, base, facts, &hits);
}

/// Reads the unlabelled error shapes of `line` (at offset `base` of the
/// text), its fixed strings (of [`needles::hits`], offsets in the line) found.
pub fn read_with(line: &str, base: usize, facts: &mut Vec<Fact>, hits: &[(usize, usize, usize)]) {
    needles::read(line, base, facts, hits);
    parentheses(line, base, facts);
    colons(line, base, facts);
    brackets(line, base, facts);
    statuses(line, base, facts);
    logged_request(line, base, facts);
    bare_reasons(line, base, facts);
}

/// An error's reason phrase on its own, as s3fs turns OBS's errors into
/// `OSError`s: a line that is nothing else (`Forbidden`, the exception's
/// `str()`), or an exception's last argument (`OSError(16, 'Service
/// Unavailable')`). It gives the status (4xx and 5xx only: a line `OK` is
/// no response) without ever starting another error.
fn bare_reasons(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let whole = |s: &str| {
        value::reason_at(s)
            .filter(|&(status, len)| len == s.len() && status >= 400)
            .map(|(status, _)| status)
    };
    let trimmed = line.trim();
    // Python's str() of an OSError: `[Errno 16] Service Unavailable`.
    let trimmed = trimmed
        .strip_prefix("[Errno ")
        .and_then(|r| r.split_once("] "))
        .map_or(trimmed, |(_, rest)| rest);
    if let Some(status) = whole(trimmed) {
        let at = line.len() - trimmed.len() - (line.len() - line.trim_end().len());
        push(facts, base + at, FactKind::ReasonStatus(status));
        return;
    }
    let b = line.as_bytes();
    for close in memchr::memchr_iter(b')', b) {
        let Some(&quote) = close.checked_sub(1).and_then(|i| b.get(i)) else {
            continue;
        };
        if !matches!(quote, b'\'' | b'"') || close < 2 {
            continue;
        }
        let Some(open) = line[..close - 1].rfind(char::from(quote)) else {
            continue;
        };
        let before = line[..open].trim_end();
        if !(before.ends_with('(') || before.ends_with(',')) {
            continue;
        }
        if let Some(status) = whole(&line[open + 1..close - 1]) {
            push(facts, base + open + 1, FactKind::ReasonStatus(status));
        }
    }
}

/// The status after a quoted request line, as urllib3's debug log (aws
/// --debug, boto3) and access logs write it: `"GET /b/k HTTP/1.1" 404 284`.
fn logged_request(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let b = line.as_bytes();
    for at in memchr::memmem::find_iter(b, "HTTP/") {
        let version = &b[at + 5..];
        let digits = version
            .iter()
            .take_while(|c| c.is_ascii_digit() || **c == b'.')
            .count();
        let after = at + 5 + digits;
        if digits == 0 || !line[after..].starts_with("\" ") {
            continue;
        }
        let rest = &line[after + 2..];
        let Some(status) = value::three_digits(rest) else {
            continue;
        };
        if rest.len() == 3 || rest.as_bytes()[3] == b' ' || rest[3..].trim().is_empty() {
            // Each logged request is an exchange of its own: a retry's
            // response is another error, not the first one told again.
            push(facts, base + at, FactKind::Boundary);
            push(facts, base + after + 2, FactKind::Status(status));
        }
    }
}

/// s3cmd's `403 (SignatureDoesNotMatch)`; `forbidden (403)`.
fn parentheses(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let b = line.as_bytes();
    for i in memchr::memchr_iter(b'(', b) {
        if i >= 4
            && b[i - 1] == b' '
            && b[i - 4].is_ascii_digit()
            && (i == 4 || !b[i - 5].is_ascii_alphanumeric())
            && let Some(status) = value::three_digits(&line[i - 4..])
        {
            let code = word_after(line, i + 1);
            if b.get(i + 1 + code.len()) == Some(&b')')
                && let CodeValue::Code(code) = value::code_value(code)
            {
                push(facts, base + i - 4, FactKind::Status(status));
                push(facts, base + i, FactKind::Code(code));
            }
        }
        if let (Some(status), Some(b')')) = (value::three_digits(&line[i + 1..]), b.get(i + 4)) {
            let before = line[..i].trim_end();
            if value::reasons_for(status).any(|r| {
                before.len() >= r.len()
                    && before.is_char_boundary(before.len() - r.len())
                    && before[before.len() - r.len()..].eq_ignore_ascii_case(r)
            }) {
                push(facts, base + i, FactKind::Status(status));
            }
        }
    }
}

/// `Code: message` (go v1, JavaScript), `api error Code: message` (go v2),
/// `Forbidden: null` (a reason phrase in the code's place).
fn colons(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let b = line.as_bytes();
    for i in memchr::memchr_iter(b':', b) {
        if b.get(i + 1) == Some(&b':') || (i > 0 && b[i - 1] == b':') {
            continue;
        }
        if i == 0 || !b[i - 1].is_ascii_alphabetic() {
            continue;
        }
        let (word, start) = word_before(line, i);
        if start > 0 && b[start - 1] == b':' {
            continue;
        }
        // The AWS SDK for Java v2 names a modelled error by its class:
        // `NoSuchKeyException: null (Service: S3, Status Code: 404, ...)`.
        // Only a model class (`...s3.model.X`, or unqualified): Java's own
        // `java.nio.file.AccessDeniedException` names no server code.
        if let Some(code) = Some(word)
            .filter(|w| !w.contains('.') || w.contains(".model."))
            .and_then(|w| w.rsplit('.').next())
            .and_then(|class| class.strip_suffix("Exception"))
            .filter(|code| value::catalogued_code(code))
        {
            push(facts, base + start, FactKind::Code(code.to_string()));
            let message = line[i + 1..].trim();
            let message = message.split(" (Service:").next().unwrap_or("").trim();
            if !message.is_empty() && !value::is_placeholder(message) {
                push(facts, base + i, FactKind::Message(message.to_string()));
            }
            continue;
        }
        let go_v2 = line[..start].ends_with("api error ");
        if go_v2 || value::catalogued_code(word) {
            if let CodeValue::Code(code) = value::code_value(word) {
                push(facts, base + start, FactKind::Code(code));
                let message = line[i + 1..].trim();
                if !message.is_empty() && !value::is_placeholder(message) {
                    push(facts, base + i, FactKind::Message(message.to_string()));
                }
            }
            continue;
        }
        // A reason phrase in the code's place is in title case (`Forbidden`,
        // `Not Found`): its last word starts with a capital.
        if !b[start].is_ascii_uppercase() {
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
                push(facts, base + from, FactKind::Status(status));
                break;
            }
        }
    }
}

#[cfg(test)]
mod modelled_exceptions {
    use super::*;

    #[test]
    fn a_java_v2_modelled_exception_names_its_code() {
        let facts = |line: &str| {
            let mut facts = Vec::new();
            read(line, 0, &mut facts);
            facts
        };
        let code = |line: &str| {
            facts(line).into_iter().find_map(|f| match f.kind {
                FactKind::Code(c) => Some(c),
                _ => None,
            })
        };
        let v2 = "software.amazon.awssdk.services.s3.model.NoSuchKeyException: null (Service: S3, Status Code: 404, Request ID: R)";
        assert_eq!(code(v2).as_deref(), Some("NoSuchKey"));
        // `null` is no message.
        assert!(!facts(v2)
            .iter()
            .any(|f| matches!(&f.kind, FactKind::Message(_))));
        // Not a model class of a code: the SDK's generic class, Java's own.
        assert_eq!(
            code("com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied"),
            None
        );
        assert_eq!(
            code("java.nio.file.AccessDeniedException: s3a://b/k: getFileStatus"),
            None
        );
    }
}

/// PHP's S3 class and others: `[AccessDenied]`.
fn brackets(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let b = line.as_bytes();
    for i in memchr::memchr_iter(b'[', b) {
        let word = word_after(line, i + 1);
        if b.get(i + 1 + word.len()) == Some(&b']') && value::catalogued_code(word) {
            facts.push(Fact {
                at: base + i,
                kind: FactKind::Code(word.to_string()),
            });
        }
    }
}

/// `403 Forbidden` anywhere; a status alone on its line.
fn statuses(line: &str, base: usize, facts: &mut Vec<Fact>) {
    let b = line.as_bytes();
    let trimmed = line.trim().trim_matches('`');
    if let Some(status) = value::three_digits(trimmed).filter(|_| trimmed.len() == 3) {
        push(
            facts,
            line.len() - line.trim_start().len(),
            FactKind::Status(status),
        );
    }
    for i in memchr::memchr_iter(b' ', b) {
        // Three digits before this space, at a word start.
        if i < 3 || !b[i - 3].is_ascii_digit() || (i > 3 && b[i - 4].is_ascii_alphanumeric()) {
            continue;
        }
        let Some(status) = value::three_digits(&line[i - 3..]) else {
            continue;
        };
        let rest = &line[i + 1..];
        // `100 Continue response seen` (botocore's debug log) is no error.
        if status < 200 {
            continue;
        }
        if let Some((s, len)) = value::reason_at(rest).filter(|&(s, _)| s == status) {
            push(facts, base + i - 3, FactKind::Status(s));
            push(
                facts,
                base + i + 1,
                FactKind::Reason(rest[..len].to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<FactKind> {
        let mut facts = Vec::new();
        read(line, 0, &mut facts);
        facts.sort_by_key(|f| f.at);
        facts.into_iter().map(|f| f.kind).collect()
    }

    /// botocore's debug log before a PUT (tests/fixtures/clients/aws-cli).
    #[test]
    fn a_continue_is_no_status() {
        assert_eq!(
            kinds("DEBUG - 100 Continue response seen, now sending request body."),
            []
        );
    }

    /// s3fs's OSErrors (tests/fixtures/clients/s3fs).
    #[test]
    fn a_reason_phrase_alone_or_as_an_exception_argument() {
        assert_eq!(kinds("Forbidden\n"), [FactKind::ReasonStatus(403)]);
        assert_eq!(
            kinds("OSError(16, 'Service Unavailable')"),
            [FactKind::ReasonStatus(503)]
        );
        assert_eq!(
            kinds("PermissionError('Forbidden')"),
            [FactKind::ReasonStatus(403)]
        );
        assert_eq!(
            kinds("[Errno 16] Service Unavailable"),
            [FactKind::ReasonStatus(503)]
        );
        assert_eq!(kinds("OK"), []);
        assert_eq!(kinds("print('Not Found here')"), []);
    }

    /// minio-py's 5xx after urllib3's retries (tests/fixtures/clients/minio).
    #[test]
    fn urllib3_gives_up_on_a_status() {
        assert_eq!(
            kinds("MaxRetryError: HTTPConnectionPool(host='h', port=1): Max retries exceeded with url: /b/k (Caused by ResponseError('too many 503 error responses'))"),
            [FactKind::Status(503)]
        );
        assert!(matches!(
            kinds("Max retries exceeded with url: /b/k (Caused by NewConnectionError('refused'))")
                [..],
            [FactKind::NoResponse(_)]
        ));
    }

    /// urllib3's line in aws --debug (tests/fixtures/clients/aws-cli).
    #[test]
    fn a_status_after_a_logged_request_line() {
        assert_eq!(
            kinds(r#"DEBUG - http://127.0.0.1:42891 "GET /mybucket/k HTTP/1.1" 404 284"#),
            [FactKind::Boundary, FactKind::Status(404)]
        );
        assert_eq!(
            kinds(r#""HEAD /b/k HTTP/1.1" 403 0"#),
            [FactKind::Boundary, FactKind::Status(403)]
        );
        assert_eq!(kinds(r#""GET /b/k HTTP/1.1" 4040"#), []);
        assert_eq!(kinds("HTTP/1.1 and 404"), []);
    }

    #[test]
    fn botocore_and_s3cmd() {
        assert_eq!(
            kinds("An error occurred (NoSuchBucket) when calling the ListObjects operation: The specified bucket does not exist"),
            [FactKind::Code("NoSuchBucket".into()), FactKind::Message("The specified bucket does not exist".into())]
        );
        assert_eq!(
            kinds("An error occurred (403) when calling the HeadObject operation: Forbidden")[0],
            FactKind::Status(403)
        );
        assert_eq!(
            kinds("ERROR: S3 error: 403 (SignatureDoesNotMatch): x")[..2],
            [
                FactKind::Status(403),
                FactKind::Code("SignatureDoesNotMatch".into())
            ]
        );
    }

    #[test]
    fn code_colon_message_and_reason_phrases() {
        assert_eq!(
            kinds("AccessDenied: Access Denied")[0],
            FactKind::Code("AccessDenied".into())
        );
        assert_eq!(kinds("    Forbidden: null"), [FactKind::Status(403)]);
        assert_eq!(kinds("Error: x"), []);
        assert_eq!(
            kinds("request failed: forbidden (403) x")[0],
            FactKind::Status(403)
        );
        assert_eq!(
            kinds("Expected(204) <=> Actual(403 Forbidden)")[0],
            FactKind::Status(403)
        );
        assert_eq!(kinds("line 153: 100% done"), []);
    }

    #[test]
    fn class_names_and_c_sdk_lines() {
        assert_eq!(
            kinds("(AWS::S3::Errors::AccessDenied)"),
            [FactKind::Code("AccessDenied".into())]
        );
        assert_eq!(kinds("Excon::Error::Forbidden x"), [FactKind::Status(403)]);
        assert_eq!(
            kinds("create bucket b failed(ErrorUnknown)."),
            [FactKind::Standalone(None)]
        );
        assert_eq!(
            kinds("get x failed(NoSuchBucket)."),
            [FactKind::Standalone(Some("NoSuchBucket".into()))]
        );
    }
}
