//! Rebuilds the string to sign of the OBS header scheme, S3 V2 and S3 V4
//! (and their query-string variants) from a captured request, and splits a
//! string to sign into its components.
//!
//! References: `api-ref_signature_in_a_header.rst`, `…_in_a_url.rst`,
//! `s3api_v2_*`, `s3api_v4_*` (OBS documentation, copied under
//! `tests/fixtures/sigcheck/docs/`), cross-checked against the official SDKs
//! by `tests/it/sigcheck_vectors.rs`.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

use super::parse::{Placement, Scheme, Signed};
use super::request::{header, header_values, target_parts};
use crate::decode::Request;

/// Sub-resources that enter the canonical resource: the union of the list in
/// `api-ref_signature_in_a_header.rst` and the one the OBS Python SDK signs
/// (a data fact, compared in lower case).
const SUB_RESOURCES: &[&str] = &[
    "acl",
    "append",
    "attname",
    "backtosource",
    "bucketstatus",
    "cors",
    "customdomain",
    "delete",
    "deletebucket",
    "directcoldaccess",
    "dispolicy",
    "encryption",
    "fileinterface",
    "inventory",
    "length",
    "lifecycle",
    "location",
    "logging",
    "metadata",
    "modify",
    "name",
    "notification",
    "obsalias",
    "obsbucketalias",
    "obscompresspolicy",
    "obsworkflowtriggerpolicy",
    "object-lock",
    "partnumber",
    "policy",
    "policystatus",
    "position",
    "publicaccessblock",
    "quota",
    "rename",
    "replication",
    "requestpayment",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "response-content-language",
    "response-content-type",
    "response-expires",
    "restore",
    "retention",
    "storageclass",
    "storageinfo",
    "storagepolicy",
    "tagging",
    "torrent",
    "truncate",
    "uploadid",
    "uploads",
    "versionid",
    "versioning",
    "versions",
    "website",
    "x-image-process",
    "x-image-save-bucket",
    "x-image-save-object",
    "x-oss-process",
    "x-workflow-execution-state",
    "x-workflow-execution-type",
    "x-workflow-graph-name",
    "x-workflow-limit",
    "x-workflow-next-marker",
    "x-workflow-prefix",
    "x-workflow-start",
    "x-workflow-template-name",
];

/// One named part of a string to sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Component {
    /// The HTTP method.
    Verb,
    /// `Content-MD5`.
    ContentMd5,
    /// `Content-Type`.
    ContentType,
    /// `Date` (or `Expires` in a pre-signed URL).
    Date,
    /// One `x-obs-*` / `x-amz-*` header line (named in the difference).
    CanonicalHeader,
    /// `/bucket/key?sub-resources`.
    CanonicalResource,
    /// V4: `AWS4-HMAC-SHA256`.
    Algorithm,
    /// V4: the `X-Amz-Date` timestamp.
    RequestDate,
    /// V4: `date/region/service/aws4_request`.
    CredentialScope,
    /// V4: the SHA-256 of the canonical request.
    CanonicalRequestHash,
    /// V4 canonical request: the URI.
    CanonicalUri,
    /// V4 canonical request: the query string.
    CanonicalQuery,
    /// V4 canonical request: the signed-headers list.
    SignedHeaders,
    /// V4 canonical request: the payload hash.
    PayloadHash,
}

/// A string to sign split into components, in order. A header line is
/// `(CanonicalHeader, Some(name), "name:value")`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Which component.
    pub component: Component,
    /// The header's name, for a canonical header.
    pub name: Option<String>,
    /// Its value as signed.
    pub value: String,
}

fn part(component: Component, value: &str) -> Part {
    Part {
        component,
        name: None,
        value: value.to_string(),
    }
}

/// Splits an OBS / V2 string to sign: four lines, header lines, resource.
#[must_use]
pub fn split_v2(sts: &str) -> Vec<Part> {
    let mut lines: Vec<&str> = sts.split('\n').collect();
    let mut out = Vec::with_capacity(lines.len());
    let fixed = [
        Component::Verb,
        Component::ContentMd5,
        Component::ContentType,
        Component::Date,
    ];
    let resource = if lines.len() > fixed.len() {
        lines.pop()
    } else {
        None
    };
    for (i, line) in lines.iter().enumerate() {
        if let Some(&c) = fixed.get(i) {
            out.push(part(c, line));
        } else {
            let name = line.split_once(':').map_or(*line, |(n, _)| n);
            out.push(Part {
                component: Component::CanonicalHeader,
                name: Some(name.to_ascii_lowercase()),
                value: (*line).to_string(),
            });
        }
    }
    if let Some(r) = resource {
        out.push(part(Component::CanonicalResource, r));
    }
    out
}

/// Splits a V4 string to sign (four lines) and, when known, the canonical
/// request (method, URI, query, header lines, signed headers, payload hash).
#[must_use]
pub fn split_v4(sts: &str, canonical_request: Option<&str>) -> Vec<Part> {
    // Four lines, and about a dozen for a canonical request.
    let mut out = Vec::with_capacity(if canonical_request.is_some() { 16 } else { 4 });
    let fixed = [
        Component::Algorithm,
        Component::RequestDate,
        Component::CredentialScope,
        Component::CanonicalRequestHash,
    ];
    for (i, line) in sts.split('\n').enumerate() {
        out.push(part(
            *fixed.get(i).unwrap_or(&Component::CanonicalRequestHash),
            line,
        ));
    }
    if let Some(cr) = canonical_request {
        let lines: Vec<&str> = cr.split('\n').collect();
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let c = match i {
                0 => Component::Verb,
                1 => Component::CanonicalUri,
                2 => Component::CanonicalQuery,
                _ if i + 1 == n => Component::PayloadHash,
                _ if i + 2 == n => Component::SignedHeaders,
                _ if line.is_empty() => continue,
                _ => Component::CanonicalHeader,
            };
            let name = (c == Component::CanonicalHeader)
                .then(|| line.split_once(':').map_or(*line, |(n, _)| n).to_string());
            out.push(Part {
                component: c,
                name,
                value: (*line).to_string(),
            });
        }
    }
    out
}

/// What a rebuild of the client's string to sign gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// The string to sign.
    pub string_to_sign: String,
    /// V4: the canonical request it hashes.
    pub canonical_request: Option<String>,
}

fn decode(s: &str) -> String {
    percent_decode_str(&s.replace('+', "%20"))
        .decode_utf8_lossy()
        .into_owned()
}

/// The bucket a virtual-host-style `Host` names, if it does: the first label
/// of `bucket.obs.region.example.com` or `bucket.s3.example.com`.
#[must_use]
pub fn bucket_of_host(host: &str) -> Option<&str> {
    let host = host
        .rsplit_once(':')
        .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host, |(h, _)| h);
    let (first, rest) = host.split_once('.')?;
    let second = rest.split('.').next().unwrap_or("");
    let endpointish = second.starts_with("obs") || second.starts_with("s3") || second == "oss";
    (endpointish && !first.is_empty() && !first.starts_with("obs") && !first.starts_with("s3"))
        .then_some(first)
}

/// The OBS / V2 canonical resource of `req`.
#[must_use]
pub fn canonical_resource(req: &Request, scheme: Scheme) -> String {
    let (path, pairs) = target_parts(&req.target);
    let mut resource = String::new();
    if let Some(bucket) = header(req, "host").and_then(bucket_of_host) {
        resource.push('/');
        resource.push_str(bucket);
    }
    resource.push_str(if path.is_empty() { "/" } else { path });
    let prefix = scheme.header_prefix();
    let mut subs: Vec<(String, Option<String>)> = pairs
        .into_iter()
        .filter(|(k, _)| {
            let lk = decode(k).to_ascii_lowercase();
            SUB_RESOURCES.contains(&lk.as_str()) || lk.starts_with(prefix)
        })
        .map(|(k, v)| (decode(k), v.map(decode)))
        .collect();
    subs.sort();
    for (i, (k, v)) in subs.iter().enumerate() {
        resource.push(if i == 0 { '?' } else { '&' });
        resource.push_str(k);
        if let Some(v) = v {
            resource.push('=');
            resource.push_str(v);
        }
    }
    resource
}

/// The OBS / V2 string to sign of `req` as signed by `signed`.
#[must_use]
pub fn rebuild_v2(req: &Request, signed: &Signed) -> String {
    let scheme = signed.scheme;
    let prefix = scheme.header_prefix();
    let meta = scheme.meta_prefix();
    let mut headers: Vec<(String, String)> = Vec::new();
    for (n, v) in &req.headers {
        let ln = n.to_ascii_lowercase();
        if !ln.starts_with(prefix) {
            continue;
        }
        let v = if ln.starts_with(meta) {
            v.trim().to_string()
        } else {
            v.clone()
        };
        match headers.iter_mut().find(|(k, _)| *k == ln) {
            Some((_, old)) => {
                old.push(',');
                old.push_str(&v);
            }
            None => headers.push((ln, v)),
        }
    }
    headers.sort();
    let date_header = format!("{prefix}date");
    let date = match (
        &signed.placement,
        headers.iter().any(|(k, _)| *k == date_header),
    ) {
        (Placement::Query { expires }, _) => expires.clone().unwrap_or_default(),
        (Placement::Header, true) => String::new(),
        (Placement::Header, false) => header(req, "date").unwrap_or("").to_string(),
    };
    let mut s = String::new();
    s.push_str(&req.method);
    s.push('\n');
    s.push_str(header(req, "content-md5").unwrap_or(""));
    s.push('\n');
    s.push_str(header(req, "content-type").unwrap_or(""));
    s.push('\n');
    s.push_str(&date);
    s.push('\n');
    for (k, v) in &headers {
        s.push_str(k);
        s.push(':');
        s.push_str(v);
        s.push('\n');
    }
    s.push_str(&canonical_resource(req, scheme));
    s
}

/// Characters AWS's URI encoding keeps: `A-Z a-z 0-9 - _ . ~`.
const AWS_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The V4 canonical query: every parameter but `X-Amz-Signature`, decoded,
/// encoded the AWS way, sorted.
fn canonical_query(pairs: &[(&str, Option<&str>)]) -> String {
    let mut enc: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| *k != "X-Amz-Signature")
        .map(|(k, v)| {
            let k = utf8_percent_encode(&decode(k), AWS_ENCODE).to_string();
            let v = utf8_percent_encode(&decode(v.unwrap_or("")), AWS_ENCODE).to_string();
            (k, v)
        })
        .collect();
    enc.sort();
    enc.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The V4 string to sign and canonical request of `req` as signed by `signed`.
#[must_use]
pub fn rebuild_v4(req: &Request, signed: &Signed) -> Rebuilt {
    let (path, pairs) = target_parts(&req.target);
    let v4 = signed.v4.clone().unwrap_or_default();
    let mut cr = String::with_capacity(512);
    cr.push_str(&req.method);
    cr.push('\n');
    cr.push_str(if path.is_empty() { "/" } else { path });
    cr.push('\n');
    cr.push_str(&canonical_query(&pairs));
    cr.push('\n');
    for name in v4.signed_headers.split(';') {
        cr.push_str(name);
        cr.push(':');
        // Each value's words joined by one space, the values by commas.
        for (i, v) in header_values(req, name).enumerate() {
            if i > 0 {
                cr.push(',');
            }
            for (j, word) in v.split_whitespace().enumerate() {
                if j > 0 {
                    cr.push(' ');
                }
                cr.push_str(word);
            }
        }
        cr.push('\n');
    }
    cr.push('\n');
    cr.push_str(&v4.signed_headers);
    cr.push('\n');
    let payload = header(req, "x-amz-content-sha256").map_or_else(
        || {
            if matches!(signed.placement, Placement::Query { .. }) {
                "UNSIGNED-PAYLOAD".to_string()
            } else {
                hex(&Sha256::digest(b""))
            }
        },
        str::to_string,
    );
    cr.push_str(&payload);
    let sts = format!(
        "AWS4-HMAC-SHA256\n{}\n{}\n{}",
        v4.amz_date,
        v4.scope,
        hex(&Sha256::digest(cr.as_bytes()))
    );
    Rebuilt {
        string_to_sign: sts,
        canonical_request: Some(cr),
    }
}

/// Lower-case hexadecimal.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    // A table, not `write!(s, "{b:02x}")`: the formatting machinery costs
    // about two hundred instructions a byte.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// The string to sign of `req` as `signed` says it was signed.
#[must_use]
pub fn rebuild(req: &Request, signed: &Signed) -> Rebuilt {
    match signed.scheme {
        Scheme::V4 => rebuild_v4(req, signed),
        Scheme::Obs | Scheme::V2 => Rebuilt {
            string_to_sign: rebuild_v2(req, signed),
            canonical_request: None,
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_writes_what_the_formatter_writes() {
        let all: Vec<u8> = (0..=255).collect();
        let formatted: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(super::hex(&all), formatted);
        assert_eq!(super::hex(&[]), "");
    }
}
