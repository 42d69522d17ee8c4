//! `obserr sigcheck`: why a signature does not match.
//!
//! With the server's string to sign `S` (from the `SignatureDoesNotMatch`
//! body), the signature the client sent `P`, an optional secret key `K` and an
//! optional client string to sign `C` (rebuilt from the captured request, or
//! read from an SDK debug log), [`check`] reaches one [`Verdict`] and lists the
//! components where `C` and `S` differ, each with its usual [`DifferenceCause`]. It
//! returns typed data; every word is written in `render::sigcheck`.

pub mod canon;
pub mod key;
pub mod parse;
mod request;

use serde::Serialize;

pub use canon::{Component, Part};
pub use key::{KeyIssue, SecretKey};
pub use parse::{Placement, Scheme, Signed};

use crate::decode::{Request, Response};

/// What `sigcheck` concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// `K` signs `S` to `P`: the server's key for this access key id is not `K`.
    WrongSecretKey,
    /// The client's string to sign differs from the server's.
    StringToSignDiffers,
    /// `K` signs neither `S` nor the client's string to `P`.
    KeyDoesNotReproduce,
    /// No key and no differing client string: `S` shown component by component.
    NoKey,
    /// The input holds no `SignatureDoesNotMatch` response.
    NotASignatureError,
}

/// Where the client's string to sign came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientSource {
    /// Printed by the SDK (a debug log given as input).
    SdkLog,
    /// Rebuilt by obserr from the captured request.
    Request,
    /// Found by trying with the key what the client most likely signed
    /// instead (a header left out, the resource spelled otherwise, ...).
    KeySearch,
}

/// The usual cause of a difference in one component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceCause {
    /// The client signed the header empty or without it, the server saw it:
    /// the HTTP library or a proxy added it after signing.
    AddedAfterSigning,
    /// The client signed a header the server did not see: removed on the way.
    RemovedAfterSigning,
    /// The value changed between signing and the server (a retry re-dated the
    /// request, a proxy rewrote it, the clock).
    ChangedAfterSigning,
    /// The object key was percent-encoded differently in the signature and on the wire.
    KeyEncodedDifferently,
    /// A sub-resource (`?acl`, `versionId`, ...) is in the URL but was not signed.
    SubResourceNotSigned,
    /// An `x-obs-*` / `x-amz-*` header was sent but not signed.
    HeaderNotSigned,
    /// The security token (temporary credentials) was sent but not signed.
    SecurityTokenNotSigned,
    /// Path-style and virtual-host-style disagree: the bucket is missing from,
    /// or doubled in, the signed resource.
    AddressingStyle,
    /// The region in the credential scope is not the server's.
    RegionMismatch,
    /// The payload hash signed is not the body's.
    PayloadHashMismatch,
    /// Another difference.
    Other,
}

/// One component where the client's and the server's strings differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// Which component.
    pub component: Component,
    /// The header's name, for a canonical header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The client's value (`None`: absent in the client's string).
    pub client: Option<String>,
    /// The server's value (`None`: absent in the server's string).
    pub server: Option<String>,
    /// The usual cause.
    pub cause: DifferenceCause,
}

/// Something worth saying beside the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureFinding {
    /// Something about the key that is often the mistake.
    Key {
        /// What.
        issue: KeyIssue,
    },
    /// With the key, the client's string signs to the signature sent.
    ClientStringConfirmed,
    /// The access key id of the request and of the error differ.
    AccessKeyIdDiffers {
        /// In the request.
        request: String,
        /// In the error.
        server: String,
    },
    /// The server's string to sign was read from `StringToSignBytes` and the
    /// text `StringToSign` disagrees with it (white space lost on the way).
    TextDiffersFromBytes,
    /// Inputs that would settle the question.
    WouldSettle {
        /// Which.
        inputs: Vec<Missing>,
    },
}

/// An input `sigcheck` did not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The secret key.
    SecretKey,
    /// The request as sent (`curl -v` lines).
    Request,
    /// The SDK's debug log with its string to sign.
    SdkLog,
}

/// The result of [`check`].
#[derive(Debug, Clone, Serialize)]
pub struct SignatureCheck {
    /// The scheme, when known.
    pub scheme: Option<Scheme>,
    /// Whether the signature travelled in the query string.
    pub presigned: bool,
    /// The access key id.
    pub access_key_id: Option<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// Components where the client's string differs from the server's.
    pub differences: Vec<Difference>,
    /// Other findings.
    pub findings: Vec<SignatureFinding>,
    /// Where the client's string came from.
    pub client_source: Option<ClientSource>,
    /// The server's string to sign, split.
    pub server: Vec<Part>,
    /// The client's string to sign, split, when there is one.
    pub client: Vec<Part>,
    /// The request id, for support.
    pub request_id: Option<String>,
}

/// The server's string to sign: `StringToSignBytes` (exact) if present and
/// readable, else `StringToSign`.
#[must_use]
pub fn server_string(r: &Response) -> Option<(String, bool)> {
    let text = r.detail("StringToSign");
    let bytes = r.detail("StringToSignBytes").and_then(from_hex_bytes);
    match (bytes, text) {
        (Some(b), t) => {
            let differs = t.is_some_and(|t| t != b);
            Some((b, differs))
        }
        (None, Some(t)) => Some((t.to_string(), false)),
        (None, None) => None,
    }
}

/// Whether [`server_string`] finds one, without decoding `StringToSignBytes`
/// when the text is there.
fn has_server_string(r: &Response) -> bool {
    r.detail("StringToSign").is_some()
        || r.detail("StringToSignBytes")
            .and_then(from_hex_bytes)
            .is_some()
}

/// `47 45 54 0a …` (OBS's `StringToSignBytes`) as text.
fn from_hex_bytes(s: &str) -> Option<String> {
    if !s.is_ascii() {
        return from_hex_words(s);
    }
    // ASCII: the bytes read directly, the white space `split_whitespace`
    // splits on (space, tab, line feed, vertical tab, form feed, carriage
    // return) between tokens of one or two hex digits.
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    // The value of the token so far and its digits (0: between tokens).
    let (mut value, mut digits) = (0u8, 0u8);
    for &b in s.as_bytes() {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            b' ' | 0x09..=0x0d => {
                if digits > 0 {
                    out.push(value);
                    digits = 0;
                }
                continue;
            }
            _ => return None,
        };
        if digits == 2 {
            return None;
        }
        value = if digits == 0 { d } else { value * 16 + d };
        digits += 1;
    }
    if digits > 0 {
        out.push(value);
    }
    (!out.is_empty()).then(|| crate::decode::utf8_lossy(&out).into_owned())
}

/// [`from_hex_bytes`] word by word, for text that is not ASCII (a word may
/// end at any white space).
fn from_hex_words(s: &str) -> Option<String> {
    let digit = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    for tok in s.split_whitespace() {
        let byte = match *tok.as_bytes() {
            [low] => digit(low)?,
            [high, low] => digit(high)? * 16 + digit(low)?,
            _ => return None,
        };
        out.push(u8::try_from(byte).ok()?);
    }
    (!out.is_empty()).then(|| crate::decode::utf8_lossy(&out).into_owned())
}

/// The client's string to sign as an SDK debug log printed it: the lines after
/// `StringToSign:` / `CanonicalString:` / `String to sign:` (four lines for
/// V4; up to the resource, the line starting with `/`, for OBS and V2).
#[must_use]
pub fn client_string_from_log(log: &str) -> Option<String> {
    const MARKERS: &[&str] = &[
        "stringtosign:",
        "string to sign:",
        "string_to_sign:",
        "canonicalstring:",
        "canonical string:",
        "canonical_string:",
    ];
    // Every marker ends with its only colon: the first colon that ends one
    // ends the first marker (`client_string_marker_is_the_first_marker`).
    let bytes = log.as_bytes();
    let (at, len) = memchr::memchr_iter(b':', bytes).find_map(|colon| {
        let end = colon + 1;
        MARKERS.iter().find_map(|m| {
            let start = end.checked_sub(m.len())?;
            bytes[start..end]
                .eq_ignore_ascii_case(m.as_bytes())
                .then_some((start, m.len()))
        })
    })?;
    let rest = &log[at + len..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))
        .unwrap_or(rest);
    let lines: Vec<&str> = rest
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let take = if lines.first().is_some_and(|l| l.starts_with("AWS4-")) {
        4
    } else {
        lines.iter().position(|l| l.starts_with('/'))? + 1
    };
    (lines.len() >= take).then(|| lines[..take].join("\n"))
}

fn split(scheme: Scheme, sts: &str, canonical_request: Option<&str>) -> Vec<Part> {
    match scheme {
        Scheme::V4 => canon::split_v4(sts, canonical_request),
        Scheme::Obs | Scheme::V2 => canon::split_v2(sts),
    }
}

/// Guesses the scheme from the server's string to sign alone.
fn scheme_of(sts: &str) -> Scheme {
    if sts.starts_with("AWS4-") {
        Scheme::V4
    } else if sts.contains("\nx-amz-") {
        Scheme::V2
    } else {
        Scheme::Obs
    }
}

/// Reaches a verdict on the response `r` (and its captured request, if any),
/// given an SDK log with the client's string to sign and the key, each optional.
#[must_use]
// The verdict's steps in the order the issue gives them; splitting hides that order.
#[allow(clippy::too_many_lines)]
pub fn check(r: &Response, client_log: Option<&str>, key: Option<&SecretKey>) -> SignatureCheck {
    let mut out = SignatureCheck {
        scheme: None,
        presigned: false,
        access_key_id: r.detail("AWSAccessKeyId").map(str::to_string),
        verdict: Verdict::NotASignatureError,
        differences: Vec::new(),
        findings: Vec::new(),
        client_source: None,
        server: Vec::new(),
        client: Vec::new(),
        request_id: r.request_id.clone(),
    };
    let is_sig = r.code.as_deref() == Some("SignatureDoesNotMatch");
    let Some((s, text_differs)) = server_string(r).filter(|_| is_sig) else {
        return out;
    };
    if text_differs {
        out.findings.push(SignatureFinding::TextDiffersFromBytes);
    }
    let signed = r.request.as_ref().and_then(parse::signed);
    let scheme = signed.as_ref().map_or_else(|| scheme_of(&s), |x| x.scheme);
    out.scheme = Some(scheme);
    out.presigned = signed
        .as_ref()
        .is_some_and(|x| x.placement != Placement::Header);
    let server_cr = r.detail("CanonicalRequest");
    out.server = split(scheme, &s, server_cr);
    let provided = r
        .detail("SignatureProvided")
        .map(str::to_string)
        .or_else(|| signed.as_ref().map(|x| x.signature.clone()));
    if let (Some(sig), Some(ak)) = (&signed, &out.access_key_id) {
        if sig.access_key_id != *ak {
            out.findings.push(SignatureFinding::AccessKeyIdDiffers {
                request: sig.access_key_id.clone(),
                server: ak.clone(),
            });
        }
    }
    if out.access_key_id.is_none() {
        out.access_key_id = signed.as_ref().map(|x| x.access_key_id.clone());
    }
    // The client's string: the SDK's own, else rebuilt from the request.
    let mut client: Option<(String, Option<String>, ClientSource)> = client_log
        .and_then(client_string_from_log)
        .map(|c| (c, None, ClientSource::SdkLog));
    if client.is_none() {
        if let (Some(req), Some(sig)) = (&r.request, &signed) {
            let rb = canon::rebuild(req, sig);
            client = Some((
                rb.string_to_sign,
                rb.canonical_request,
                ClientSource::Request,
            ));
        }
    }
    if let Some(k) = key {
        let mut with_key = Signer::new(k, scheme);
        let mut sign = |text: &str| with_key.sign(text);
        out.findings.extend(
            k.issues()
                .into_iter()
                .map(|issue| SignatureFinding::Key { issue }),
        );
        let Some(p) = provided.as_deref() else {
            out.verdict = Verdict::KeyDoesNotReproduce;
            out.findings.push(SignatureFinding::WouldSettle {
                inputs: vec![Missing::Request],
            });
            return out;
        };
        // The client's string is signed first: when it signs to P, the
        // server's (another string) cannot also, short of an HMAC collision,
        // so the verdict is the one the issue's order gives, and the server's
        // string (in V4 often of another scope: a second key derivation) need
        // not be signed.
        if let Some((c, cr, src)) = &client {
            if *c != s && sign(c) == p {
                out.findings.push(SignatureFinding::ClientStringConfirmed);
                return differs(out, scheme, c, cr.as_deref(), *src, r.request.as_ref());
            }
        }
        if sign(&s) == p {
            out.verdict = Verdict::WrongSecretKey;
            return out;
        }
        // Try what clients commonly sign instead of the server's string.
        let base = client.as_ref().map_or(s.as_str(), |(c, _, _)| c.as_str());
        for cand in variants(scheme, base, r.request.as_ref())
            .into_iter()
            .chain(variants(scheme, &s, None))
        {
            if cand != s && sign(&cand) == p {
                out.findings.push(SignatureFinding::ClientStringConfirmed);
                return differs(
                    out,
                    scheme,
                    &cand,
                    None,
                    ClientSource::KeySearch,
                    r.request.as_ref(),
                );
            }
        }
        out.verdict = Verdict::KeyDoesNotReproduce;
        if let Some((c, cr, src)) = &client {
            if *c != s {
                out.client = split(scheme, c, cr.as_deref());
                out.client_source = Some(*src);
                out.differences = diff(scheme, &out.client, &out.server);
                refine(&mut out.differences, r.request.as_ref());
            }
        }
        let mut inputs = Vec::new();
        if r.request.is_none() {
            inputs.push(Missing::Request);
        }
        if client_log.is_none() {
            inputs.push(Missing::SdkLog);
        }
        out.findings.push(SignatureFinding::WouldSettle { inputs });
        return out;
    }
    match client {
        Some((c, cr, src)) if c != s => {
            differs(out, scheme, &c, cr.as_deref(), src, r.request.as_ref())
        }
        _ => {
            out.verdict = Verdict::NoKey;
            out.findings.push(SignatureFinding::WouldSettle {
                inputs: vec![Missing::SecretKey],
            });
            out
        }
    }
}

/// Signs strings with one key for one scheme, keeping what does not depend on
/// the string: HMAC-SHA1's keyed state, or the V4 signing key of the last
/// scope (four HMACs), which the server's and the client's string share.
struct Signer<'k> {
    key: &'k SecretKey,
    scheme: Scheme,
    v1: Option<key::SignerV1>,
    v4: Option<(String, key::SignerV4)>,
}

impl<'k> Signer<'k> {
    fn new(key: &'k SecretKey, scheme: Scheme) -> Self {
        Signer {
            key,
            scheme,
            v1: None,
            v4: None,
        }
    }

    fn sign(&mut self, text: &str) -> String {
        match self.scheme {
            Scheme::V4 => {
                // The scope the client signed with is in its string (line 3).
                let scope = text.split('\n').nth(2).unwrap_or("");
                match &self.v4 {
                    Some((s, signer)) if s == scope => signer.sign(text),
                    _ => {
                        let signer = self.key.signer_v4(scope);
                        let signature = signer.sign(text);
                        self.v4 = Some((scope.to_string(), signer));
                        signature
                    }
                }
            }
            Scheme::Obs | Scheme::V2 => self
                .v1
                .get_or_insert_with(|| self.key.signer_v1())
                .sign(text),
        }
    }
}

fn differs(
    mut out: SignatureCheck,
    scheme: Scheme,
    c: &str,
    cr: Option<&str>,
    src: ClientSource,
    req: Option<&Request>,
) -> SignatureCheck {
    out.verdict = Verdict::StringToSignDiffers;
    out.client_source = Some(src);
    out.client = split(scheme, c, cr);
    out.differences = diff(scheme, &out.client, &out.server);
    refine(&mut out.differences, req);
    out
}

/// A header the server signed that the captured request does not even hold
/// was added on the way (a proxy, a gateway), not left out by the client.
fn refine(differences: &mut [Difference], req: Option<&Request>) {
    let Some(req) = req else { return };
    for d in differences {
        if d.component == Component::CanonicalHeader && d.client.is_none() {
            let name = d.name.as_deref().unwrap_or("");
            if !req
                .headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                d.cause = DifferenceCause::AddedAfterSigning;
            }
        }
    }
}

/// Component-by-component differences, each with its usual cause.
#[must_use]
pub fn diff(scheme: Scheme, client: &[Part], server: &[Part]) -> Vec<Difference> {
    // Borrowed keys: a clone of each name for every comparison cost more
    // than the comparison.
    fn key(p: &Part) -> (Component, Option<&str>) {
        (p.component, p.name.as_deref())
    }
    let mut out = Vec::new();
    let both_have_cr = client.iter().any(|q| q.component == Component::PayloadHash)
        && server.iter().any(|q| q.component == Component::PayloadHash);
    let mut seen: Vec<(Component, Option<&str>)> = Vec::new();
    for p in client.iter().chain(server) {
        let k = key(p);
        if seen.contains(&k) {
            continue;
        }
        seen.push(k);
        let c = client
            .iter()
            .find(|q| key(q) == k)
            .map(|q| q.value.as_str());
        let s = server
            .iter()
            .find(|q| key(q) == k)
            .map(|q| q.value.as_str());
        // A canonical request line compared only when both sides have one.
        let cr_only = scheme == Scheme::V4
            && matches!(
                k.0,
                Component::Verb
                    | Component::CanonicalUri
                    | Component::CanonicalQuery
                    | Component::CanonicalHeader
                    | Component::SignedHeaders
                    | Component::PayloadHash
            );
        if cr_only && !both_have_cr {
            continue;
        }
        if c != s {
            out.push(Difference {
                component: k.0,
                name: k.1.map(str::to_string),
                client: c.map(str::to_string),
                server: s.map(str::to_string),
                cause: cause(scheme, k.0, k.1, c, s),
            });
        }
    }
    // In V4 the hash differs whenever a canonical request line does: keep it
    // only when it is the only difference.
    if out.len() > 1 {
        out.retain(|d| d.component != Component::CanonicalRequestHash);
    }
    out
}

fn cause(
    scheme: Scheme,
    c: Component,
    name: Option<&str>,
    client: Option<&str>,
    server: Option<&str>,
) -> DifferenceCause {
    let empty = |v: Option<&str>| v.is_none_or(|v| v.is_empty() || v.ends_with(':'));
    let token = format!("{}security-token", scheme.header_prefix());
    match c {
        Component::ContentType | Component::ContentMd5 if empty(client) => {
            DifferenceCause::AddedAfterSigning
        }
        Component::ContentType | Component::ContentMd5 if empty(server) => {
            DifferenceCause::RemovedAfterSigning
        }
        Component::CanonicalHeader if name == Some(token.as_str()) && client.is_none() => {
            DifferenceCause::SecurityTokenNotSigned
        }
        Component::CanonicalHeader if client.is_none() => DifferenceCause::HeaderNotSigned,
        Component::CanonicalHeader if server.is_none() => DifferenceCause::RemovedAfterSigning,
        Component::Date | Component::RequestDate | Component::CanonicalHeader => {
            DifferenceCause::ChangedAfterSigning
        }
        Component::CanonicalResource | Component::CanonicalUri => resource_cause(client, server),
        Component::CredentialScope => {
            let region = |v: Option<&str>| v.and_then(|v| v.split('/').nth(1).map(str::to_string));
            if region(client) == region(server) {
                DifferenceCause::Other
            } else {
                DifferenceCause::RegionMismatch
            }
        }
        Component::PayloadHash => DifferenceCause::PayloadHashMismatch,
        _ => DifferenceCause::Other,
    }
}

fn resource_cause(client: Option<&str>, server: Option<&str>) -> DifferenceCause {
    let (c, s) = (client.unwrap_or(""), server.unwrap_or(""));
    let (cp, cq) = c.split_once('?').unwrap_or((c, ""));
    let (sp, sq) = s.split_once('?').unwrap_or((s, ""));
    if cp == sp {
        return if cq.len() < sq.len() {
            DifferenceCause::SubResourceNotSigned
        } else {
            DifferenceCause::Other
        };
    }
    let dec = |p: &str| {
        percent_encoding::percent_decode_str(&p.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    if dec(cp) == dec(sp) {
        return DifferenceCause::KeyEncodedDifferently;
    }
    if sp.ends_with(cp) || cp.ends_with(sp) {
        return DifferenceCause::AddressingStyle;
    }
    DifferenceCause::Other
}

/// Strings a client commonly signs instead of `base`: without Content-Type or
/// Content-MD5, without one signed header, without the sub-resources, with the
/// bucket dropped from or doubled in the resource, the key spelled otherwise.
fn variants(scheme: Scheme, base: &str, req: Option<&Request>) -> Vec<String> {
    let mut out = Vec::new();
    if scheme == Scheme::V4 {
        return out;
    }
    let lines: Vec<&str> = base.split('\n').collect();
    if lines.len() < 5 {
        return out;
    }
    let n = lines.len();
    let with = |i: usize, v: Option<&str>| {
        let mut l: Vec<&str> = lines.clone();
        match v {
            Some(v) => l[i] = v,
            None => {
                l.remove(i);
            }
        }
        l.join("\n")
    };
    out.push(with(2, Some("")));
    out.push(with(1, Some("")));
    for i in 4..n - 1 {
        out.push(with(i, None));
    }
    let resource = lines[n - 1];
    let (path, query) = resource.split_once('?').unwrap_or((resource, ""));
    if !query.is_empty() {
        out.push(with(n - 1, Some(path)));
        let subs: Vec<&str> = query.split('&').collect();
        for i in 0..subs.len() {
            let mut rest = subs.clone();
            rest.remove(i);
            let r = if rest.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", rest.join("&"))
            };
            out.push(with(n - 1, Some(&r)));
        }
    }
    let q = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    // Addressing style: the bucket left out, or the host's bucket prefixed.
    if let Some((_, after)) = path.get(1..).and_then(|p| p.split_once('/')) {
        out.push(with(n - 1, Some(&format!("/{after}{q}"))));
    }
    if let Some(bucket) = req
        .and_then(|r| {
            r.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("host"))
        })
        .and_then(|(_, h)| canon::bucket_of_host(h))
    {
        out.push(with(n - 1, Some(&format!("/{bucket}{path}{q}"))));
    }
    // The key spelled otherwise: decoded, `+` for a space, `/` encoded.
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    for p in [
        decoded.clone(),
        path.replace("%20", "+"),
        path.replace('+', "%2B"),
        path.replace('~', "%7E"),
        path.replace("%7E", "~"),
        percent_encoding::utf8_percent_encode(&decoded, percent_encoding::NON_ALPHANUMERIC)
            .to_string()
            .replace("%2F", "/"),
    ] {
        if p != path {
            out.push(with(n - 1, Some(&format!("{p}{q}"))));
        }
    }
    out
}

/// [`check`] over several inputs: the first `SignatureDoesNotMatch` with a
/// string to sign is the server's side (with its request, when `curl -v`
/// showed it); the first input with a string to sign printed by an SDK is the
/// client's (the same input may hold both).
#[must_use]
pub fn check_inputs(inputs: &[&[u8]], key: Option<&SecretKey>) -> SignatureCheck {
    let mut response: Option<Response> = None;
    let mut log: Option<String> = None;
    for bytes in inputs {
        let text = crate::decode::utf8_lossy(bytes);
        if log.is_none() && client_string_from_log(&text).is_some() {
            log = Some(text.into_owned());
        }
        if response.is_none() {
            let found = crate::decode::decode_all(bytes).into_iter().find(|r| {
                r.code.as_deref() == Some("SignatureDoesNotMatch") && has_server_string(r)
            });
            response = found;
        }
    }
    check(&response.unwrap_or_default(), log.as_deref(), key)
}

impl Verdict {
    /// Found for a verdict that says why; nothing found for `no_key` and
    /// `not_a_signature_error`.
    #[must_use]
    pub fn outcome(self) -> crate::Outcome {
        match self {
            Verdict::NoKey | Verdict::NotASignatureError => crate::Outcome::NothingFound,
            _ => crate::Outcome::Found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte loop reads what reading word by word reads.
        #[test]
        fn hex_bytes_read_as_words_read_them(
            s in "[0-9a-fA-Fg \t\n\u{b}\u{c}\r]{0,24}",
            any in ".{0,12}",
        ) {
            proptest::prop_assert_eq!(from_hex_bytes(&s), from_hex_words(&s));
            proptest::prop_assert_eq!(from_hex_bytes(&any), from_hex_words(&any));
        }

        /// The first colon that ends a marker ends the marker that starts first.
        #[test]
        fn client_string_marker_is_the_first_marker(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "StringToSign:", "String to sign:", "string_to_sign:", "CanonicalString:",
                    "canonical string:", "Canonical_String:", "sign:", ":", " ", "\n", "/r\n",
                    "AWS4-x\n", "a\nb\nc\n", "é", "GET\n",
                ]),
                0..10,
            ),
        ) {
            let log = words.concat();
            let markers = ["stringtosign:", "string to sign:", "string_to_sign:", "canonicalstring:", "canonical string:", "canonical_string:"];
            let lower = log.to_ascii_lowercase();
            let first = markers.iter().filter_map(|m| lower.find(m).map(|i| (i, m.len()))).min();
            let expected = first.and_then(|(at, len)| {
                let rest = &log[at + len..];
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                let rest = rest.strip_prefix('\n').or_else(|| rest.strip_prefix("\r\n")).unwrap_or(rest);
                let lines: Vec<&str> = rest.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
                let take = if lines.first().is_some_and(|l| l.starts_with("AWS4-")) {
                    4
                } else {
                    lines.iter().position(|l| l.starts_with('/'))? + 1
                };
                (lines.len() >= take).then(|| lines[..take].join("\n"))
            });
            proptest::prop_assert_eq!(client_string_from_log(&log), expected);
        }
    }
}
