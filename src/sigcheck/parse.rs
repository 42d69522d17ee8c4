//! Reads how a captured request was signed: the `Authorization` header
//! (`OBS AK:sig`, `AWS AK:sig`, `AWS4-HMAC-SHA256 Credential=…`) or the
//! query-string parameters of a pre-signed URL.

use super::request::{header, target_parts};
use crate::decode::Request;

/// A signing scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// OBS's own: `Authorization: OBS AK:sig`, HMAC-SHA1.
    Obs,
    /// S3 V2: `Authorization: AWS AK:sig`, HMAC-SHA1.
    V2,
    /// S3 V4: `AWS4-HMAC-SHA256`.
    V4,
}

impl Scheme {
    /// The prefix of the headers the scheme signs.
    #[must_use]
    pub fn header_prefix(self) -> &'static str {
        match self {
            Scheme::Obs => "x-obs-",
            Scheme::V2 | Scheme::V4 => "x-amz-",
        }
    }
    /// The prefix of user metadata headers (their values are trimmed).
    #[must_use]
    pub fn meta_prefix(self) -> &'static str {
        match self {
            Scheme::Obs => "x-obs-meta-",
            Scheme::V2 | Scheme::V4 => "x-amz-meta-",
        }
    }
}

/// Where the signature travelled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Placement {
    /// In the `Authorization` header.
    #[default]
    Header,
    /// In the query string (pre-signed URL); OBS and V2 carry `Expires`.
    Query {
        /// The `Expires` parameter (OBS / V2), as sent.
        expires: Option<String>,
    },
}

/// The V4 parts of a signature.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct V4Parts {
    /// `AK/date/region/service/aws4_request` without the access key:
    /// `date/region/service/aws4_request`.
    pub scope: String,
    /// `host;x-amz-date;…`.
    pub signed_headers: String,
    /// `X-Amz-Date`.
    pub amz_date: String,
}

impl V4Parts {
    /// The region of the scope.
    #[must_use]
    pub fn region(&self) -> &str {
        self.scope.split('/').nth(1).unwrap_or("")
    }
}

/// How a request was signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The scheme.
    pub scheme: Scheme,
    /// Header or query string.
    pub placement: Placement,
    /// The access key id.
    pub access_key_id: String,
    /// The signature sent (base64 for OBS / V2, hex for V4).
    pub signature: String,
    /// V4 only.
    pub v4: Option<V4Parts>,
}

fn unescape(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// How `req` was signed, if it was.
#[must_use]
pub fn signed(req: &Request) -> Option<Signed> {
    if let Some(auth) = header(req, "authorization") {
        return from_header(req, auth.trim());
    }
    from_query(req)
}

fn from_header(req: &Request, auth: &str) -> Option<Signed> {
    let (kind, rest) = auth.split_once(' ')?;
    let rest = rest.trim();
    match kind {
        "OBS" | "AWS" => {
            let (ak, sig) = rest.rsplit_once(':')?;
            Some(Signed {
                scheme: if kind == "OBS" {
                    Scheme::Obs
                } else {
                    Scheme::V2
                },
                placement: Placement::Header,
                access_key_id: ak.to_string(),
                signature: sig.to_string(),
                v4: None,
            })
        }
        "AWS4-HMAC-SHA256" => {
            let mut credential = "";
            let mut signed_headers = "";
            let mut signature = "";
            for field in rest.split(',') {
                match field.trim().split_once('=') {
                    Some(("Credential", v)) => credential = v,
                    Some(("SignedHeaders", v)) => signed_headers = v,
                    Some(("Signature", v)) => signature = v,
                    _ => {}
                }
            }
            let (ak, scope) = credential.split_once('/')?;
            let amz_date = header(req, "x-amz-date").unwrap_or("").to_string();
            Some(Signed {
                scheme: Scheme::V4,
                placement: Placement::Header,
                access_key_id: ak.to_string(),
                signature: signature.to_string(),
                v4: Some(V4Parts {
                    scope: scope.to_string(),
                    signed_headers: signed_headers.to_string(),
                    amz_date,
                }),
            })
        }
        _ => None,
    }
}

fn from_query(req: &Request) -> Option<Signed> {
    let (_, pairs) = target_parts(&req.target);
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .and_then(|(_, v)| *v)
            .map(unescape)
    };
    if let Some(credential) = get("X-Amz-Credential") {
        let (ak, scope) = credential.split_once('/')?;
        return Some(Signed {
            scheme: Scheme::V4,
            placement: Placement::Query { expires: None },
            access_key_id: ak.to_string(),
            signature: get("X-Amz-Signature").unwrap_or_default(),
            v4: Some(V4Parts {
                scope: scope.to_string(),
                signed_headers: get("X-Amz-SignedHeaders").unwrap_or_default(),
                amz_date: get("X-Amz-Date").unwrap_or_default(),
            }),
        });
    }
    let (scheme, ak) = match (get("AccessKeyId"), get("AWSAccessKeyId")) {
        (Some(ak), _) => (Scheme::Obs, ak),
        (None, Some(ak)) => (Scheme::V2, ak),
        (None, None) => return None,
    };
    Some(Signed {
        scheme,
        placement: Placement::Query {
            expires: get("Expires"),
        },
        access_key_id: ak,
        signature: get("Signature").unwrap_or_default(),
        v4: None,
    })
}
