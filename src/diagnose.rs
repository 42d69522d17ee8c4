//! Judges a decoded [`Response`] against the catalogue: finds the entry for
//! its code, and computes [`Hint`]s from the response itself (status
//! mismatch, clock skew, the server's `StringToSign`, where a redirect points,
//! what the request concerned, what a bare status means, the nearest codes to
//! an unknown one) and the command to run [`Next`]. Pure data: no I/O and no
//! words. Every sentence a finding becomes is written in
//! [`crate::render`]; findings hold the response's text as it arrived, and the
//! renderers make it safe.

use crate::catalogue::{self, Documented, Entry, StatusFilter, StatusInfo};
use crate::decode::{Body, Response};
use crate::timestamp;
use serde::Serialize;

/// OBS rejects requests whose time is off by more than this (documented:
/// "If the offset is longer than 15 minutes, the OBS server will reject your
/// requests"), when the response does not say.
pub const DEFAULT_MAX_SKEW_MS: u64 = 15 * 60 * 1000;
/// Codes listed for a bare status before pointing at `obserr explain STATUS`.
pub const MAX_STATUS_CODES: usize = 8;

/// Why a bare status's codes are listed most likely first: what the status
/// and the operation together point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ranking {
    /// A 404 from reading an object: the key is missing (NoSuchKey) far more
    /// often than the bucket.
    ObjectMissing,
    /// A 404 from writing or deleting an object: a missing key is no error
    /// there, so the bucket is missing.
    BucketMissingForObject,
    /// A 404 from a bucket operation: the bucket is missing.
    BucketMissing,
    /// A 404 from a multipart upload's part or completion: the upload is gone.
    UploadMissing,
    /// A 403 to a HEAD request: refused by a policy or ACL, or a signing
    /// problem, which only the same request as GET tells apart.
    HeadForbidden,
}

impl Ranking {
    /// The ranking for a status and operation, with its codes most likely
    /// first.
    #[must_use]
    pub fn of(
        status: u16,
        operation: Option<&str>,
        head: bool,
    ) -> Option<(Ranking, &'static [&'static str])> {
        const OBJECT: [&str; 2] = ["NoSuchKey", "NoSuchBucket"];
        const BUCKET: [&str; 1] = ["NoSuchBucket"];
        const UPLOAD: [&str; 2] = ["NoSuchUpload", "NoSuchBucket"];
        const FORBIDDEN: [&str; 4] = [
            "AccessDenied",
            "SignatureDoesNotMatch",
            "InvalidAccessKeyId",
            "RequestTimeTooSkewed",
        ];
        let head = head || matches!(operation, Some("HeadObject" | "HeadBucket"));
        match (status, operation) {
            (404, Some("HeadObject" | "GetObject" | "GetObjectAcl" | "CopyObject")) => {
                Some((Ranking::ObjectMissing, &OBJECT))
            }
            (
                404,
                Some("PutObject" | "AppendObject" | "DeleteObject" | "CreateMultipartUpload"),
            ) => Some((Ranking::BucketMissingForObject, &BUCKET)),
            (
                404,
                Some(
                    "HeadBucket"
                    | "ListObjects"
                    | "ListObjectsV2"
                    | "ListObjectVersions"
                    | "DeleteBucket"
                    | "DeleteObjects"
                    | "GetBucketLocation"
                    | "GetBucketAcl"
                    | "ListMultipartUploads",
                ),
            ) => Some((Ranking::BucketMissing, &BUCKET)),
            (
                404,
                Some(
                    "UploadPart" | "CompleteMultipartUpload" | "AbortMultipartUpload" | "ListParts",
                ),
            ) => Some((Ranking::UploadMissing, &UPLOAD)),
            (403, _) if head => Some((Ranking::HeadForbidden, &FORBIDDEN)),
            _ => None,
        }
    }
}

/// One thing obserr noticed about a response, with the numbers and names it
/// rests on. Serialised (untagged) as its fields; [`Hint::kind`] names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
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
        /// Catalogued codes with this status, at most [`MAX_STATUS_CODES`].
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

/// Which documented meaning of a code applies to this response.
#[derive(Debug, Clone, Copy)]
pub enum Meaning {
    /// A documented row whose cause the server's message names (or the only
    /// row, or the first where none is more likely).
    Documented(&'static Documented),
    /// The code's generic meaning: its rows are narrow causes and the
    /// server's message names none of them (`AccessDenied`: `Access Denied`).
    Generic,
}

/// Codes whose documented rows are narrow special cases of a broader meaning:
/// without a message naming a row, the broader meaning applies.
const GENERIC_MEANING: &[&str] = &["AccessDenied"];

/// Words that say nothing about which cause a row describes.
const UNSPECIFIC: &[&str] = &[
    "request",
    "because",
    "specified",
    "cannot",
    "provided",
    "incorrect",
    "invalid",
];

/// The documented meaning of `entry` that the server's `message` names: the
/// row sharing at least two distinctive words with it (words of that row and
/// no other, not the code's own, not stop words), else the generic meaning
/// for codes that have one, else the primary row.
///
/// (When the catalogue carries causes with their own matching, this is the
/// one function to switch over.)
#[must_use]
pub fn meaning(entry: &'static Entry, message: Option<&str>) -> Meaning {
    let primary = Meaning::Documented(&entry.documented[0]);
    let generic = GENERIC_MEANING.contains(&entry.code);
    let Some(message) = message else {
        return if generic { Meaning::Generic } else { primary };
    };
    let own: Vec<String> = crate::text::code_words(entry.code)
        .iter()
        .map(|w| crate::text::normalize(w))
        .collect();
    let words = |text: &str| -> Vec<String> {
        let mut w: Vec<String> = crate::text::prose_words(text)
            .into_iter()
            .filter(|w| w.len() > 3 && !own.contains(w) && !UNSPECIFIC.contains(&w.as_str()))
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let said = words(message);
    let rows: Vec<Vec<String>> = entry.documented.iter().map(|d| words(d.message)).collect();
    let best = entry
        .documented
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let distinctive = rows[i]
                .iter()
                .filter(|w| {
                    rows.iter()
                        .enumerate()
                        .all(|(j, r)| j == i || !r.contains(w))
                })
                .filter(|w| said.contains(w))
                .count();
            (distinctive, d)
        })
        .filter(|(n, _)| *n >= 2)
        .max_by_key(|(n, _)| *n);
    match best {
        Some((_, d)) => Meaning::Documented(d),
        None if generic => Meaning::Generic,
        None => primary,
    }
}

/// A status the catalogue documents for a code, and the pages that do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentedStatus {
    /// The status.
    pub status: u16,
    /// Its reason phrase.
    pub reason: Option<&'static str>,
    /// The titles of the pages that document it.
    pub sources: Vec<&'static str>,
}

/// A time as the response wrote it, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    /// The time, verbatim.
    pub text: String,
    /// Where it was found.
    pub from: TimeSource,
}

/// Where a time was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The response's `MaxAllowedSkewMilliseconds`.
    Response,
    /// OBS's documented limit, [`DEFAULT_MAX_SKEW_MS`].
    Documented,
}

/// One redirect curl followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    /// Its status.
    pub status: u16,
    /// Its `Location` header.
    pub location: Option<String>,
}

/// The request as curl -v showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestLine {
    /// `GET`, `HEAD`, ...
    pub method: String,
    /// The request target (`/bucket/key?acl`).
    pub target: String,
    /// The `Host` header.
    pub host: Option<String>,
}

/// An id that identifies the request in OBS's logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportId {
    /// `RequestId` / `x-obs-request-id`.
    RequestId,
    /// `HostId` / `x-obs-id-2`.
    HostId,
    /// `x-reserved-indicator`.
    ReservedIndicator,
}

/// The obserr command to run next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// `obserr explain CODE`, a catalogued code.
    Explain(&'static str),
    /// `obserr explain STATUS`, a status the catalogue describes.
    ExplainStatus(u16),
    /// `obserr search WORDS`, the words of an uncatalogued code.
    Search(Vec<String>),
    /// `obserr list`.
    List,
    /// `obserr sigcheck INPUT`: a `SignatureDoesNotMatch` with the server's
    /// string to sign, which sigcheck compares with the client's. The input
    /// as the command line named it (`-` for standard input), once known.
    Sigcheck(Option<String>),
}

/// What obserr concludes about one response.
#[derive(Debug, Clone)]
pub struct Diagnosis {
    /// The response diagnosed.
    pub response: Response,
    /// The catalogue entry for the response's code.
    pub entry: Option<&'static Entry>,
    /// Which of the entry's documented meanings applies (see [`meaning`]).
    pub meaning: Option<Meaning>,
    /// The catalogue's cause that the server's message points to, else the
    /// code's most frequent one (see [`Entry::cause_for`]); `None` for a code
    /// without causes.
    pub cause: Option<&'static catalogue::Cause>,
    /// Whether the server's message pointed to `cause` (else it is only the
    /// most frequent one).
    pub cause_matched: bool,
    /// What the response's status means, when the catalogue knows it.
    pub status_info: Option<&'static StatusInfo>,
    /// For an uncatalogued code: the nearest catalogued ones.
    pub suggestions: Vec<&'static Entry>,
    /// What obserr noticed, most important first.
    pub findings: Vec<Hint>,
    /// The command to run next.
    pub next: Next,
}

impl Diagnosis {
    /// A catalogued code was found (exit status 0).
    #[must_use]
    pub fn found(&self) -> bool {
        self.entry.is_some()
    }
    /// The catalogue's retry advice; unknown without a catalogued code.
    #[must_use]
    pub fn retryable(&self) -> Option<bool> {
        self.entry.map(|e| e.retryable)
    }
    /// The reason phrase to show: the response's own, else the catalogue's.
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        reason(&self.response)
    }
    /// What this diagnosis means for the exit status.
    #[must_use]
    pub fn outcome(&self) -> crate::Outcome {
        if self.found() {
            crate::Outcome::Found
        } else {
            crate::Outcome::NothingFound
        }
    }
}

fn reason(r: &Response) -> Option<&str> {
    r.reason
        .as_deref()
        .or_else(|| r.status.and_then(catalogue::reason))
}

/// Codes long or odd enough that comparing them with the catalogue is pointless.
fn plausible_code(code: &str) -> bool {
    code.len() <= 64 && !code.contains(char::is_whitespace)
}

/// Diagnoses one response.
///
/// ```
/// use obserr::decode::decode;
/// use obserr::diagnose::{diagnose, Hint, Next};
///
/// let d = diagnose(decode(b"<Error><Code>NoSuchKy</Code></Error>"));
/// assert!(!d.found());
/// assert_eq!(d.findings[0], Hint::UnknownCode { code: "NoSuchKy".into(), nearest: vec!["NoSuchKey"] });
/// assert_eq!(d.next, Next::Explain("NoSuchKey"));
/// ```
pub fn diagnose(response: Response) -> Diagnosis {
    let r = &response;
    let entry = r.code.as_deref().and_then(catalogue::lookup);
    let suggestions = match (&r.code, entry) {
        (Some(code), None) if plausible_code(code) => catalogue::suggest(code),
        _ => Vec::new(),
    };
    let status_info = r.status.and_then(catalogue::status_info);
    let meaning = entry.map(|e| meaning(e, r.message.as_deref()));
    let cause = entry.and_then(|e| e.cause_for(r.message.as_deref().unwrap_or("")));
    let cause_matched = entry
        .and_then(|e| e.cause_matching(r.message.as_deref().unwrap_or("")))
        .is_some();
    let mut f = Vec::new();
    if let (Some(evidence), None) = (&r.no_response, r.status) {
        f.push(Hint::NoResponse {
            evidence: evidence.clone(),
        });
    }
    f.extend(proxy(r));
    f.extend(mismatch(r, entry));
    let code = entry.map(|e| e.code);
    if code == Some("RequestTimeTooSkewed") {
        f.push(skew(r));
    }
    if code == Some("SignatureDoesNotMatch") {
        signature(r, &mut f);
    }
    redirects(r, entry, &mut f);
    f.extend(status_only(r, status_info));
    if let (Some(code), None) = (&r.code, entry) {
        f.push(Hint::UnknownCode {
            code: code.clone(),
            nearest: suggestions.iter().map(|e| e.code).collect(),
        });
    }
    f.extend(involved(r));
    if r.truncated {
        f.push(Hint::Truncated);
    }
    if let Some(at) = r.binary_at {
        f.push(Hint::Binary { at });
    }
    f.extend(support(r));
    let next = next(r, entry, &suggestions);
    Diagnosis {
        response,
        entry,
        meaning,
        cause,
        cause_matched,
        status_info,
        suggestions,
        findings: f,
        next,
    }
}

fn proxy(r: &Response) -> Option<Hint> {
    (r.body == Body::ProxyPage).then(|| Hint::Proxy {
        server: r.proxy.clone(),
        status: r.status,
        reason: r.status.and(reason(r)).map(str::to_string),
    })
}

/// Compares the response's status with the statuses the tables document for
/// its code: one of them is no mismatch, but when the tables disagree the
/// finding names every documented status and where it is documented.
fn mismatch(r: &Response, entry: Option<&'static Entry>) -> Option<Hint> {
    let (Some(entry), Some(got)) = (entry, r.status) else {
        return None;
    };
    let statuses = entry.statuses();
    if statuses.is_empty() || statuses == [got] {
        return None;
    }
    let documented = statuses
        .iter()
        .map(|&status| DocumentedStatus {
            status,
            reason: catalogue::reason(status),
            sources: titles_for(entry, status),
        })
        .collect();
    let reason = reason(r).map(str::to_string);
    Some(if entry.documents_status(got) {
        Hint::StatusDocumented {
            code: entry.code,
            got,
            reason,
            documented,
        }
    } else {
        Hint::StatusMismatch {
            code: entry.code,
            got,
            reason,
            documented,
        }
    })
}

/// The titles of the pages that document `entry` with `status`.
fn titles_for(entry: &Entry, status: u16) -> Vec<&'static str> {
    let mut titles: Vec<&'static str> = Vec::new();
    for d in entry.documented.iter().filter(|d| d.status == Some(status)) {
        if !titles.contains(&d.source.title) {
            titles.push(d.source.title);
        }
    }
    titles
}

/// Which time the request carried and which the server had.
fn skew_times(r: &Response) -> (Option<Stamp>, Option<Stamp>) {
    let stamp = |text: &str, from| Stamp {
        text: text.to_string(),
        from,
    };
    let request = r
        .detail("RequestTime")
        .map(|v| stamp(v, TimeSource::RequestTime))
        .or_else(|| {
            let req = r.request.as_ref()?;
            ["x-obs-date", "x-amz-date", "date"]
                .iter()
                .find_map(|h| req.header(h).map(|v| stamp(v, TimeSource::RequestDate)))
        });
    let server = r
        .detail("ServerTime")
        .map(|v| stamp(v, TimeSource::ServerTime))
        .or_else(|| r.header("date").map(|v| stamp(v, TimeSource::ResponseDate)));
    (request, server)
}

fn skew(r: &Response) -> Hint {
    let max_ms = r
        .detail("MaxAllowedSkewMilliseconds")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let (allowed_ms, allowed_from) = match max_ms {
        Some(ms) => (ms, Limit::Response),
        None => (DEFAULT_MAX_SKEW_MS, Limit::Documented),
    };
    let (request, server) = skew_times(r);
    let parsed = |t: &Option<Stamp>| t.as_ref().and_then(|s| timestamp::parse_millis(&s.text));
    match (parsed(&request), parsed(&server), request, server) {
        (Some(req_ms), Some(srv_ms), Some(request), Some(server)) => Hint::ClockSkew {
            request,
            server,
            skew_ms: srv_ms - req_ms,
            allowed_ms,
            allowed_from,
        },
        (_, _, _, server) => Hint::ClockSkewUnknown {
            server,
            allowed_ms,
            allowed_from,
        },
    }
}

fn signature(r: &Response, f: &mut Vec<Hint>) {
    // What the input alone proves (no key): the server's string against the
    // request shown with it.
    let check = crate::sigcheck::check(r, None, None);
    if check.verdict == crate::sigcheck::Verdict::StringToSignDiffers
        && !check.differences.is_empty()
    {
        f.push(Hint::SignatureDiffers {
            differences: check.differences,
        });
    }
    if let Some(sts) = r.detail("StringToSign") {
        f.push(Hint::StringToSign {
            value: sts.to_string(),
        });
    }
    if let Some(ak) = r
        .detail("AWSAccessKeyId")
        .or_else(|| r.detail("AccessKeyId"))
    {
        f.push(Hint::AccessKey { id: ak.to_string() });
    }
    f.push(Hint::SignatureCauses);
}

fn redirects(r: &Response, entry: Option<&'static Entry>, f: &mut Vec<Hint>) {
    let redirect_code = matches!(
        entry.map(|e| e.code),
        Some("PermanentRedirect" | "TemporaryRedirect" | "Redirect")
    ) || r
        .code
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case("Redirect"));
    let redirect_status = r
        .status
        .is_some_and(|s| (300..400).contains(&s) && s != 304);
    if redirect_code || redirect_status {
        f.push(Hint::Redirect {
            endpoint: r.detail("Endpoint").map(str::to_string),
            location: r.header("location").map(str::to_string),
            bucket: r
                .detail("Bucket")
                .or_else(|| r.detail("BucketName"))
                .map(str::to_string),
        });
    }
    let hops: Vec<Hop> = r
        .earlier
        .iter()
        .filter_map(|h| {
            let status = h.status.filter(|s| (300..400).contains(s))?;
            Some(Hop {
                status,
                location: h.header("location").map(str::to_string),
            })
        })
        .collect();
    if !hops.is_empty() {
        f.push(Hint::RedirectsFollowed { hops });
    }
}

fn status_only(r: &Response, info: Option<&'static StatusInfo>) -> Option<Hint> {
    let (None, Some(status)) = (&r.code, r.status) else {
        return None;
    };
    if r.body == Body::ProxyPage {
        return None;
    }
    if status < 300 || status == 304 {
        return Some(Hint::NotAnError { status });
    }
    // The codes a server sends with this status; an SDK's name for the
    // status (`HttpErrorNotFound`) is none of them.
    let mut codes: Vec<&'static str> = catalogue::by_status(StatusFilter::Exact(status))
        .filter(|e| e.kind != catalogue::Kind::SdkStatus)
        .map(|e| e.code)
        .collect();
    let head_request = r.request.as_ref().is_some_and(|q| q.method == "HEAD")
        || matches!(r.operation, Some("HeadObject" | "HeadBucket"));
    let ranking = Ranking::of(status, r.operation, head_request).map(|(ranking, first)| {
        // The ranked codes first (those catalogued with this status), then
        // the rest in catalogue order.
        let mut ranked: Vec<&'static str> = first
            .iter()
            .copied()
            .filter(|c| codes.contains(c))
            .collect();
        codes.retain(|c| !ranked.contains(c));
        ranked.append(&mut codes);
        codes = ranked;
        ranking
    });
    Some(Hint::StatusOnly {
        status,
        reason: info.map(|i| i.reason),
        meaning: info.map(|i| i.meaning),
        total: codes.len(),
        codes: codes.into_iter().take(MAX_STATUS_CODES).collect(),
        no_body: r.body == Body::Empty,
        head_request,
        operation: r.operation,
        ranking,
    })
}

fn involved(r: &Response) -> Option<Hint> {
    let bucket = r.detail("BucketName").or_else(|| r.detail("Bucket"));
    let key = r
        .detail("Key")
        .or_else(|| r.detail("ObjectKey"))
        .or_else(|| r.detail("ObjectName"));
    let named = bucket.is_some() || key.is_some() || r.resource.is_some();
    let request = r.request.as_ref().filter(|_| !named).map(|q| RequestLine {
        method: q.method.clone(),
        target: q.target.clone(),
        host: q.header("host").map(str::to_string),
    });
    (named || request.is_some()).then(|| Hint::Involved {
        bucket: bucket.map(str::to_string),
        key: key.map(str::to_string),
        resource: r.resource.clone(),
        request,
    })
}

fn support(r: &Response) -> Option<Hint> {
    let ids: Vec<SupportId> = [
        (SupportId::RequestId, &r.request_id),
        (SupportId::HostId, &r.host_id),
        (SupportId::ReservedIndicator, &r.reserved_indicator),
    ]
    .into_iter()
    .filter_map(|(id, v)| v.as_ref().map(|_| id))
    .collect();
    (!ids.is_empty() && r.body != Body::ProxyPage).then_some(Hint::SupportIds { ids })
}

fn next(r: &Response, entry: Option<&'static Entry>, suggestions: &[&'static Entry]) -> Next {
    if r.code.as_deref() == Some("SignatureDoesNotMatch") && r.detail("StringToSign").is_some() {
        return Next::Sigcheck(None);
    }
    if let Some(e) = entry.or_else(|| suggestions.first().copied()) {
        return Next::Explain(e.code);
    }
    // Only a status that explain knows; a 200 is not one.
    if let Some(status) = r.status.filter(|&s| catalogue::status_info(s).is_some()) {
        return Next::ExplainStatus(status);
    }
    if let Some(code) = &r.code {
        let words = crate::text::code_words(code);
        if !words.is_empty() && plausible_code(code) {
            return Next::Search(words);
        }
    }
    Next::List
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    fn findings(input: &str) -> Vec<Hint> {
        diagnose(decode(input.as_bytes())).findings
    }

    #[test]
    fn a_documented_status_is_named_but_a_foreign_one_is_a_mismatch() {
        let f = findings("HTTP/1.1 404 Not Found\n\n<Error><Code>RequestTimeout</Code></Error>");
        let Hint::StatusMismatch {
            code,
            got,
            documented,
            ..
        } = &f[0]
        else {
            panic!("{f:?}")
        };
        assert_eq!((*code, *got), ("RequestTimeout", 404));
        let statuses: Vec<u16> = documented.iter().map(|d| d.status).collect();
        assert_eq!(statuses, [408, 400]);
        for ok in [
            "400 Bad Request\n\n<Error><Code>BadDigest",
            "404 Not Found\n\n<Error><Code>NoSuchKey",
        ] {
            let f = findings(&format!("HTTP/1.1 {ok}</Code></Error>"));
            assert!(
                !f.iter().any(|f| matches!(
                    f,
                    Hint::StatusMismatch { .. } | Hint::StatusDocumented { .. }
                )),
                "{f:?}"
            );
        }
    }

    #[test]
    fn a_status_documented_in_another_table_is_no_mismatch_but_both_are_named() {
        let f = findings("HTTP/1.1 400 Bad Request\n\n<Error><Code>RequestTimeout</Code></Error>");
        let Hint::StatusDocumented {
            got: 400,
            documented,
            ..
        } = &f[0]
        else {
            panic!("{f:?}")
        };
        assert_eq!(documented[0].sources, ["OBS Server-side Error Codes"]);
        assert_eq!(
            documented[1].sources,
            ["OBS S3-compatible API: Error Codes"]
        );
    }

    #[test]
    fn skew_from_request_and_server_time() {
        let f = findings("<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240315T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>");
        let Hint::ClockSkew {
            skew_ms,
            allowed_ms,
            allowed_from,
            request,
            server,
        } = &f[0]
        else {
            panic!("{f:?}")
        };
        assert_eq!(
            (*skew_ms, *allowed_ms, *allowed_from),
            (1_392_000, 900_000, Limit::Response)
        );
        assert_eq!(
            (request.from, server.from),
            (TimeSource::RequestTime, TimeSource::ServerTime)
        );
        let f = findings("HTTP/1.1 403 Forbidden\nDate: Fri, 15 Mar 2024 10:00:00 GMT\n\n<Error><Code>RequestTimeTooSkewed</Code><RequestTime>Fri, 15 Mar 2024 10:20:30 GMT</RequestTime></Error>");
        let Hint::ClockSkew {
            skew_ms: -1_230_000,
            server,
            allowed_from: Limit::Documented,
            ..
        } = &f[0]
        else {
            panic!("{f:?}")
        };
        assert_eq!(server.from, TimeSource::ResponseDate);
        let f = findings("<Error><Code>RequestTimeTooSkewed</Code></Error>");
        assert!(
            matches!(
                f[0],
                Hint::ClockSkewUnknown {
                    server: None,
                    allowed_ms: DEFAULT_MAX_SKEW_MS,
                    ..
                }
            ),
            "{f:?}"
        );
        // An impossible date is no time: the skew cannot be computed.
        let f = findings("<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240231T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime></Error>");
        assert!(
            matches!(
                f[0],
                Hint::ClockSkewUnknown {
                    server: Some(_),
                    ..
                }
            ),
            "{f:?}"
        );
    }

    #[test]
    fn signature_mismatch_carries_the_string_to_sign() {
        let d = diagnose(decode(b"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k</StringToSign><AWSAccessKeyId>AK</AWSAccessKeyId></Error>"));
        assert_eq!(
            d.findings[..3],
            [
                Hint::StringToSign {
                    value: "GET\n\n\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k".into()
                },
                Hint::AccessKey { id: "AK".into() },
                Hint::SignatureCauses,
            ]
        );
        assert_eq!(d.next, Next::Sigcheck(None));
    }

    #[test]
    fn the_cause_is_the_one_the_message_points_to() {
        let cause = |xml: &str| {
            diagnose(crate::decode::decode(xml.as_bytes()))
                .cause
                .map(|c| c.cause)
        };
        let e = catalogue::lookup("AccessDenied").unwrap();
        assert_eq!(
            cause("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"),
            Some(e.causes[0].cause)
        );
        let kms = cause(
            "<Error><Code>AccessDenied</Code><Message>No privilege to this kms operation.</Message></Error>",
        );
        assert!(kms.is_some_and(|c| c.contains("KMS")), "{kms:?}");
        // A code without causes has none.
        assert_eq!(
            cause("<Error><Code>BucketNotEmpty</Code><Message>x</Message></Error>"),
            None
        );
    }

    #[test]
    fn access_denied_takes_the_meaning_its_message_names() {
        let e = catalogue::lookup("AccessDenied").unwrap();
        let row = |m: Meaning| match m {
            Meaning::Documented(d) => d.message,
            Meaning::Generic => "generic",
        };
        assert_eq!(row(meaning(e, Some("Access Denied"))), "generic");
        assert_eq!(row(meaning(e, None)), "generic");
        assert_eq!(
            row(meaning(
                e,
                Some("There were headers present in the request which were not signed")
            )),
            "generic"
        );
        assert!(row(meaning(
            e,
            Some("AWS authentication requires a valid Date or x-amz-date header")
        ))
        .contains("date header"));
        assert!(row(meaning(
            e,
            Some("The object is immutable under its WORM retention and cannot be deleted.")
        ))
        .contains("immutable"));
        // A code without a generic meaning keeps its primary row.
        let e = catalogue::lookup("NoSuchKey").unwrap();
        assert_eq!(row(meaning(e, Some("whatever"))), e.documented[0].message);
    }

    #[test]
    fn redirects_name_the_new_address() {
        let f = findings("HTTP/1.1 301 Moved Permanently\nLocation: https://b.obs.eu-nl.example/\n\n<Error><Code>PermanentRedirect</Code><Bucket>b</Bucket><Endpoint>obs.eu-nl.example</Endpoint></Error>");
        assert_eq!(
            f[0],
            Hint::Redirect {
                endpoint: Some("obs.eu-nl.example".into()),
                location: Some("https://b.obs.eu-nl.example/".into()),
                bucket: Some("b".into()),
            }
        );
    }

    #[test]
    fn status_only_unknown_codes_and_next_steps() {
        let d = diagnose(decode(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
        ));
        assert!(!d.found());
        let Hint::StatusOnly {
            status: 404,
            codes,
            no_body: true,
            ..
        } = &d.findings[0]
        else {
            panic!("{:?}", d.findings)
        };
        assert!(codes.contains(&"NoSuchKey"));
        assert_eq!(d.next, Next::ExplainStatus(404));
        let d = diagnose(decode(b"<Error><Code>NoSuchKy</Code></Error>"));
        assert_eq!(d.retryable(), None);
        assert!(
            matches!(&d.findings[0], Hint::UnknownCode { nearest, .. } if nearest[0] == "NoSuchKey")
        );
        assert_eq!(d.next, Next::Explain("NoSuchKey"));
        let d = diagnose(decode(b"{\"code\":\"SYS.0014\"}"));
        assert_eq!(d.next, Next::Explain("SYS.0014"));
        assert_eq!(diagnose(decode(b"hello")).next, Next::List);
        let d = diagnose(decode(
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
        ));
        assert_eq!(d.findings[0], Hint::NotAnError { status: 200 });
    }

    /// The codes and ranking of a bare status's finding.
    fn ranked(input: &str) -> (Vec<&'static str>, Option<Ranking>, Option<&'static str>) {
        let d = diagnose(decode(input.as_bytes()));
        let Some(Hint::StatusOnly {
            codes,
            ranking,
            operation,
            ..
        }) = d.findings.into_iter().find(|f| f.kind() == "status_only")
        else {
            panic!("no status_only finding for {input:?}")
        };
        (codes, ranking, operation)
    }

    #[test]
    fn a_bare_status_ranks_its_codes_by_the_operation() {
        let (codes, ranking, op) =
            ranked("An error occurred (404) when calling the HeadObject operation: Not Found");
        assert_eq!(&codes[..2], ["NoSuchKey", "NoSuchBucket"]);
        assert_eq!(
            (ranking, op),
            (Some(Ranking::ObjectMissing), Some("HeadObject"))
        );
        let (codes, ranking, _) = ranked(
            "> HEAD /bkt HTTP/1.1\r\n> Host: obs.example.com\r\n>\r\n< HTTP/1.1 404 Not Found\r\n< Content-Length: 0\r\n<\r\n",
        );
        assert_eq!(codes[0], "NoSuchBucket");
        assert_eq!(ranking, Some(Ranking::BucketMissing));
        let (codes, ranking, op) = ranked(
            "> HEAD /bkt/k HTTP/1.1\r\n> Host: 127.0.0.1\r\n>\r\n< HTTP/1.1 403 Forbidden\r\n< Content-Length: 0\r\n<\r\n",
        );
        assert_eq!(&codes[..2], ["AccessDenied", "SignatureDoesNotMatch"]);
        assert_eq!(
            (ranking, op),
            (Some(Ranking::HeadForbidden), Some("HeadObject"))
        );
        let (codes, ranking, _) =
            ranked("An error occurred (404) when calling the PutObject operation: Not Found");
        assert_eq!(
            (codes[0], ranking),
            ("NoSuchBucket", Some(Ranking::BucketMissingForObject))
        );
        // No operation named: the catalogue's order, as before.
        let (codes, ranking, op) = ranked("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assert_eq!((ranking, op), (None, None));
        let all: Vec<_> = catalogue::by_status(StatusFilter::Exact(404))
            .filter(|e| e.kind != catalogue::Kind::SdkStatus)
            .map(|e| e.code)
            .take(MAX_STATUS_CODES)
            .collect();
        assert_eq!(codes, all);
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
