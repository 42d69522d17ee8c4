//! The sentence each [`Hint`] becomes, with the numbers and names it rests
//! on. Text from the response is in it as it arrived: the caller makes it
//! visible.

use crate::diagnose::{
    DocumentedStatus, Hint, Limit, Ranking, Stamp, SupportId, TimeSource, MAX_STATUS_CODES,
};
use crate::sanitize::visible;

/// A differing component's two values: `client "…", server "…"` (`absent`
/// where one string lacks it), made visible.
pub(super) fn both_values(x: &crate::sigcheck::Difference) -> String {
    let value = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "absent".to_string(), |v| format!("\"{}\"", visible(v)))
    };
    format!("client {}, server {}", value(&x.client), value(&x.server))
}

/// A duration as whole minutes and seconds: `23 min 12 s`, `45 s`.
#[must_use]
pub fn minutes_seconds(ms: u64) -> String {
    let secs = ms / 1000;
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A status and its reason phrase: `404 Not Found`, or `404`.
fn status_name(status: u16, reason: Option<&str>) -> String {
    format!("{status} {}", reason.unwrap_or(""))
        .trim_end()
        .to_string()
}

/// A list for a sentence: `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn stamp_source(from: TimeSource) -> &'static str {
    match from {
        TimeSource::RequestTime => "RequestTime",
        TimeSource::RequestDate => "the request's Date header",
        TimeSource::ServerTime => "ServerTime",
        TimeSource::ResponseDate => "the response's Date header",
    }
}

fn allowed(ms: u64, from: Limit) -> String {
    match from {
        Limit::Response => format!(
            "{} ({ms} ms, MaxAllowedSkewMilliseconds)",
            minutes_seconds(ms)
        ),
        Limit::Documented => format!("{} (OBS's documented limit)", minutes_seconds(ms)),
    }
}

fn stamp(s: &Stamp) -> String {
    format!("{} ({})", s.text, stamp_source(s.from))
}

/// The sentence a finding becomes (for a `StringToSign`, the line before the
/// block). Text from the response is in it as it arrived: the caller makes
/// it visible.
#[allow(clippy::too_many_lines)] // one arm per finding, each a sentence
pub fn finding(f: &Hint) -> String {
    match f {
        Hint::Proxy {
            server,
            status,
            reason,
        } => {
            let who = server.as_deref().unwrap_or("a proxy or gateway");
            let with = status.map_or(String::new(), |s| {
                format!(" with {}", status_name(s, reason.as_deref()))
            });
            format!(
                "This page did not come from OBS: {who} answered{with}. The request may not \
                 have reached OBS at all; check the proxy, load balancer or gateway between you \
                 and OBS (its logs and its upstream), then retry."
            )
        }
        Hint::StatusDocumented {
            code,
            got,
            reason,
            documented,
        } => {
            let each: Vec<String> = documented
                .iter()
                .map(|d| format!("{} ({})", documented_name(d), d.sources.join(", ")))
                .collect();
            format!(
                "{code} is documented as {}; this response has {}, a documented status: \
                 nothing changed it on the way.",
                each.join(" and as "),
                status_name(*got, reason.as_deref())
            )
        }
        Hint::StatusMismatch {
            code,
            got,
            reason,
            documented,
        } => {
            let usual: Vec<String> = documented.iter().map(documented_name).collect();
            format!(
                "The response came with status {}, but OBS documents {code} with {}: \
                 something between you and OBS (a proxy, gateway or SDK) may have changed the \
                 status; the code is the more specific signal.",
                status_name(*got, reason.as_deref()),
                usual.join(" or ")
            )
        }
        Hint::ClockSkew {
            request,
            server,
            skew_ms,
            allowed_ms,
            allowed_from,
        } => {
            let amount = minutes_seconds(skew_ms.unsigned_abs());
            let direction = if *skew_ms >= 0 { "behind" } else { "ahead of" };
            let max = allowed(*allowed_ms, *allowed_from);
            let mut text = format!(
                "The request was dated {}; the server's clock read {}: the client's clock is \
                 {amount} {direction} the server's, ",
                stamp(request),
                stamp(server)
            );
            if skew_ms.unsigned_abs() > *allowed_ms {
                text.push_str(&format!(
                    "more than the {max} OBS allows. Fix the client's clock, not the server's: \
                     enable time synchronisation (NTP, e.g. `timedatectl set-ntp true`), then \
                     sign and send the request again."
                ));
            } else {
                text.push_str(&format!(
                    "within the {max} OBS allows: the request was probably signed long before \
                     it was sent (queued, or retried with its old signature). Sign it again \
                     right before sending, and check the client's clock against NTP."
                ));
            }
            text
        }
        Hint::ClockSkewUnknown {
            server,
            allowed_ms,
            allowed_from,
        } => {
            let server_said = server.as_ref().map_or(String::new(), |s| {
                format!("The server's clock read {}. ", stamp(s))
            });
            format!(
                "{server_said}The response does not carry both times, so the skew cannot be \
                 computed: compare the client's clock with the server's Date header \
                 (`curl -sI` the endpoint), then set the client's clock right (enable NTP) \
                 and send the request again. OBS allows at most {}.",
                allowed(*allowed_ms, *allowed_from)
            )
        }
        Hint::StringToSign { .. } => "The server signed this StringToSign; your client must \
            sign exactly the same bytes, so compare it line by line with the string your client \
            logged:"
            .to_string(),
        Hint::AccessKey { id } => format!(
            "The server checked the signature with access key ID {id}: make sure your secret \
             access key is the one paired with it."
        ),
        Hint::SignatureDiffers { differences } => {
            let each: Vec<String> = differences
                .iter()
                .map(|x| {
                    format!(
                        "the {} ({})",
                        crate::render::sigcheck::component_name(x.component, x.name.as_deref()),
                        both_values(x)
                    )
                })
                .collect();
            format!(
                "The request in the input and the server's string to sign differ in {}: \
                 the server saw another request than the client signed.",
                each.join("; ")
            )
        }
        Hint::SignatureCauses => "Usual causes: a secret access key (SK) that does not \
            belong to the access key ID (AK), or with a stray space or line break in it; headers \
            changed after signing (Content-Type, Content-MD5, Date or x-obs-date, \
            x-obs-*/x-amz-* headers added or altered by a proxy or SDK); a different resource \
            path, sub-resource (?acl, ?uploadId=...) or URL encoding of the object key; signing \
            for the other protocol (OBS vs S3 headers) or signature version."
            .to_string(),
        Hint::Redirect {
            endpoint,
            location,
            bucket,
        } => redirect(endpoint.as_deref(), location.as_deref(), bucket.as_deref()),
        Hint::RedirectsFollowed { hops } => {
            let each: Vec<String> = hops
                .iter()
                .map(|h| match &h.location {
                    Some(l) => format!("{} to {l}", h.status),
                    None => h.status.to_string(),
                })
                .collect();
            format!(
                "curl followed {} redirect{} before this response ({}); the diagnosis is about \
                 the last response.",
                hops.len(),
                if hops.len() == 1 { "" } else { "s" },
                each.join(", ")
            )
        }
        Hint::NotAnError { status } => format!(
            "Status {status} is not an error: this response reports success. If the input held \
             several responses, the last one counts: paste the failing one on its own."
        ),
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
        } => status_only(
            *status,
            reason.zip(*meaning),
            codes,
            *total,
            *no_body,
            *head_request,
            ranking.map(|r| (r, *operation)),
        ),
        Hint::UnknownCode { code, nearest } => {
            if nearest.is_empty() {
                format!(
                    "{code} is not in obserr's catalogue of OBS server-side codes, and no \
                     catalogued code is close to it; it may come from another service or API \
                     (IAM, an API gateway, an extension API)."
                )
            } else {
                format!(
                    "{code} is not in obserr's catalogue; the nearest catalogued codes: {}.",
                    nearest.join(", ")
                )
            }
        }
        Hint::Involved {
            bucket,
            key,
            resource,
            request,
        } => {
            let mut parts = Vec::new();
            if let Some(b) = bucket {
                parts.push(format!("bucket {b}"));
            }
            if let Some(k) = key {
                parts.push(format!("object key {k}"));
            }
            if let Some(r) = resource {
                parts.push(format!("resource {r}"));
            }
            if let Some(q) = request {
                let host = q
                    .host
                    .as_ref()
                    .map_or(String::new(), |h| format!(" on {h}"));
                parts.push(format!("the request {} {}{host}", q.method, q.target));
            }
            format!("It concerns {}.", parts.join(", "))
        }
        Hint::NoResponse { evidence } => format!(
            "No HTTP response arrived ({evidence}): the request failed before OBS could \
             answer, on the client's side or on the network (DNS, connection, TLS, proxy). \
             There is no error code to look up: check the endpoint name, the network path and \
             any proxy settings, and the SDK's log for the underlying exception, then retry."
        ),
        Hint::Truncated => "The body ends before it is complete (cut off in transit or when \
            copied): what arrived is used, the full response may say more."
            .to_string(),
        Hint::Binary { at } => format!(
            "The input turns binary at about byte {at} (a NUL or dense control bytes): obserr \
             read only the text before it. An error response is text."
        ),
        Hint::SupportIds { ids } => {
            let names: Vec<&str> = ids
                .iter()
                .map(|id| match id {
                    SupportId::RequestId => "request ID",
                    SupportId::HostId => "host ID",
                    SupportId::ReservedIndicator => "x-reserved-indicator",
                })
                .collect();
            format!(
                "If you contact support, give them this response's {}: they identify the \
                 request in OBS's logs.",
                and_list(&names)
            )
        }
    }
}

fn documented_name(d: &DocumentedStatus) -> String {
    status_name(d.status, d.reason)
}

fn redirect(endpoint: Option<&str>, location: Option<&str>, bucket: Option<&str>) -> String {
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
        ". Configure that endpoint in your client rather than following the redirect on \
         every request.",
    );
    text
}

fn status_only(
    status: u16,
    info: Option<(&str, &str)>,
    codes: &[&str],
    total: usize,
    no_body: bool,
    head_request: bool,
    ranking: Option<(Ranking, Option<&str>)>,
) -> String {
    let why = match (no_body, head_request) {
        (true, true) => "The response carries no error code (a HEAD response has no body)",
        (true, false) => "The response carries no error code (no body was captured with it)",
        (false, _) => "The response carries no error code",
    };
    let mut text = format!("{why}: status {status}");
    if let Some((reason, meaning)) = info {
        text.push_str(&format!(" {reason} means: {meaning}"));
    }
    text.push(' ');
    let order = if ranking.is_some() {
        "most likely first:"
    } else {
        "among them"
    };
    match total {
        0 => text.push_str("No catalogued code comes with this status."),
        n if n <= MAX_STATUS_CODES => {
            text.push_str(&format!("OBS sends it with: {}.", codes.join(", ")));
        }
        n => text.push_str(&format!(
            "OBS sends it with {n} codes, {order} {}; `obserr explain {status}` lists all.",
            codes.join(", ")
        )),
    }
    if let Some((ranking, operation)) = ranking {
        text.push(' ');
        text.push_str(&why_first(operation, ranking));
    }
    if head_request {
        text.push_str(" Send the same request as GET to see the error body.");
    }
    text.push_str(match status {
        500.. => " A 5xx status is usually transient: retry with exponential backoff.",
        400..=499 => " A 4xx status means the request must change before a retry can succeed.",
        _ => "",
    });
    text
}

/// Why the first of a bare status's codes comes first.
fn why_first(named: Option<&str>, ranking: Ranking) -> String {
    let operation = named.unwrap_or("this request");
    match ranking {
        Ranking::ObjectMissing => format!(
            "For {operation} the likeliest is NoSuchKey: the object does not exist (NoSuchBucket \
             if the bucket does not either)."
        ),
        Ranking::BucketMissingForObject => format!(
            "For {operation} the likeliest is NoSuchBucket: a missing object is no error there."
        ),
        Ranking::BucketMissing => {
            format!("For {operation}, a bucket operation, the likeliest is NoSuchBucket.")
        }
        Ranking::UploadMissing => format!(
            "For {operation} the likeliest is NoSuchUpload: the multipart upload was completed, \
             aborted or expired."
        ),
        Ranking::HeadForbidden => format!(
            "For {}the likeliest is AccessDenied (a policy or ACL refuses it), then a signing \
             problem (SignatureDoesNotMatch, InvalidAccessKeyId, RequestTimeTooSkewed).",
            named.map_or_else(
                || "a HEAD request ".to_string(),
                |op| format!("{op}, a HEAD request, ")
            )
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    fn sentences(input: &str) -> Vec<String> {
        diagnose(decode(input.as_bytes()))
            .findings
            .iter()
            .map(finding)
            .collect()
    }

    #[test]
    fn findings_read_as_sentences_with_their_numbers() {
        let h = sentences("HTTP/1.1 404 Not Found\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(h[0].contains("status 404 Not Found, but OBS documents RequestTimeout with 408 Request Timeout or 400 Bad Request"), "{h:?}");
        let h = sentences("HTTP/1.1 400 Bad Request\n\n<Error><Code>RequestTimeout</Code></Error>");
        assert!(h[0].starts_with("RequestTimeout is documented as 408 Request Timeout (OBS Server-side Error Codes) and as 400 Bad Request (OBS S3-compatible API: Error Codes); this response has 400 Bad Request, a documented status"), "{h:?}");
        let h = sentences("<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240315T101500Z</RequestTime><ServerTime>2024-03-15T10:38:12Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>");
        assert!(h[0].contains("the client's clock is 23 min 12 s behind the server's, more than the 15 min (900000 ms"), "{h:?}");
        let h = sentences("HTTP/1.1 403 Forbidden\nDate: Fri, 15 Mar 2024 10:00:00 GMT\n\n<Error><Code>RequestTimeTooSkewed</Code><RequestTime>Fri, 15 Mar 2024 10:20:30 GMT</RequestTime></Error>");
        assert!(
            h[0].contains("20 min 30 s ahead of the server's")
                && h[0].contains("the response's Date header"),
            "{h:?}"
        );
        let h = sentences("<Error><Code>RequestTimeTooSkewed</Code></Error>");
        assert!(h[0].contains("cannot be computed"), "{h:?}");
        let h = sentences("HTTP/1.1 301 Moved Permanently\nLocation: https://b.obs.eu-nl.example/\n\n<Error><Code>PermanentRedirect</Code><Bucket>b</Bucket><Endpoint>obs.eu-nl.example</Endpoint></Error>");
        assert!(
            h[0].starts_with(
                "Send the request to endpoint obs.eu-nl.example instead: bucket b is reached there"
            ),
            "{h:?}"
        );
        let h = sentences(
            "<Error><Code>NoSuchKy</Code><RequestId>R</RequestId><HostId>H</HostId></Error>",
        );
        assert_eq!(
            h[0],
            "NoSuchKy is not in obserr's catalogue; the nearest catalogued codes: NoSuchKey."
        );
        assert!(
            h[1].contains("this response's request ID and host ID:"),
            "{h:?}"
        );
    }

    #[test]
    fn durations_in_minutes_and_seconds() {
        assert_eq!(minutes_seconds(1_392_000), "23 min 12 s");
        assert_eq!(minutes_seconds(900_000), "15 min");
        assert_eq!(minutes_seconds(45_900), "45 s");
    }
}
