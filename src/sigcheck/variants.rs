//! What the key search tries: strings a client commonly signs instead of the
//! one the server expects. [`check`](crate::sigcheck::check) signs each with
//! the key until one gives the signature sent.

use super::canon;
use super::parse::Scheme;
use crate::decode::Request;

/// Strings a client commonly signs instead of `base`: without Content-Type or
/// Content-MD5, without one signed header, without the sub-resources, with the
/// bucket dropped from or doubled in the resource, the key spelled otherwise.
pub(super) fn variants(scheme: Scheme, base: &str, req: Option<&Request>) -> Vec<String> {
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
