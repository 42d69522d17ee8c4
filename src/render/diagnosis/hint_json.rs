//! A [`Hint`] in `decode --json`: its kind, its sentence, then its own
//! fields, whose names and values are written here.

use super::hint::finding;
use crate::diagnose::{
    DocumentedStatus, Hint, Hop, Limit, Ranking, RequestLine, Stamp, SupportId, TimeSource,
};
use crate::render::sigcheck::DifferenceJson;
use serde::Serialize;

/// A finding in JSON: its kind, its sentence, then its data.
#[derive(Serialize)]
pub struct HintJson<'a> {
    /// [`Hint::kind`].
    pub kind: &'static str,
    /// The sentence, as the human output says it.
    pub text: String,
    /// The finding's own fields.
    #[serde(flatten)]
    data: HintData<'a>,
}

impl<'a> From<&'a Hint> for HintJson<'a> {
    fn from(f: &'a Hint) -> Self {
        HintJson {
            kind: f.kind(),
            text: finding(f),
            data: HintData::from(f),
        }
    }
}

/// A finding's own fields, after its kind and sentence (none for
/// `signature_causes` and `truncated`).
#[derive(Serialize)]
#[serde(untagged)]
enum HintData<'a> {
    NoResponse {
        evidence: &'a str,
    },
    Proxy {
        server: Option<&'a str>,
        status: Option<u16>,
        reason: Option<&'a str>,
    },
    /// `status_documented` and `status_mismatch`.
    Status {
        code: &'static str,
        got: u16,
        reason: Option<&'a str>,
        documented: Vec<DocumentedStatusJson<'a>>,
    },
    ClockSkew {
        request: StampJson<'a>,
        server: StampJson<'a>,
        skew_ms: i64,
        allowed_ms: u64,
        allowed_from: &'static str,
    },
    ClockSkewUnknown {
        server: Option<StampJson<'a>>,
        allowed_ms: u64,
        allowed_from: &'static str,
    },
    StringToSign {
        value: &'a str,
    },
    AccessKey {
        id: &'a str,
    },
    /// `signature_causes`, `truncated`: nothing but kind and text.
    Nothing,
    SignatureDiffers {
        differences: Vec<DifferenceJson<'a>>,
    },
    Redirect {
        endpoint: Option<&'a str>,
        location: Option<&'a str>,
        bucket: Option<&'a str>,
    },
    RedirectsFollowed {
        hops: Vec<HopJson<'a>>,
    },
    NotAnError {
        status: u16,
    },
    StatusOnly {
        status: u16,
        reason: Option<&'static str>,
        meaning: Option<&'static str>,
        codes: &'a [&'static str],
        total: usize,
        no_body: bool,
        head_request: bool,
        operation: Option<&'static str>,
        ranking: Option<&'static str>,
    },
    UnknownCode {
        code: &'a str,
        nearest: &'a [&'static str],
    },
    Involved {
        bucket: Option<&'a str>,
        key: Option<&'a str>,
        resource: Option<&'a str>,
        request: Option<RequestLineJson<'a>>,
    },
    Binary {
        at: usize,
    },
    SupportIds {
        ids: Vec<&'static str>,
    },
}

impl<'a> From<&'a Hint> for HintData<'a> {
    fn from(f: &'a Hint) -> Self {
        match f {
            Hint::NoResponse { evidence } => HintData::NoResponse { evidence },
            Hint::Proxy {
                server,
                status,
                reason,
            } => HintData::Proxy {
                server: server.as_deref(),
                status: *status,
                reason: reason.as_deref(),
            },
            Hint::StatusDocumented {
                code,
                got,
                reason,
                documented,
            }
            | Hint::StatusMismatch {
                code,
                got,
                reason,
                documented,
            } => HintData::Status {
                code,
                got: *got,
                reason: reason.as_deref(),
                documented: documented.iter().map(DocumentedStatusJson::from).collect(),
            },
            Hint::ClockSkew {
                request,
                server,
                skew_ms,
                allowed_ms,
                allowed_from,
            } => HintData::ClockSkew {
                request: StampJson::from(request),
                server: StampJson::from(server),
                skew_ms: *skew_ms,
                allowed_ms: *allowed_ms,
                allowed_from: limit_key(*allowed_from),
            },
            Hint::ClockSkewUnknown {
                server,
                allowed_ms,
                allowed_from,
            } => HintData::ClockSkewUnknown {
                server: server.as_ref().map(StampJson::from),
                allowed_ms: *allowed_ms,
                allowed_from: limit_key(*allowed_from),
            },
            Hint::StringToSign { value } => HintData::StringToSign { value },
            Hint::AccessKey { id } => HintData::AccessKey { id },
            Hint::SignatureCauses | Hint::Truncated => HintData::Nothing,
            Hint::SignatureDiffers { differences } => HintData::SignatureDiffers {
                differences: differences.iter().map(DifferenceJson::from).collect(),
            },
            Hint::Redirect {
                endpoint,
                location,
                bucket,
            } => HintData::Redirect {
                endpoint: endpoint.as_deref(),
                location: location.as_deref(),
                bucket: bucket.as_deref(),
            },
            Hint::RedirectsFollowed { hops } => HintData::RedirectsFollowed {
                hops: hops.iter().map(HopJson::from).collect(),
            },
            Hint::NotAnError { status } => HintData::NotAnError { status: *status },
            Hint::StatusOnly {
                status,
                reason,
                meaning,
                codes,
                total,
                no_body,
                head_request,
                operation,
                ranking,
            } => HintData::StatusOnly {
                status: *status,
                reason: *reason,
                meaning: *meaning,
                codes,
                total: *total,
                no_body: *no_body,
                head_request: *head_request,
                operation: *operation,
                ranking: ranking.map(ranking_key),
            },
            Hint::UnknownCode { code, nearest } => HintData::UnknownCode { code, nearest },
            Hint::Involved {
                bucket,
                key,
                resource,
                request,
            } => HintData::Involved {
                bucket: bucket.as_deref(),
                key: key.as_deref(),
                resource: resource.as_deref(),
                request: request.as_ref().map(RequestLineJson::from),
            },
            Hint::Binary { at } => HintData::Binary { at: *at },
            Hint::SupportIds { ids } => HintData::SupportIds {
                ids: ids.iter().map(|id| support_id_key(*id)).collect(),
            },
        }
    }
}

/// A status the catalogue documents for the code, and the pages that do.
#[derive(Serialize)]
struct DocumentedStatusJson<'a> {
    status: u16,
    reason: Option<&'static str>,
    sources: &'a [&'static str],
}

impl<'a> From<&'a DocumentedStatus> for DocumentedStatusJson<'a> {
    fn from(d: &'a DocumentedStatus) -> Self {
        DocumentedStatusJson {
            status: d.status,
            reason: d.reason,
            sources: &d.sources,
        }
    }
}

/// A time as the response wrote it, and where it was found.
#[derive(Serialize)]
struct StampJson<'a> {
    text: &'a str,
    from: &'static str,
}

impl<'a> From<&'a Stamp> for StampJson<'a> {
    fn from(s: &'a Stamp) -> Self {
        StampJson {
            text: &s.text,
            from: match s.from {
                TimeSource::RequestTime => "request_time",
                TimeSource::RequestDate => "request_date",
                TimeSource::ServerTime => "server_time",
                TimeSource::ResponseDate => "response_date",
            },
        }
    }
}

/// One redirect curl followed.
#[derive(Serialize)]
struct HopJson<'a> {
    status: u16,
    location: Option<&'a str>,
}

impl<'a> From<&'a Hop> for HopJson<'a> {
    fn from(h: &'a Hop) -> Self {
        HopJson {
            status: h.status,
            location: h.location.as_deref(),
        }
    }
}

/// The request as curl -v showed it.
#[derive(Serialize)]
struct RequestLineJson<'a> {
    method: &'a str,
    target: &'a str,
    host: Option<&'a str>,
}

impl<'a> From<&'a RequestLine> for RequestLineJson<'a> {
    fn from(q: &'a RequestLine) -> Self {
        RequestLineJson {
            method: &q.method,
            target: &q.target,
            host: q.host.as_deref(),
        }
    }
}

/// Where the allowed clock skew comes from.
fn limit_key(limit: Limit) -> &'static str {
    match limit {
        Limit::Response => "response",
        Limit::Documented => "documented",
    }
}

/// Why a bare status's codes come in the order they do.
fn ranking_key(ranking: Ranking) -> &'static str {
    match ranking {
        Ranking::ObjectMissing => "object_missing",
        Ranking::BucketMissingForObject => "bucket_missing_for_object",
        Ranking::BucketMissing => "bucket_missing",
        Ranking::UploadMissing => "upload_missing",
        Ranking::HeadForbidden => "head_forbidden",
    }
}

/// An id support can look the request up by.
fn support_id_key(id: SupportId) -> &'static str {
    match id {
        SupportId::RequestId => "request_id",
        SupportId::HostId => "host_id",
        SupportId::ReservedIndicator => "reserved_indicator",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    #[test]
    fn a_finding_in_json_is_kind_text_then_its_data() {
        let d = diagnose(decode(b"<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240315T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime></Error>"));
        let text = serde_json::to_string(&HintJson::from(&d.findings[0])).unwrap();
        assert!(
            text.starts_with("{\"kind\":\"clock_skew\",\"text\":\"The request was dated"),
            "{text}"
        );
        assert!(
            text.ends_with(
                ",\"skew_ms\":1392000,\"allowed_ms\":900000,\"allowed_from\":\"documented\"}"
            ),
            "{text}"
        );
        let text = serde_json::to_string(&HintJson::from(&Hint::Truncated)).unwrap();
        assert!(
            text.starts_with("{\"kind\":\"truncated\",\"text\":\"The body ends"),
            "{text}"
        );
    }
}
