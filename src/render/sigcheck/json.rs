//! `sigcheck --json`: the check as one object, its names and values written
//! here.

use super::words::next_text;
use crate::sigcheck::{
    ClientSource, Component, Difference, DifferenceCause, KeyIssue, Missing, Part, Scheme,
    SignatureCheck, SignatureFinding, Verdict,
};
use serde::Serialize;
use std::io::{self, Write};

/// `sigcheck --json`.
#[derive(Debug, Serialize)]
pub struct SigcheckJson<'a> {
    scheme: Option<&'static str>,
    access_key_id: Option<&'a str>,
    verdict: &'static str,
    differences: Vec<DifferenceJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    next: String,
    presigned: bool,
    client_source: Option<&'static str>,
    server: Vec<PartJson<'a>>,
    client: Vec<PartJson<'a>>,
    request_id: Option<&'a str>,
}

impl<'a> From<&'a SignatureCheck> for SigcheckJson<'a> {
    fn from(c: &'a SignatureCheck) -> Self {
        SigcheckJson {
            scheme: c.scheme.map(scheme_key),
            access_key_id: c.access_key_id.as_deref(),
            verdict: verdict_key(c.verdict),
            differences: c.differences.iter().map(DifferenceJson::from).collect(),
            findings: c.findings.iter().map(FindingJson::from).collect(),
            next: next_text(c),
            presigned: c.presigned,
            client_source: c.client_source.map(client_source_key),
            server: c.server.iter().map(PartJson::from).collect(),
            client: c.client.iter().map(PartJson::from).collect(),
            request_id: c.request_id.as_deref(),
        }
    }
}

/// Writes `--json`.
pub fn json(out: &mut impl Write, c: &SignatureCheck) -> io::Result<()> {
    crate::render::json::write(out, &SigcheckJson::from(c))
}

/// One component where the client's and the server's strings to sign
/// differ, in `sigcheck --json` and in `decode --json`'s
/// `signature_differs` finding.
#[derive(Debug, Serialize)]
pub struct DifferenceJson<'a> {
    component: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    client: Option<&'a str>,
    server: Option<&'a str>,
    cause: &'static str,
}

impl<'a> From<&'a Difference> for DifferenceJson<'a> {
    fn from(d: &'a Difference) -> Self {
        DifferenceJson {
            component: component_key(d.component),
            name: d.name.as_deref(),
            client: d.client.as_deref(),
            server: d.server.as_deref(),
            cause: cause_key(d.cause),
        }
    }
}

/// One component of a string to sign, as signed.
#[derive(Debug, Serialize)]
struct PartJson<'a> {
    component: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    value: &'a str,
}

impl<'a> From<&'a Part> for PartJson<'a> {
    fn from(p: &'a Part) -> Self {
        PartJson {
            component: component_key(p.component),
            name: p.name.as_deref(),
            value: &p.value,
        }
    }
}

/// Something worth saying beside the verdict, named by its `kind`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum FindingJson<'a> {
    Key { issue: KeyIssueJson },
    ClientStringConfirmed,
    AccessKeyIdDiffers { request: &'a str, server: &'a str },
    TextDiffersFromBytes,
    WouldSettle { inputs: Vec<&'static str> },
}

impl<'a> From<&'a SignatureFinding> for FindingJson<'a> {
    fn from(f: &'a SignatureFinding) -> Self {
        match f {
            SignatureFinding::Key { issue } => FindingJson::Key {
                issue: KeyIssueJson::from(*issue),
            },
            SignatureFinding::ClientStringConfirmed => FindingJson::ClientStringConfirmed,
            SignatureFinding::AccessKeyIdDiffers { request, server } => {
                FindingJson::AccessKeyIdDiffers { request, server }
            }
            SignatureFinding::TextDiffersFromBytes => FindingJson::TextDiffersFromBytes,
            SignatureFinding::WouldSettle { inputs } => FindingJson::WouldSettle {
                inputs: inputs.iter().map(|m| missing_key(*m)).collect(),
            },
        }
    }
}

/// Something about the key that is often the mistake: a name, or for an
/// unusual length `{"unusual_length": {"length": …, "without_white_space": …}}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
enum KeyIssueJson {
    TrailingNewline,
    CarriageReturn,
    SurroundingWhiteSpace,
    InnerWhiteSpace,
    Quoted,
    UnusualLength {
        length: usize,
        without_white_space: usize,
    },
}

impl From<KeyIssue> for KeyIssueJson {
    fn from(issue: KeyIssue) -> Self {
        match issue {
            KeyIssue::TrailingNewline => KeyIssueJson::TrailingNewline,
            KeyIssue::CarriageReturn => KeyIssueJson::CarriageReturn,
            KeyIssue::SurroundingWhiteSpace => KeyIssueJson::SurroundingWhiteSpace,
            KeyIssue::InnerWhiteSpace => KeyIssueJson::InnerWhiteSpace,
            KeyIssue::Quoted => KeyIssueJson::Quoted,
            KeyIssue::UnusualLength {
                length,
                without_white_space,
            } => KeyIssueJson::UnusualLength {
                length,
                without_white_space,
            },
        }
    }
}

fn scheme_key(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Obs => "obs",
        Scheme::V2 => "v2",
        Scheme::V4 => "v4",
    }
}

/// A verdict's name: `wrong_secret_key`, `string_to_sign_differs`, …
fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::WrongSecretKey => "wrong_secret_key",
        Verdict::StringToSignDiffers => "string_to_sign_differs",
        Verdict::KeyDoesNotReproduce => "key_does_not_reproduce",
        Verdict::NoKey => "no_key",
        Verdict::NotASignatureError => "not_a_signature_error",
    }
}

fn client_source_key(source: ClientSource) -> &'static str {
    match source {
        ClientSource::SdkLog => "sdk_log",
        ClientSource::Request => "request",
        ClientSource::KeySearch => "key_search",
    }
}

fn missing_key(missing: Missing) -> &'static str {
    match missing {
        Missing::SecretKey => "secret_key",
        Missing::Request => "request",
        Missing::SdkLog => "sdk_log",
    }
}

/// A component's name: `verb`, `content_md5`, `canonical_header`, …
fn component_key(c: Component) -> &'static str {
    match c {
        Component::Verb => "verb",
        Component::ContentMd5 => "content_md5",
        Component::ContentType => "content_type",
        Component::Date => "date",
        Component::CanonicalHeader => "canonical_header",
        Component::CanonicalResource => "canonical_resource",
        Component::Algorithm => "algorithm",
        Component::RequestDate => "request_date",
        Component::CredentialScope => "credential_scope",
        Component::CanonicalRequestHash => "canonical_request_hash",
        Component::CanonicalUri => "canonical_uri",
        Component::CanonicalQuery => "canonical_query",
        Component::SignedHeaders => "signed_headers",
        Component::PayloadHash => "payload_hash",
    }
}

/// A difference's usual cause: `added_after_signing`, …
fn cause_key(cause: DifferenceCause) -> &'static str {
    match cause {
        DifferenceCause::AddedAfterSigning => "added_after_signing",
        DifferenceCause::RemovedAfterSigning => "removed_after_signing",
        DifferenceCause::ChangedAfterSigning => "changed_after_signing",
        DifferenceCause::KeyEncodedDifferently => "key_encoded_differently",
        DifferenceCause::SubResourceNotSigned => "sub_resource_not_signed",
        DifferenceCause::HeaderNotSigned => "header_not_signed",
        DifferenceCause::SecurityTokenNotSigned => "security_token_not_signed",
        DifferenceCause::AddressingStyle => "addressing_style",
        DifferenceCause::RegionMismatch => "region_mismatch",
        DifferenceCause::PayloadHashMismatch => "payload_hash_mismatch",
        DifferenceCause::Other => "other",
    }
}
