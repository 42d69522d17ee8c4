//! Lines that are not access-log lines: obsutil's logs and result lists, SDK
//! log lines, and anything else [`crate::decode`] recognises. A cheap
//! prefilter drops the lines that cannot name an error; the rest go through
//! [`recognise`], the one door to decode's readers, so that what they learn
//! to read (new SDK and tool shapes) scan reads too.
//!
//! obsutil's shapes, from its source (huaweicloud/huaweicloud-obs-obsutil,
//! commit 45ac956), which its documentation does not describe:
//!
//! - every line of its tool and SDK logs and of its result lists starts with
//!   the UTC time as `2006-01-02T15:04:05Z` and a space (`src/command/log.go`
//!   lines 194-214, `src/obs/log.go` lines 291-313);
//! - a failure-report line (`cp_failed_report_<time>_<task>.txt`,
//!   `src/command/misc.go` line 835) is `<size>, <src> --> <dst>, cost [ms],
//!   status [403], error code [AccessDenied], error message [...], request id
//!   [...]`, with `n/a` for what a failure before any request lacks
//!   (`src/command/transfer_upload.go` lines 189-194 and 262,
//!   `transfer_download.go` line 1149, `transfer_copy.go` line 704); `rm`,
//!   `restore` and `chattri` write `Bucket [b], key [k], ...` instead
//!   (`src/command/rm.go` line 80);
//! - the SDK's error text is `obs: service returned error: Status=403
//!   Forbidden, Code=AccessDenied, Message=..., RequestId=...`
//!   (`src/obs/error.go` line 31), logged after `Do http request with error: `
//!   (`src/obs/http.go` line 135).

use super::record::LogRecord;
use crate::decode::{self, Response};
use memchr::memmem;
use std::borrow::Cow;

/// Whether a line may name an error: the gate of decode's own free-text
/// readers (`decode::may_hold_error`), so that scan reads every line shape
/// decode reads, through the same code, with no list of its own.
#[must_use]
pub fn may_be_error(line: &[u8]) -> bool {
    crate::decode::may_hold_error(line)
}

/// Reads text that is not an access-log line with decode's readers. Every
/// reader of responses and log lines is reached through this function.
#[must_use]
pub fn recognise(text: &[u8]) -> Response {
    decode::decode(text)
}

/// The time a line starts with: obsutil's `2006-01-02T15:04:05Z`, or
/// another form tools write (`clock`).
#[must_use]
pub fn leading_time(line: &str) -> Option<i64> {
    super::clock::leading_time(line)
}

/// The bucket and key of the `obs://bucket/key` a line names (a result-list
/// line's source or destination).
fn obs_url(line: &str) -> Option<(&str, &str)> {
    let at = memmem::find(line.as_bytes(), b"obs://")? + 6;
    let rest = &line[at..];
    // Fields are separated by ", "; a source is followed by " --> ".
    let end = [", ", " --> "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let (bucket, key) = rest[..end].split_once('/').unwrap_or((&rest[..end], ""));
    Some((bucket, key))
}

/// What one non-access-log line says, or `None` when it names neither an error
/// nor a response status.
#[must_use]
pub fn line(bytes: &[u8]) -> Option<LogRecord<'static>> {
    if !may_be_error(bytes) {
        return None;
    }
    let r = recognise(bytes);
    let text = crate::decode::utf8_lossy(bytes);
    // A failure-report line of a failure before any request: neither status
    // nor code, but a failure all the same.
    let client_failure = r.status.is_none()
        && r.code.is_none()
        && text.contains(" --> ")
        && text.contains("error message [");
    if r.status.is_none() && r.code.is_none() && !client_failure {
        return None;
    }
    let mut record = from_response(r, Some(&text));
    record.client_failure = client_failure;
    Some(record)
}

/// A record from a decoded response; `line`, when the response came from one
/// line, adds the time it starts with and the bucket and key it names.
// Taken by value: callers hand over a response they no longer need.
#[allow(clippy::needless_pass_by_value)]
pub fn from_response(r: Response, line: Option<&str>) -> LogRecord<'static> {
    let own = |s: Option<&str>| s.map(|s| Cow::Owned(s.to_string()));
    let url = line.and_then(obs_url);
    let time = line
        .and_then(leading_time)
        .or_else(|| r.header("date").and_then(crate::timestamp::parse_millis));
    LogRecord {
        time,
        status: r.status,
        code: r.code.clone().map(Cow::Owned),
        request_id: r.request_id.clone().map(Cow::Owned),
        operation: None,
        bucket: own(r.detail("BucketName").or(url.map(|u| u.0))),
        key: own(r
            .detail("Key")
            .or(url.map(|u| u.1))
            .filter(|k| !k.is_empty())),
        requester: None,
        ip: None,
        client_failure: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obsutil_failure_report_lines() {
        let r = line(b"2019-04-17T02:19:08Z 1.00KB, /data/a b.txt --> obs://bkt/dir/a b.txt, cost [12], status [403], error code [AccessDenied], error message [Access Denied], request id [00000168A2C7]").unwrap();
        assert_eq!(r.time, Some(1_555_467_548_000));
        assert_eq!(r.status, Some(403));
        assert_eq!(r.code.as_deref(), Some("AccessDenied"));
        assert_eq!(r.request_id.as_deref(), Some("00000168A2C7"));
        assert_eq!(r.bucket.as_deref(), Some("bkt"));
        assert_eq!(r.key.as_deref(), Some("dir/a b.txt"));
        let r = line(b"2019-04-17T02:19:08Z Bucket [bkt], key [k/1], , cost [3], status [404], error code [NoSuchKey], error message [x], request id [R]").unwrap();
        assert_eq!(r.bucket.as_deref(), Some("bkt"));
        assert_eq!(r.key.as_deref(), Some("k/1"));
        let r = line(b"2019-04-17T02:19:08Z 1.00KB, /data/x --> obs://bkt/x, n/a, n/a, n/a, error message [open /data/x: permission denied], n/a").unwrap();
        assert!(r.client_failure);
        assert_eq!((r.status, r.code.as_deref()), (None, None));
    }

    #[test]
    fn sdk_log_lines_and_success_lines() {
        let r = line(b"2024-03-15T10:15:00Z [WARN]: http.go:135|Do http request with error: obs: service returned error: Status=503 Service Unavailable, Code=SlowDown, Message=Please reduce your request rate., RequestId=R9").unwrap();
        assert_eq!(r.time, Some(1_710_497_700_000));
        assert_eq!(
            (r.status, r.code.as_deref(), r.request_id.as_deref()),
            (Some(503), Some("SlowDown"), Some("R9"))
        );
        let r = line(b"2019-04-17T02:19:08Z 1.00KB, n/a, /a --> obs://b/a, cost [5], status [200], success message [succeed], request id [R]").unwrap();
        assert_eq!((r.status, r.code.as_deref()), (Some(200), None));
        assert!(!r.is_error());
        assert!(line(b"2024-03-15T10:15:00Z [INFO]: uploading part 3").is_none());
        assert!(line(b"just code, nothing else").is_none());
        // rclone --dump headers (tests/fixtures/clients/rclone).
        let r = line(b"2026/12/07 10:30:11 DEBUG : HTTP/1.1 404 Not Found").unwrap();
        assert_eq!(r.status, Some(404));
        // A success is a request, not an error.
        let r = line(b"2026/12/07 10:30:11 DEBUG : HTTP/1.1 200 OK").unwrap();
        assert!(!r.is_error());
        assert!(line(b"\"GET /b/k HTTP/1.1\" 200 5").is_none_or(|r| !r.is_error()));
        // The shapes decode reads with no label: a Go SDK's `Code: message`,
        // botocore's sentence, a PHP tag.
        for text in [
            "2024/11/20 10:00:03 AccessDenied: Access Denied",
            "An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.",
            "AccessDenied (client): Access Denied",
        ] {
            assert!(may_be_error(text.as_bytes()), "{text}");
            assert!(line(text.as_bytes()).is_some_and(|r| r.is_error()), "{text}");
        }
        // aws --debug's last line for a HEAD error (tests/fixtures/clients/aws-cli).
        let r = line(b"An error occurred (404) when calling the HeadObject operation: Not Found")
            .unwrap();
        assert_eq!((r.status, r.code.as_deref()), (Some(404), None));
        assert!(r.is_error());
    }

    #[test]
    fn leading_times() {
        assert_eq!(
            leading_time("2024-03-15T10:15:00Z x"),
            Some(1_710_497_700_000)
        );
        assert_eq!(
            leading_time("2024-03-15 10:15:00,123 ERROR x"),
            Some(1_710_497_700_123)
        );
        assert_eq!(
            leading_time("[2024-03-15 10:15:00] x"),
            Some(1_710_497_700_000)
        );
        assert_eq!(leading_time("status [403]"), None);
        // Ten digits are epoch seconds (scan::clock); nine are nothing.
        assert_eq!(leading_time("123456789 é"), None);
    }
}
