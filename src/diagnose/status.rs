//! What the response's status says: whether the tables document it for the
//! code (a mismatch, or one of several documented statuses), and for a status
//! without a code, what it means and which codes come with it, ranked by the
//! operation.

use super::diagnosis::reason;
use super::hint::{DocumentedStatus, Hint, MAX_STATUS_CODES};
use super::ranking::Ranking;
use crate::catalogue::{self, Entry, StatusFilter, StatusInfo};
use crate::decode::{Body, Response};

/// Compares the response's status with the statuses the tables document for
/// its code: one of them is no mismatch, but when the tables disagree the
/// finding names every documented status and where it is documented.
pub(super) fn mismatch(r: &Response, entry: Option<&'static Entry>) -> Option<Hint> {
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

/// A status without an error code: not an error at all, or what it means
/// and the codes that come with it.
pub(super) fn status_only(r: &Response, info: Option<&'static StatusInfo>) -> Option<Hint> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

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
}
