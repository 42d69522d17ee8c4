//! [`check`]: the server's string to sign, the signature sent and, each
//! optional, the client's string (from an SDK log, or rebuilt from the
//! request) and the key, to one verdict, the steps in the order they are
//! tried.

use super::canon::{self, Part};
use super::diff::{diff, refine};
use super::key::{self, SecretKey};
use super::parse::{self, Placement, Scheme};
use super::strings::{client_string_from_log, server_string};
use super::variants::variants;
use super::verdict::{ClientSource, Missing, SignatureCheck, SignatureFinding, Verdict};
use crate::decode::{Request, Response};

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
    if let (Some(sig), Some(ak)) = (&signed, &out.access_key_id)
        && sig.access_key_id != *ak
    {
        out.findings.push(SignatureFinding::AccessKeyIdDiffers {
            request: sig.access_key_id.clone(),
            server: ak.clone(),
        });
    }
    if out.access_key_id.is_none() {
        out.access_key_id = signed.as_ref().map(|x| x.access_key_id.clone());
    }
    // The client's string: the SDK's own, else rebuilt from the request.
    let mut client: Option<(String, Option<String>, ClientSource)> = client_log
        .and_then(client_string_from_log)
        .map(|c| (c, None, ClientSource::SdkLog));
    if client.is_none()
        && let (Some(req), Some(sig)) = (&r.request, &signed)
    {
        let rb = canon::rebuild(req, sig);
        client = Some((
            rb.string_to_sign,
            rb.canonical_request,
            ClientSource::Request,
        ));
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
        if let Some((c, cr, src)) = &client
            && *c != s
            && sign(c) == p
        {
            out.findings.push(SignatureFinding::ClientStringConfirmed);
            return differs(out, scheme, c, cr.as_deref(), *src, r.request.as_ref());
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
        if let Some((c, cr, src)) = &client
            && *c != s
        {
            out.client = split(scheme, c, cr.as_deref());
            out.client_source = Some(*src);
            out.differences = diff(scheme, &out.client, &out.server);
            refine(&mut out.differences, r.request.as_ref());
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
