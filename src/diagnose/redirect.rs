//! Redirects: where a redirecting response points, and the redirects curl
//! followed before the response that counts.

use super::hint::{Hint, Hop};
use crate::catalogue::Entry;
use crate::decode::Response;

/// A redirect's new address, and the hops curl followed.
pub(super) fn redirects(r: &Response, entry: Option<&'static Entry>, f: &mut Vec<Hint>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    fn findings(input: &str) -> Vec<Hint> {
        diagnose(decode(input.as_bytes())).findings
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
}
