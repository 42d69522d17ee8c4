//! The words of a signature check: a value as signed, each component's name
//! and what it must equal, each usual cause, the scheme, the key's issues,
//! the verdict and what to do next.

use crate::sanitize::visible;
use crate::sigcheck::{Component, DifferenceCause, KeyIssue, Scheme, SignatureCheck, Verdict};

/// A value as signed, quoted, with what a terminal would hide written out:
/// tabs, line ends, non-breaking and zero-width spaces, a byte-order mark.
#[must_use]
pub fn shown(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    shown_into(&mut out, value);
    out
}

/// [`shown`], appended to `out` in one pass: runs of characters that need no
/// escape are copied whole (a V4 capture shows a dozen values of 64 bytes).
pub(super) fn shown_into(out: &mut String, value: &str) {
    use std::fmt::Write as _;
    out.push('"');
    let bytes = value.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Printable ASCII but the quote and the backslash: a byte at a time.
        if matches!(b, b' '..=b'~') && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        // `i` is at a character boundary: only whole characters are skipped.
        let c = value[i..].chars().next().unwrap_or_default();
        let next = i + c.len_utf8();
        if c.is_alphanumeric() && !c.is_ascii() {
            // Letters of other scripts, the most common non-ASCII: as they are.
            i = next;
            continue;
        }
        out.push_str(&value[from..i]);
        from = next;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{a0}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'
            | '\u{feff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c if c.is_whitespace() && c != ' ' && !c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            // Control characters and bidirectional overrides, as `visible`
            // writes them everywhere else.
            c if crate::sanitize::is_unsafe(c) => {
                out.push_str(&visible(c.encode_utf8(&mut [0; 4])));
            }
            // Any other character is shown as it is.
            _ => from = i,
        }
        i = next;
    }
    out.push_str(&value[from..]);
    out.push('"');
}

/// A component's name as the guide and the documentation say it.
#[must_use]
pub fn component_name(c: Component, name: Option<&str>) -> String {
    match c {
        Component::CanonicalHeader => format!("header {}", visible(name.unwrap_or(""))),
        c => component_label(c).to_string(),
    }
}

/// [`component_name`] without the header's name.
pub(super) fn component_label(c: Component) -> &'static str {
    match c {
        Component::Verb => "HTTP verb",
        Component::ContentMd5 => "Content-MD5",
        Component::ContentType => "Content-Type",
        Component::Date => "Date (or Expires)",
        Component::CanonicalHeader => "header",
        Component::CanonicalResource => "canonical resource",
        Component::Algorithm => "algorithm",
        Component::RequestDate => "request date",
        Component::CredentialScope => "credential scope",
        Component::CanonicalRequestHash => "canonical request hash",
        Component::CanonicalUri => "canonical URI",
        Component::CanonicalQuery => "canonical query",
        Component::SignedHeaders => "signed headers",
        Component::PayloadHash => "payload hash",
    }
}

/// The usual cause, as one sentence.
#[must_use]
pub fn cause_text(cause: DifferenceCause) -> &'static str {
    match cause {
        DifferenceCause::AddedAfterSigning => "set after the signature was computed: the HTTP library (a default Content-Type) or a proxy added it",
        DifferenceCause::RemovedAfterSigning => "signed by the client but not received: something on the way dropped it",
        DifferenceCause::ChangedAfterSigning => "changed between signing and the server: a retry re-dated the request, or a proxy rewrote it",
        DifferenceCause::KeyEncodedDifferently => "the object key was percent-encoded one way when signing and another in the URL (space as %20 or +, / or ~ encoded)",
        DifferenceCause::SubResourceNotSigned => "a sub-resource in the URL (?acl, versionId, uploadId, ...) was left out of the signed resource",
        DifferenceCause::HeaderNotSigned => "the header was sent but left out of the signed headers",
        DifferenceCause::SecurityTokenNotSigned => "temporary credentials: the security token header was sent but not signed",
        DifferenceCause::AddressingStyle => "path-style and virtual-host-style disagree: the bucket is missing from, or doubled in, the signed resource",
        DifferenceCause::RegionMismatch => "the client signed for another region than the endpoint's",
        DifferenceCause::PayloadHashMismatch => "the payload hash signed is not the hash of the body the server received",
        DifferenceCause::Other => "compare the two values",
    }
}

pub(super) fn scheme_text(scheme: Option<Scheme>, presigned: bool) -> String {
    let name = match scheme {
        Some(Scheme::Obs) => "OBS signature",
        Some(Scheme::V2) => "S3 V2 signature",
        Some(Scheme::V4) => "S3 V4 signature (AWS4-HMAC-SHA256)",
        None => "signature",
    };
    if presigned {
        format!("{name}, pre-signed URL")
    } else {
        name.to_string()
    }
}

pub(super) fn key_issue_text(issue: KeyIssue) -> String {
    match issue {
        KeyIssue::TrailingNewline => "the key ends with a line break".to_string(),
        KeyIssue::SurroundingWhiteSpace => "the key starts or ends with white space".to_string(),
        KeyIssue::InnerWhiteSpace => "the key holds white space".to_string(),
        KeyIssue::Quoted => "the key is wrapped in quotes".to_string(),
        KeyIssue::CarriageReturn => {
            "the key holds a carriage return (CR, the end of a line saved on Windows)".to_string()
        }
        KeyIssue::UnusualLength {
            length,
            without_white_space,
        } if without_white_space != length => format!(
            "the key is {length} characters long, {without_white_space} without its white space; OBS keys have 40"
        ),
        KeyIssue::UnusualLength { length, .. } => {
            format!("the key is {length} characters long; OBS keys have 40")
        }
    }
}

pub(super) fn verdict_text(c: &SignatureCheck) -> &'static str {
    match c.verdict {
        Verdict::WrongSecretKey => "wrong secret key: the client signed exactly what the server signed, with a key the server does not hold for this access key id (wrong or rotated key, another account's, or stray characters)",
        Verdict::StringToSignDiffers => "the client signed another string than the server computed",
        Verdict::KeyDoesNotReproduce => "the key given signs neither the server's string nor the client's to the signature sent: the client used another key, or signed something obserr cannot rebuild",
        Verdict::NoKey => "no key given: the server's string to sign is below; the client's must equal it byte for byte",
        Verdict::NotASignatureError => "no SignatureDoesNotMatch response with a string to sign",
    }
}

/// What to do next, in one line.
#[must_use]
pub fn next_text(c: &SignatureCheck) -> String {
    match c.verdict {
        Verdict::WrongSecretKey => "compare the key with the one shown when the access key was created (console: My Credentials > Access Keys); create a new pair if in doubt".to_string(),
        Verdict::StringToSignDiffers => match c.differences.first().map(|d| d.cause) {
            Some(DifferenceCause::AddedAfterSigning) => "sign the request as it is finally sent: set the header before signing, or stop the library or proxy from adding it".to_string(),
            Some(DifferenceCause::RegionMismatch) => "configure the client with the endpoint's region".to_string(),
            Some(DifferenceCause::AddressingStyle) => "make the client's addressing style (path or virtual host) match the URL it sends".to_string(),
            _ => "make the client sign the request exactly as sent; the differing components are above".to_string(),
        },
        Verdict::KeyDoesNotReproduce => "give the request as sent (curl -v) and the SDK's debug log with its string to sign".to_string(),
        Verdict::NoKey => "OBS_SECRET_ACCESS_KEY=... obserr sigcheck FILE (or --secret-key-file, or the prompt)".to_string(),
        Verdict::NotASignatureError => "obserr decode FILE".to_string(),
    }
}

/// What a component of the string to sign must equal in the client's request.
#[must_use]
pub fn must_equal(c: Component) -> &'static str {
    match c {
        Component::Verb => "the request's method",
        Component::ContentMd5 => "the Content-MD5 header as sent, or empty",
        Component::ContentType => {
            "the Content-Type header as sent, or empty (HTTP libraries add one)"
        }
        Component::Date => {
            "the Date header (empty with x-obs-date / x-amz-date), or Expires in a pre-signed URL"
        }
        Component::CanonicalHeader => "every x-obs-* / x-amz-* header sent, lower-case, sorted",
        Component::CanonicalResource => {
            "/bucket/key as in the URL (encoding included), with the sub-resources sent"
        }
        Component::Algorithm => "AWS4-HMAC-SHA256",
        Component::RequestDate => "the X-Amz-Date header or parameter",
        Component::CredentialScope => "date/region/service/aws4_request of the Credential sent",
        Component::CanonicalRequestHash => "the SHA-256 of the canonical request below",
        Component::CanonicalUri => "the URL's path as sent",
        Component::CanonicalQuery => "the query parameters sent, encoded and sorted",
        Component::SignedHeaders => "the SignedHeaders list sent",
        Component::PayloadHash => {
            "the x-amz-content-sha256 header (UNSIGNED-PAYLOAD when pre-signed)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    /// `shown` as it was first written: escapes first, then `visible` over
    /// the whole.
    fn shown_in_two_passes(value: &str) -> String {
        let mut out = String::from("\"");
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{a0}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{2060}'
                | '\u{feff}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                c if c.is_whitespace() && c != ' ' && !c.is_control() => {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        crate::sanitize::visible(&out).into_owned()
    }

    proptest::proptest! {
        #[test]
        fn one_pass_shows_what_two_passes_showed(
            value in "[a \"\\\\\t\r\n\u{0}\u{1b}\u{7f}\u{85}\u{a0}\u{200b}-\u{200f}\u{2028}\u{2029}\u{202e}\u{2060}\u{3000}\u{feff}\u{e9}\u{9519}]{0,24}",
            any in ".{0,16}",
        ) {
            proptest::prop_assert_eq!(shown(&value), shown_in_two_passes(&value));
            proptest::prop_assert_eq!(shown(&any), shown_in_two_passes(&any));
        }
    }

    #[test]
    fn a_key_with_white_space_is_called_that() {
        use crate::sigcheck::key::KeyIssue;
        let text = super::key_issue_text(KeyIssue::UnusualLength {
            length: 41,
            without_white_space: 40,
        });
        assert!(
            text.contains("41 characters long, 40 without its white space"),
            "{text}"
        );
        let text = super::key_issue_text(KeyIssue::CarriageReturn);
        assert!(text.contains("carriage return"), "{text}");
    }

    #[test]
    fn invisible_characters_are_written_out() {
        assert_eq!(shown("a\tb"), "\"a\\\\tb\"".replace("\\\\", "\\"));
        assert_eq!(shown(" x "), "\" x \"");
        assert_eq!(shown("a\u{a0}b\u{200b}"), "\"a\\u{a0}b\\u{200b}\"");
        assert_eq!(shown("\u{1b}[31m"), "\"\\x1b[31m\"");
    }
}
