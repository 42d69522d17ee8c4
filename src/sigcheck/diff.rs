//! Where the client's string to sign and the server's differ, component by
//! component, each difference with its usual [`DifferenceCause`].

use super::canon::{Component, Part};
use super::parse::Scheme;
use super::verdict::{Difference, DifferenceCause};
use crate::decode::Request;

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

/// A header the server signed that the captured request does not even hold
/// was added on the way (a proxy, a gateway), not left out by the client.
pub(super) fn refine(differences: &mut [Difference], req: Option<&Request>) {
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
