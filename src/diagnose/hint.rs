//! What obserr notices about a response: [`Hint`], one variant per kind of
//! finding, and the data its fields carry (times, statuses and where they are
//! documented, redirects, the request line, support ids). The rules that
//! compute hints are in the sibling modules, one per theme.

use super::ranking::Ranking;

/// OBS rejects requests whose time is off by more than this (documented:
/// "If the offset is longer than 15 minutes, the OBS server will reject your
/// requests"), when the response does not say.
pub const DEFAULT_MAX_SKEW_MS: u64 = 15 * 60 * 1000;
/// Codes listed for a bare status before pointing at `obserr explain STATUS`.
pub const MAX_STATUS_CODES: usize = 8;

/// One thing obserr noticed about a response, with the numbers and names it
/// rests on: a [`Diagnosis`](crate::Diagnosis) lists them in `findings`, most
/// important first. Serialised (untagged) as its fields; [`Hint::kind`]
/// names it.
///
/// ```
/// use obserr::{decode, diagnose, Hint};
///
/// let d = diagnose(decode(b"<Error><Code>RequestTimeTooSkewed</Code>\
///     <RequestTime>20240412T073305Z</RequestTime><ServerTime>2024-04-12T07:53:05Z</ServerTime></Error>"));
/// assert_eq!(d.findings[0].kind(), "clock_skew");
/// let Hint::ClockSkew { skew_ms, allowed_ms, .. } = &d.findings[0] else { panic!() };
/// assert_eq!((*skew_ms, *allowed_ms), (20 * 60 * 1000, 15 * 60 * 1000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// No HTTP response arrived: the request failed on the client's side or
    /// on the network (a `-1` response code, a DNS, connection, TLS or proxy
    /// failure). Nothing OBS said is in the text.
    NoResponse {
        /// The text that says so (`Response code: -1`, `UnknownHostException`).
        evidence: String,
    },
    /// An HTML page that did not come from OBS: a proxy or gateway answered.
    Proxy {
        /// Who signed the page or sent the `Server` header (`nginx/1.25.3`).
        server: Option<String>,
        /// The status it answered with.
        status: Option<u16>,
        /// Its reason phrase (the response's, else the catalogue's).
        reason: Option<String>,
    },
    /// The code is documented with several statuses, this one among them.
    StatusDocumented {
        /// The catalogued code.
        code: &'static str,
        /// The status the response came with.
        got: u16,
        /// Its reason phrase.
        reason: Option<String>,
        /// Every status the tables document for the code, and where.
        documented: Vec<DocumentedStatus>,
    },
    /// The response's status is none the tables document for its code.
    StatusMismatch {
        /// The catalogued code.
        code: &'static str,
        /// The status the response came with.
        got: u16,
        /// Its reason phrase.
        reason: Option<String>,
        /// Every status the tables document for the code, and where.
        documented: Vec<DocumentedStatus>,
    },
    /// `RequestTimeTooSkewed` with both times: the skew is computed.
    ClockSkew {
        /// The time the request carried.
        request: Stamp,
        /// The server's time.
        server: Stamp,
        /// Server time minus request time: positive when the client's clock
        /// is behind the server's, negative when it is ahead.
        skew_ms: i64,
        /// The skew OBS allows.
        allowed_ms: u64,
        /// Where `allowed_ms` comes from.
        allowed_from: Limit,
    },
    /// `RequestTimeTooSkewed` without both times: the skew cannot be computed.
    ClockSkewUnknown {
        /// The server's time, when the response carries it.
        server: Option<Stamp>,
        /// The skew OBS allows.
        allowed_ms: u64,
        /// Where `allowed_ms` comes from.
        allowed_from: Limit,
    },
    /// The `StringToSign` the server computed (`SignatureDoesNotMatch`).
    StringToSign {
        /// Verbatim, line breaks and all.
        value: String,
    },
    /// The access key id the server checked the signature with.
    AccessKey {
        /// The access key id (never a secret).
        id: String,
    },
    /// The usual causes of a signature mismatch.
    SignatureCauses,
    /// What sigcheck proves from the input alone: the server's string to
    /// sign and the request (or the SDK's string) differ in these components.
    SignatureDiffers {
        /// Each differing component, with both values.
        differences: Vec<crate::sigcheck::Difference>,
    },
    /// The response redirects: where to send the request instead.
    Redirect {
        /// The `Endpoint` the body names.
        endpoint: Option<String>,
        /// The `Location` header.
        location: Option<String>,
        /// The bucket the body names.
        bucket: Option<String>,
    },
    /// curl followed redirects before the response that counts.
    RedirectsFollowed {
        /// Each redirect, in order.
        hops: Vec<Hop>,
    },
    /// The status reports success: nothing failed.
    NotAnError {
        /// The status.
        status: u16,
    },
    /// A status without an error code: what it means and which codes come with it.
    StatusOnly {
        /// The status.
        status: u16,
        /// The catalogue's reason phrase.
        reason: Option<&'static str>,
        /// What the status means for OBS.
        meaning: Option<&'static str>,
        /// Catalogued codes with this status, at most `MAX_STATUS_CODES`.
        codes: Vec<&'static str>,
        /// How many catalogued codes have this status in all.
        total: usize,
        /// The response had no body at all.
        no_body: bool,
        /// The request was a HEAD request (curl -v showed it).
        head_request: bool,
        /// The operation the response answered, when the text names it.
        operation: Option<&'static str>,
        /// Why `codes` starts with the codes it starts with (most likely
        /// first for this status and operation); `None`: catalogue order.
        ranking: Option<Ranking>,
    },
    /// The code is not catalogued.
    UnknownCode {
        /// The code as the response wrote it.
        code: String,
        /// The nearest catalogued codes, best first (maybe none).
        nearest: Vec<&'static str>,
    },
    /// What the request concerned.
    Involved {
        /// The bucket.
        bucket: Option<String>,
        /// The object key.
        key: Option<String>,
        /// The resource.
        resource: Option<String>,
        /// The request line, when nothing else names what was asked for.
        request: Option<RequestLine>,
    },
    /// The body ended before it was complete.
    Truncated,
    /// The input turned binary; only the text before it was read.
    Binary {
        /// The byte offset where it turned binary.
        at: usize,
    },
    /// The response carries ids that support can look up.
    SupportIds {
        /// Which ids, in the order to give them.
        ids: Vec<SupportId>,
    },
}

impl Hint {
    /// The finding's name in JSON (`clock_skew`), stable across releases.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Hint::Proxy { .. } => "proxy",
            Hint::StatusDocumented { .. } => "status_documented",
            Hint::StatusMismatch { .. } => "status_mismatch",
            Hint::ClockSkew { .. } => "clock_skew",
            Hint::ClockSkewUnknown { .. } => "clock_skew_unknown",
            Hint::StringToSign { .. } => "string_to_sign",
            Hint::AccessKey { .. } => "access_key",
            Hint::SignatureCauses => "signature_causes",
            Hint::SignatureDiffers { .. } => "signature_differs",
            Hint::Redirect { .. } => "redirect",
            Hint::RedirectsFollowed { .. } => "redirects_followed",
            Hint::NotAnError { .. } => "not_an_error",
            Hint::StatusOnly { .. } => "status_only",
            Hint::UnknownCode { .. } => "unknown_code",
            Hint::Involved { .. } => "involved",
            Hint::NoResponse { .. } => "no_response",
            Hint::Truncated => "truncated",
            Hint::Binary { .. } => "binary",
            Hint::SupportIds { .. } => "support_ids",
        }
    }
}

/// A status the catalogue documents for a code, and the pages that do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentedStatus {
    /// The status.
    pub status: u16,
    /// Its reason phrase.
    pub reason: Option<&'static str>,
    /// The titles of the pages that document it.
    pub sources: Vec<&'static str>,
}

/// A time as the response wrote it, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The time, verbatim.
    pub text: String,
    /// Where it was found.
    pub from: TimeSource,
}

/// Where a time was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSource {
    /// The body's `RequestTime`.
    RequestTime,
    /// The request's `Date`, `x-obs-date` or `x-amz-date` header (curl -v).
    RequestDate,
    /// The body's `ServerTime`.
    ServerTime,
    /// The response's `Date` header.
    ResponseDate,
}

/// Where the allowed clock skew comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The response's `MaxAllowedSkewMilliseconds`.
    Response,
    /// OBS's documented limit, [`DEFAULT_MAX_SKEW_MS`].
    Documented,
}

/// One redirect curl followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// Its status.
    pub status: u16,
    /// Its `Location` header.
    pub location: Option<String>,
}

/// The request as curl -v showed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine {
    /// `GET`, `HEAD`, ...
    pub method: String,
    /// The request target (`/bucket/key?acl`).
    pub target: String,
    /// The `Host` header.
    pub host: Option<String>,
}

/// An id that identifies the request in OBS's logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportId {
    /// `RequestId` / `x-obs-request-id`.
    RequestId,
    /// `HostId` / `x-obs-id-2`.
    HostId,
    /// `x-reserved-indicator`.
    ReservedIndicator,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    fn findings(input: &str) -> Vec<Hint> {
        diagnose(decode(input.as_bytes())).findings
    }

    #[test]
    fn kinds_are_distinct_snake_case_names() {
        let all = [
            findings("<html><body>x</body></html>"),
            findings("HTTP/1.1 301 Moved\r\n\r\n<Error><Code>PermanentRedirect</Code><Key>k</Key><RequestId>R</RequestId><Oops"),
        ]
        .concat();
        for f in &all {
            assert!(
                f.kind()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                f.kind()
            );
        }
    }
}
