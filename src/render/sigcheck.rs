//! `obserr sigcheck`'s output: the verdict, the differing components (client
//! and server side by side, invisible characters made visible) with their
//! usual cause, the server's string to sign component by component, and as
//! `--json` the same as one typed object.

use super::style::Style;
use crate::sanitize::visible;
use crate::sigcheck::{
    ClientSource, Component, Difference, DifferenceCause, KeyIssue, Missing, Part, Scheme,
    SignatureCheck, SignatureFinding, Verdict,
};
use serde::Serialize;
use std::io::{self, Write};

/// Width of the labels in the component tables.
const LABEL: usize = 24;

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
fn shown_into(out: &mut String, value: &str) {
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
fn component_label(c: Component) -> &'static str {
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

fn scheme_text(scheme: Option<Scheme>, presigned: bool) -> String {
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

fn key_issue_text(issue: KeyIssue) -> String {
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

fn verdict_text(c: &SignatureCheck) -> &'static str {
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

fn parts(
    out: &mut impl Write,
    s: &Style,
    title: &str,
    parts: &[Part],
    explain: bool,
) -> io::Result<()> {
    writeln!(out, "{}", s.label(title))?;
    // Each line is built in one buffer and written whole: `writeln!` with a
    // padded argument and a `String` per value cost more than the check.
    let mut line = String::new();
    let pad = |line: &mut String, label: &str| {
        line.push_str("  ");
        line.push_str(label);
        let width = label.chars().count();
        line.extend(std::iter::repeat_n(' ', LABEL.saturating_sub(width)));
    };
    for p in parts {
        line.clear();
        pad(&mut line, component_label(p.component));
        shown_into(&mut line, &p.value);
        line.push('\n');
        if explain {
            pad(&mut line, "");
            line.push_str("= ");
            line.push_str(must_equal(p.component));
            line.push('\n');
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn difference(out: &mut impl Write, s: &Style, d: &Difference) -> io::Result<()> {
    let side = |v: &Option<String>| v.as_deref().map_or_else(|| "(absent)".to_string(), shown);
    writeln!(
        out,
        "  {}",
        s.code(&component_name(d.component, d.name.as_deref()))
    )?;
    writeln!(out, "    client  {}", side(&d.client))?;
    writeln!(out, "    server  {}", side(&d.server))?;
    writeln!(out, "    usual cause: {}", cause_text(d.cause))?;
    Ok(())
}

/// The human report.
pub fn human(out: &mut impl Write, s: &Style, c: &SignatureCheck) -> io::Result<()> {
    // Said once, on stderr, as decode says it finds no response.
    if c.verdict == Verdict::NotASignatureError {
        return Ok(());
    }
    let ak = c.access_key_id.as_deref().map(visible).unwrap_or_default();
    writeln!(
        out,
        "SignatureDoesNotMatch  {}  access key {ak}",
        scheme_text(c.scheme, c.presigned)
    )?;
    writeln!(out, "{} {}", s.label("Verdict:"), verdict_text(c))?;
    for f in &c.findings {
        match f {
            SignatureFinding::Key { issue } => writeln!(out, "  note: {}", key_issue_text(*issue))?,
            SignatureFinding::ClientStringConfirmed => writeln!(
                out,
                "  confirmed: with the key given, the client's string signs to the signature sent"
            )?,
            SignatureFinding::AccessKeyIdDiffers { request, server } => writeln!(
                out,
                "  note: the request names access key {} but the error {}",
                visible(request),
                visible(server)
            )?,
            SignatureFinding::TextDiffersFromBytes => writeln!(
                out,
                "  note: StringToSign and StringToSignBytes disagree; the bytes were used"
            )?,
            SignatureFinding::WouldSettle { inputs } if !inputs.is_empty() => {
                let names: Vec<&str> = inputs
                    .iter()
                    .map(|m| match m {
                        Missing::SecretKey => "the secret key",
                        Missing::Request => "the request as sent (curl -v)",
                        Missing::SdkLog => "the SDK's debug log with its string to sign",
                    })
                    .collect();
                writeln!(out, "  would settle it: {}", names.join(", "))?;
            }
            SignatureFinding::WouldSettle { .. } => {}
        }
    }
    if !c.differences.is_empty() {
        let from = match c.client_source {
            Some(ClientSource::SdkLog) => "the SDK's log",
            Some(ClientSource::Request) => "rebuilt from the request",
            Some(ClientSource::KeySearch) => "found with the key",
            None => "",
        };
        writeln!(out, "\n{} (client: {from})", s.label("Differs:"))?;
        for d in &c.differences {
            difference(out, s, d)?;
        }
    }
    writeln!(out)?;
    let explain = c.verdict == Verdict::NoKey;
    parts(out, s, "Server's string to sign:", &c.server, explain)?;
    if let Some(id) = &c.request_id {
        writeln!(out, "\n{} {}", s.label("Request id:"), visible(id))?;
    }
    writeln!(out, "{} {}", s.label("Next:"), next_text(c))?;
    Ok(())
}

/// `sigcheck --json`.
#[derive(Debug, Serialize)]
pub struct SigcheckJson<'a> {
    scheme: Option<Scheme>,
    access_key_id: Option<&'a str>,
    verdict: Verdict,
    differences: &'a [Difference],
    findings: &'a [SignatureFinding],
    next: String,
    presigned: bool,
    client_source: Option<ClientSource>,
    server: &'a [Part],
    client: &'a [Part],
    request_id: Option<&'a str>,
}

impl<'a> From<&'a SignatureCheck> for SigcheckJson<'a> {
    fn from(c: &'a SignatureCheck) -> Self {
        SigcheckJson {
            scheme: c.scheme,
            access_key_id: c.access_key_id.as_deref(),
            verdict: c.verdict,
            differences: &c.differences,
            findings: &c.findings,
            next: next_text(c),
            presigned: c.presigned,
            client_source: c.client_source,
            server: &c.server,
            client: &c.client,
            request_id: c.request_id.as_deref(),
        }
    }
}

/// Writes `--json`.
pub fn json(out: &mut impl Write, c: &SignatureCheck) -> io::Result<()> {
    super::json::write(out, &SigcheckJson::from(c))
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
