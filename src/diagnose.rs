//! Judges a decoded [`Response`] against the catalogue: finds the entry for
//! its code, and computes hints from the response itself (status mismatch,
//! clock skew, the server's StringToSign, where a redirect points, what the
//! request concerned, what a bare status means, the nearest codes to an
//! unknown one) and the command to run next. Pure: no I/O, no formatting for
//! a terminal (hints hold the response's text as it arrived; renderers make
//! it safe).

use crate::catalogue::{self, Entry, StatusFilter, StatusInfo};
use crate::decode::{Body, Framing, Response};
use crate::timestamp;

/// OBS rejects requests whose time is off by more than this (documented:
/// "If the offset is longer than 15 minutes, the OBS server will reject your
/// requests"), when the response does not say.
const DEFAULT_MAX_SKEW_MS: u64 = 15 * 60 * 1000;
/// Codes listed for a bare status before pointing at `obserr explain STATUS`.
const MAX_STATUS_CODES: usize = 8;

/// One piece of advice. `block` is verbatim text from the response (the
/// server's StringToSign) to show line by line with its line breaks visible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub text: String,
    pub block: Option<String>,
}

impl Hint {
    fn new(text: impl Into<String>) -> Hint {
        Hint {
            text: text.into(),
            block: None,
        }
    }
}

/// What obserr concludes about one response.
#[derive(Debug)]
pub struct Diagnosis<'r> {
    pub response: &'r Response,
    /// The catalogue entry for the response's code.
    pub entry: Option<&'static Entry>,
    /// What the response's status means, when the catalogue knows it.
    pub status_info: Option<&'static StatusInfo>,
    /// For an uncatalogued code: the nearest catalogued ones.
    pub suggestions: Vec<&'static Entry>,
    pub hints: Vec<Hint>,
    /// The obserr command to run next (only catalogue names and digits in it).
    pub next: String,
}

impl Diagnosis<'_> {
    /// A catalogued code was found (exit status 0).
    pub fn found(&self) -> bool {
        self.entry.is_some()
    }
    /// The catalogue's retry advice; unknown without a catalogued code.
    pub fn retryable(&self) -> Option<bool> {
        self.entry.map(|e| e.retryable)
    }
    /// The reason phrase to show: the response's own, else the catalogue's.
    pub fn reason(&self) -> Option<&str> {
        let r = self.response;
        r.reason
            .as_deref()
            .or_else(|| r.status.and_then(catalogue::reason))
    }
}

/// Codes long or odd enough that comparing them with the catalogue is pointless.
fn plausible_code(code: &str) -> bool {
    code.len() <= 64 && !code.contains(char::is_whitespace)
}

/// Diagnoses one response.
pub fn diagnose(r: &Response) -> Diagnosis<'_> {
    let entry = r.code.as_deref().and_then(catalogue::lookup);
    let suggestions = match (&r.code, entry) {
        (Some(code), None) if plausible_code(code) => catalogue::suggest(code),
        _ => Vec::new(),
    };
    let mut d = Diagnosis {
        response: r,
        entry,
        status_info: r.status.and_then(catalogue::status_info),
        suggestions,
        hints: Vec::new(),
        next: String::new(),
    };
    proxy_hint(&mut d);
    mismatch_hint(&mut d);
    let code = entry.map(|e| e.code);
    if code == Some("RequestTimeTooSkewed") {
        skew_hint(&mut d);
    }
    if code == Some("SignatureDoesNotMatch") {
        signature_hints(&mut d);
    }
    redirect_hints(&mut d);
    status_only_hint(&mut d);
    unknown_code_hint(&mut d);
    involved_hint(&mut d);
    if r.truncated {
        d.hints.push(Hint::new(
            "The body ends before it is complete (cut off in transit or when copied): \
             what arrived is used, the full response may say more.",
        ));
    }
    if let Some(at) = r.binary_at {
        d.hints.push(Hint::new(format!(
            "The input turns binary at about byte {at} (a NUL or dense control bytes): \
             obserr read only the text before it. An error response is text."
        )));
    }
    support_hint(&mut d);
    d.next = next_command(&d);
    d
}

fn proxy_hint(d: &mut Diagnosis) {
    let r = d.response;
    if r.body != Body::ProxyPage {
        return;
    }
    let who = r.proxy.as_deref().unwrap_or("a proxy or gateway");
    let status = r.status.map_or(String::new(), |s| {
        format!(" with {s} {}", d.reason().unwrap_or(""))
            .trim_end()
            .to_string()
    });
    d.hints.push(Hint::new(format!(
        "This page did not come from OBS: {who} answered{status}. The request may not \
         have reached OBS at all; check the proxy, load balancer or gateway between you \
         and OBS (its logs and its upstream), then retry."
    )));
}

/// Compares the response's status with the statuses the tables document for
/// its code: one of them is no mismatch, but when the tables disagree the hint
/// names every documented status and where it is documented.
fn mismatch_hint(d: &mut Diagnosis) {
    let (Some(entry), Some(status)) = (d.entry, d.response.status) else {
        return;
    };
    let documented = entry.statuses();
    if documented.is_empty() || documented == [status] {
        return;
    }
    let said = format!("{status} {}", d.reason().unwrap_or(""));
    let said = said.trim_end();
    let text = if entry.documents_status(status) {
        let each: Vec<String> = documented
            .iter()
            .map(|st| format!("{} ({})", status_name(*st), titles_for(entry, *st)))
            .collect();
        format!(
            "{} is documented as {}; this response has {said}, a documented status: \
             nothing changed it on the way.",
            entry.code,
            each.join(" and as ")
        )
    } else {
        let usual: Vec<String> = documented.iter().map(|st| status_name(*st)).collect();
        format!(
            "The response came with status {said}, but OBS documents {} with {}: \
             something between you and OBS (a proxy, gateway or SDK) may have changed the \
             status; the code is the more specific signal.",
            entry.code,
            usual.join(" or ")
        )
    };
    d.hints.push(Hint::new(text));
}

fn status_name(status: u16) -> String {
    format!("{status} {}", catalogue::reason(status).unwrap_or(""))
        .trim_end()
        .to_string()
}

/// The titles of the pages that document `entry` with `status`.
fn titles_for(entry: &Entry, status: u16) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for d in entry.documented.iter().filter(|d| d.status == Some(status)) {
        if !titles.contains(&d.source.title) {
            titles.push(d.source.title);
        }
    }
    titles.join(", ")
}

/// A time as the response wrote it, and where it came from.
type Stamp = Option<(String, &'static str)>;

/// Which time the request carried and which the server had.
fn skew_times(r: &Response) -> (Stamp, Stamp) {
    let request = r
        .detail("RequestTime")
        .map(|v| (v.to_string(), "RequestTime"))
        .or_else(|| {
            let req = r.request.as_ref()?;
            ["x-obs-date", "x-amz-date", "date"].iter().find_map(|h| {
                req.header(h)
                    .map(|v| (v.to_string(), "the request's Date header"))
            })
        });
    let server = r
        .detail("ServerTime")
        .map(|v| (v.to_string(), "ServerTime"))
        .or_else(|| {
            r.header("date")
                .map(|v| (v.to_string(), "the response's Date header"))
        });
    (request, server)
}

fn skew_hint(d: &mut Diagnosis) {
    let r = d.response;
    let max_ms = r
        .detail("MaxAllowedSkewMilliseconds")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let max = match max_ms {
        Some(ms) => format!(
            "{} ({ms} ms, MaxAllowedSkewMilliseconds)",
            timestamp::minutes_seconds(ms)
        ),
        None => format!(
            "{} (OBS's documented limit)",
            timestamp::minutes_seconds(DEFAULT_MAX_SKEW_MS)
        ),
    };
    let limit = max_ms.unwrap_or(DEFAULT_MAX_SKEW_MS);
    let (request, server) = skew_times(r);
    let parsed = |t: &Stamp| t.as_ref().and_then(|(v, _)| timestamp::parse_millis(v));
    let (Some(req_ms), Some(srv_ms)) = (parsed(&request), parsed(&server)) else {
        let server_said = match &server {
            Some((v, from)) => format!("The server's clock read {v} ({from}). "),
            None => String::new(),
        };
        d.hints.push(Hint::new(format!(
            "{server_said}The response does not carry both times, so the skew cannot be \
             computed: compare the client's clock with the server's Date header \
             (`curl -sI` the endpoint), then set the client's clock right (enable NTP) \
             and send the request again. OBS allows at most {max}."
        )));
        return;
    };
    let (req_text, req_from) = request.expect("parsed above");
    let (srv_text, srv_from) = server.expect("parsed above");
    let skew = srv_ms - req_ms;
    let amount = timestamp::minutes_seconds(skew.unsigned_abs());
    let direction = if skew >= 0 { "behind" } else { "ahead of" };
    let mut text = format!(
        "The request was dated {req_text} ({req_from}); the server's clock read {srv_text} \
         ({srv_from}): the client's clock is {amount} {direction} the server's, "
    );
    if skew.unsigned_abs() > limit {
        text.push_str(&format!(
            "more than the {max} OBS allows. Fix the client's clock, not the server's: \
             enable time synchronisation (NTP, e.g. `timedatectl set-ntp true`), then sign \
             and send the request again."
        ));
    } else {
        text.push_str(&format!(
            "within the {max} OBS allows: the request was probably signed long before it \
             was sent (queued, or retried with its old signature). Sign it again right \
             before sending, and check the client's clock against NTP."
        ));
    }
    d.hints.push(Hint::new(text));
}

fn signature_hints(d: &mut Diagnosis) {
    let r = d.response;
    if let Some(sts) = r.detail("StringToSign") {
        d.hints.push(Hint {
            text: "The server signed this StringToSign; your client must sign exactly the \
                   same bytes, so compare it line by line with the string your client logged:"
                .to_string(),
            block: Some(sts.to_string()),
        });
    }
    if let Some(ak) = r
        .detail("AWSAccessKeyId")
        .or_else(|| r.detail("AccessKeyId"))
    {
        d.hints.push(Hint::new(format!(
            "The server checked the signature with access key ID {ak}: make sure your secret \
             access key is the one paired with it."
        )));
    }
    d.hints.push(Hint::new(
        "Usual causes: a secret access key (SK) that does not belong to the access key ID \
         (AK), or with a stray space or line break in it; headers changed after signing \
         (Content-Type, Content-MD5, Date or x-obs-date, x-obs-*/x-amz-* headers added or \
         altered by a proxy or SDK); a different resource path, sub-resource (?acl, \
         ?uploadId=...) or URL encoding of the object key; signing for the other protocol \
         (OBS vs S3 headers) or signature version.",
    ));
}

fn redirect_hints(d: &mut Diagnosis) {
    let r = d.response;
    let redirect_code = matches!(
        d.entry.map(|e| e.code),
        Some("PermanentRedirect" | "TemporaryRedirect" | "Redirect")
    ) || r
        .code
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case("Redirect"));
    let redirect_status = r
        .status
        .is_some_and(|s| (300..400).contains(&s) && s != 304);
    if redirect_code || redirect_status {
        let endpoint = r.detail("Endpoint");
        let bucket = r.detail("Bucket").or_else(|| r.detail("BucketName"));
        let location = r.header("location");
        let mut text = match (endpoint, location) {
            (Some(e), _) => format!("Send the request to endpoint {e} instead"),
            (None, Some(l)) => format!("Send the request to {l} instead (the Location header)"),
            (None, None) => "The response names no new address: look up the bucket's region \
                             (in the console, or `obsutil stat obs://BUCKET`) and send the \
                             request to that region's endpoint"
                .to_string(),
        };
        if let (Some(b), true) = (bucket, endpoint.is_some() || location.is_some()) {
            text.push_str(&format!(": bucket {b} is reached there"));
        }
        if let (Some(e), Some(l)) = (endpoint, location) {
            text.push_str(&format!(" (Location: {l}; endpoint {e})"));
        }
        text.push_str(
            ". Configure that endpoint in your client rather than following the \
                       redirect on every request.",
        );
        d.hints.push(Hint::new(text));
    }
    let hops: Vec<String> = r
        .earlier
        .iter()
        .filter(|h| h.status.is_some_and(|s| (300..400).contains(&s)))
        .map(|h| match (h.status, h.header("location")) {
            (Some(s), Some(l)) => format!("{s} to {l}"),
            (Some(s), None) => s.to_string(),
            _ => String::new(),
        })
        .collect();
    if !hops.is_empty() {
        d.hints.push(Hint::new(format!(
            "curl followed {} redirect{} before this response ({}); the diagnosis is about \
             the last response.",
            hops.len(),
            if hops.len() == 1 { "" } else { "s" },
            hops.join(", ")
        )));
    }
}

fn status_only_hint(d: &mut Diagnosis) {
    let r = d.response;
    let (None, Some(status)) = (&r.code, r.status) else {
        return;
    };
    if r.body == Body::ProxyPage {
        return;
    }
    if status < 300 || status == 304 {
        d.hints.push(Hint::new(format!(
            "Status {status} is not an error: this response reports success. If the input held \
             several responses, the last one counts: paste the failing one on its own."
        )));
        return;
    }
    let codes: Vec<&str> = catalogue::by_status(StatusFilter::Exact(status))
        .map(|e| e.code)
        .collect();
    let why = if r.body == Body::Empty {
        "The response carries no error code (a HEAD response has no body)"
    } else {
        "The response carries no error code"
    };
    let mut text = format!("{why}: status {status}");
    if let Some(info) = d.status_info {
        text.push_str(&format!(" {} means: {}", info.reason, info.meaning));
    }
    text.push(' ');
    match codes.len() {
        0 => text.push_str("No catalogued code comes with this status."),
        n if n <= MAX_STATUS_CODES => {
            text.push_str(&format!("OBS sends it with: {}.", codes.join(", ")));
        }
        n => text.push_str(&format!(
            "OBS sends it with {n} codes, among them {}; `obserr explain {status}` lists all.",
            codes[..MAX_STATUS_CODES].join(", ")
        )),
    }
    if r.request.as_ref().is_some_and(|q| q.method == "HEAD") {
        text.push_str(" Send the same request as GET to see the error body.");
    }
    text.push_str(match status {
        500.. => " A 5xx status is usually transient: retry with exponential backoff.",
        400..=499 => " A 4xx status means the request must change before a retry can succeed.",
        _ => "",
    });
    d.hints.push(Hint::new(text));
}

fn unknown_code_hint(d: &mut Diagnosis) {
    let (Some(code), None) = (&d.response.code, d.entry) else {
        return;
    };
    let text = if d.suggestions.is_empty() {
        format!(
            "{code} is not in obserr's catalogue of OBS server-side codes, and no catalogued \
             code is close to it; it may come from another service or API (IAM, an API \
             gateway, an extension API)."
        )
    } else {
        let names: Vec<&str> = d.suggestions.iter().map(|e| e.code).collect();
        format!(
            "{code} is not in obserr's catalogue; the nearest catalogued codes: {}.",
            names.join(", ")
        )
    };
    d.hints.push(Hint::new(text));
}

fn involved_hint(d: &mut Diagnosis) {
    let r = d.response;
    let mut parts = Vec::new();
    if let Some(b) = r.detail("BucketName").or_else(|| r.detail("Bucket")) {
        parts.push(format!("bucket {b}"));
    }
    if let Some(k) = r
        .detail("Key")
        .or_else(|| r.detail("ObjectKey"))
        .or_else(|| r.detail("ObjectName"))
    {
        parts.push(format!("object key {k}"));
    }
    if let Some(res) = &r.resource {
        parts.push(format!("resource {res}"));
    }
    if let (true, Some(q)) = (parts.is_empty(), &r.request) {
        let host = q
            .header("host")
            .map_or(String::new(), |h| format!(" on {h}"));
        parts.push(format!("the request {} {}{host}", q.method, q.target));
    }
    if !parts.is_empty() {
        d.hints
            .push(Hint::new(format!("It concerns {}.", parts.join(", "))));
    }
}

fn support_hint(d: &mut Diagnosis) {
    let r = d.response;
    let ids: Vec<String> = [
        ("request ID", &r.request_id),
        ("host ID", &r.host_id),
        ("x-reserved-indicator", &r.reserved_indicator),
    ]
    .iter()
    .filter_map(|(name, v)| v.as_ref().map(|_| name.to_string()))
    .collect();
    let list = match ids.as_slice() {
        [] => return,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    if r.body != Body::ProxyPage {
        d.hints.push(Hint::new(format!(
            "If you contact support, give them this response's {list}: they identify the \
             request in OBS's logs."
        )));
    }
}

fn next_command(d: &Diagnosis) -> String {
    if let Some(e) = d.entry.or_else(|| d.suggestions.first().copied()) {
        return format!("obserr explain {}", e.code);
    }
    // Only a status that explain knows; a 200 is not one.
    if let Some(status) = d
        .response
        .status
        .filter(|&s| catalogue::status_info(s).is_some())
    {
        return format!("obserr explain {status}");
    }
    if let Some(code) = &d.response.code {
        let words = crate::text::code_words(code);
        if !words.is_empty() && plausible_code(code) {
            return format!("obserr search {}", words.join(" "));
        }
    }
    "obserr list".to_string()
}

/// A short description of what the input was read as.
pub fn read_as(r: &Response) -> String {
    let version = r
        .head
        .as_ref()
        .map(|h| h.version.as_str())
        .filter(|v| !v.is_empty());
    let mut parts: Vec<String> = Vec::new();
    match r.framing {
        Framing::Include => parts.push(format!("curl -i output ({})", version.unwrap_or("HTTP"))),
        Framing::Verbose => parts.push(format!("curl -v output ({})", version.unwrap_or("HTTP"))),
        Framing::Headers => parts.push("response headers".to_string()),
        Framing::Bare => {}
    }
    if r.responses > 1 {
        parts.push(format!("{} responses, the last one counts", r.responses));
    }
    parts.push(
        match r.body {
            Body::Empty => "no body",
            Body::Xml => "XML error body",
            Body::Json => "JSON error body",
            Body::Html => "OBS website error page",
            Body::ProxyPage => "HTML page from a proxy",
            Body::LogLine => "obsutil/SDK log line",
            Body::Unrecognised => "unrecognised text",
        }
        .to_string(),
    );
    if r.truncated {
        parts.push("truncated".to_string());
    }
    if let Some(at) = r.binary_at {
        parts.push(format!("binary from byte {at}"));
    }
    if r.omitted > 0 {
        parts.push(format!("{} more fields not shown", r.omitted));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    fn hints(input: &str) -> Vec<String> {
        let r = decode(input.as_bytes());
        diagnose(&r).hints.into_iter().map(|h| h.text).collect()
    }

    #[test]
    fn a_documented_status_is_named_but_a_foreign_one_is_a_mismatch() {
        let h = hints("HTTP/1.1 404 Not Found\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(
            h[0].contains(
                "status 404 Not Found, but OBS documents RequestTimeout with 408 Request Timeout or 400 Bad Request"
            ),
            "{h:?}"
        );
        let h = hints("HTTP/1.1 400 Bad Request\n\n<Error><Code>BadDigest</Code></Error>");
        assert!(!h.iter().any(|t| t.contains("documents")), "{h:?}");
        let h = hints("HTTP/1.1 404 Not Found\n\n<Error><Code>NoSuchKey</Code></Error>");
        assert!(!h.iter().any(|t| t.contains("documents")), "{h:?}");
    }

    #[test]
    fn a_status_documented_in_another_table_is_no_mismatch_but_both_are_named() {
        let h = hints("HTTP/1.1 400 Bad Request\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(
            h[0].starts_with(
                "RequestTimeout is documented as 408 Request Timeout (OBS Server-side Error Codes) \
                 and as 400 Bad Request (OBS S3-compatible API: Error Codes); this response has \
                 400 Bad Request, a documented status"
            ),
            "{h:?}"
        );
        let h = hints("HTTP/1.1 408 Request Timeout\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(
            h[0].contains("this response has 408 Request Timeout"),
            "{h:?}"
        );
    }

    #[test]
    fn skew_from_request_and_server_time() {
        let h = hints("<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240315T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>");
        assert!(h[0].contains("the client's clock is 23 min 12 s behind the server's, more than the 15 min (900000 ms"), "{h:?}");
        let h = hints("HTTP/1.1 403 Forbidden\nDate: Fri, 15 Mar 2024 10:00:00 GMT\n\n<Error><Code>RequestTimeTooSkewed</Code><RequestTime>Fri, 15 Mar 2024 10:20:30 GMT</RequestTime></Error>");
        assert!(h[0].contains("20 min 30 s ahead of the server's"), "{h:?}");
        assert!(h[0].contains("the response's Date header"), "{h:?}");
        let h = hints("<Error><Code>RequestTimeTooSkewed</Code></Error>");
        assert!(h[0].contains("cannot be computed"), "{h:?}");
    }

    #[test]
    fn signature_mismatch_shows_the_string_to_sign() {
        let r = decode(b"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k</StringToSign></Error>");
        let d = diagnose(&r);
        assert_eq!(
            d.hints[0].block.as_deref(),
            Some("GET\n\n\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k")
        );
        assert!(d.hints.iter().any(|h| h.text.starts_with("Usual causes")));
        assert_eq!(d.next, "obserr explain SignatureDoesNotMatch");
    }

    #[test]
    fn redirects_name_the_new_address() {
        let h = hints("HTTP/1.1 301 Moved Permanently\nLocation: https://b.obs.eu-nl.example/\n\n<Error><Code>PermanentRedirect</Code><Bucket>b</Bucket><Endpoint>obs.eu-nl.example</Endpoint></Error>");
        assert!(
            h[0].starts_with(
                "Send the request to endpoint obs.eu-nl.example instead: bucket b is reached there"
            ),
            "{h:?}"
        );
    }

    #[test]
    fn status_only_unknown_codes_and_next_steps() {
        let r = decode(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        let d = diagnose(&r);
        assert!(!d.found());
        assert!(d.hints[0].text.contains("NoSuchKey"), "{:?}", d.hints);
        assert_eq!(d.next, "obserr explain 404");
        let r = decode(b"<Error><Code>NoSuchKy</Code></Error>");
        let d = diagnose(&r);
        assert_eq!(d.retryable(), None);
        assert!(d.hints[0]
            .text
            .contains("nearest catalogued codes: NoSuchKey"));
        assert_eq!(d.next, "obserr explain NoSuchKey");
        let r = decode(b"{\"code\":\"SYS.0014\"}");
        assert_eq!(diagnose(&r).next, "obserr explain SYS.0014");
        assert_eq!(diagnose(&decode(b"hello")).next, "obserr list");
        let r = decode(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
        assert!(diagnose(&r).hints[0]
            .text
            .starts_with("Status 200 is not an error"));
    }
}
