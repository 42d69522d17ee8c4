//! `RequestTimeTooSkewed`: the request's time and the server's, as the
//! response carries them, and the skew between them when both are times.

use super::hint::{Hint, Limit, Stamp, TimeSource, DEFAULT_MAX_SKEW_MS};
use crate::decode::Response;
use crate::timestamp;

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

/// The clock skew of a `RequestTimeTooSkewed`, computed when the response
/// carries both times.
pub(super) fn skew(r: &Response) -> Hint {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    fn findings(input: &str) -> Vec<Hint> {
        diagnose(decode(input.as_bytes())).findings
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
}
